import Foundation
import Hummingbird

extension AnyreachVendor {
    /// The org-wide concurrency limit and the time zone list.
    func addSettingsRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.get("campaign/concurrency-settings") { request, _ in
            try authentication.authorize(request, needs: .readConcurrency)
            return try await read {
                ConcurrencyAnswer(concurrencyLimit: $0.concurrencyLimit, activeCalls: $0.activeCallCount)
            }
        }
        group.put("campaign/concurrency-settings") { request, context in
            try authentication.authorize(request, needs: .manageConcurrency)
            let change = try await parsing.body(ConcurrencyChange.self, of: request, context: context)
            let range = AnyreachState.concurrencyRange
            guard range.contains(change.concurrencyLimit) else {
                throw AnyreachError.badRequest(
                    "concurrency_limit must be from \(range.lowerBound) to \(range.upperBound), not \(change.concurrencyLimit)"
                )
            }
            return try await write { state in
                state.concurrencyLimit = change.concurrencyLimit
                return ConcurrencyAnswer(concurrencyLimit: state.concurrencyLimit, activeCalls: state.activeCallCount)
            }
        }
        group.get("campaign/timezones") { _, _ in
            try JSONAnswer.response(TimezoneList(timezones: TimeZone.knownTimeZoneIdentifiers.sorted()))
        }
    }
}
