import ArgumentParser
import Dispatch
import Foundation
import SwitchboardCore

/// `switchboard stats CAMPAIGN [--watch] [--interval SECONDS]`: a campaign's status counts.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show a campaign's contact counts by status; --watch keeps them fresh.",
        discussion: """
            With --watch the counts are redrawn in place on a terminal, or printed as one line per \
            reading otherwise (one JSON document per line with --json); Ctrl-C stops.

            Anyreach's stats route takes the campaign's UUID only; an external id given here is \
            first resolved to the UUID through the campaign route (which takes either).

            Example:
              switchboard stats spring-2025 --watch --interval 5 --account acme-calls
            """
    )

    @OptionGroup var account: AccountOption
    @OptionGroup var output: JSONFlag
    @Argument(help: "The campaign id (Anyreach: its UUID or external id).") var campaign: String
    @Flag(help: "Read again every --interval seconds until Ctrl-C.") var watch = false
    @Option(help: "Seconds between readings with --watch.") var interval: Double = 2

    func validate() throws {
        guard interval >= 0.1 else { throw ValidationError("--interval must be at least 0.1 seconds") }
    }

    func run() async throws {
        try await Session.with(account: account.account) { session in
            try session.require(.stats, for: "campaign stats")
            let store = try openStore()
            let campaignID = try await statsID(session: session)
            guard watch else {
                let counts = try await reading(campaignID, session: session, store: store)
                try output.json
                    ? JSONOutput.print(document(counts, campaignID: campaignID, session: session)) : print(render(counts))
                return
            }
            let inPlace = !output.json && isatty(STDOUT_FILENO) == 1
            let interrupts = Interrupt.signals()
            let loop = Task {
                var drawnLines = 0
                while !Task.isCancelled {
                    let counts = try await reading(campaignID, session: session, store: store)
                    if output.json {
                        try JSONOutput.printLine(document(counts, campaignID: campaignID, session: session))
                    } else if inPlace {
                        let text = render(counts)
                        // Back to the top of the last drawing, clear to the end, draw again.
                        if drawnLines > 0 { print("\u{1B}[\(drawnLines)A\u{1B}[J", terminator: "") }
                        print(text)
                        drawnLines = text.split(separator: "\n", omittingEmptySubsequences: false).count
                    } else {
                        print(line(counts))
                    }
                    fflush(nil)
                    try await Task.sleep(for: .milliseconds(Int64(interval * 1000)))
                }
            }
            let stopper = Task {
                for await _ in interrupts {
                    loop.cancel()
                    break
                }
            }
            let result = await loop.result
            stopper.cancel()
            switch result {
            case .success, .failure(is CancellationError): break
            case .failure(let error): throw error
            }
        }
    }

    /// The id the stats route takes: Anyreach resolves an external id on its campaign
    /// route but not on its stats route, so the campaign is looked up once when the
    /// argument is not already its UUID.
    private func statsID(session: Session) async throws -> String {
        guard session.account.vendor == .anyreach, UUID(uuidString: campaign) == nil else { return campaign }
        return try await session.client.campaign(id: campaign).id
    }

    private func reading(_ campaignID: String, session: Session, store: Store) async throws -> StatusCounts {
        let counts = try await session.client.stats(campaignID: campaignID)
        try await store.recordStats(counts, account: session.account.name, campaignID: campaignID, takenAt: Date())
        return counts
    }

    private func document(_ counts: StatusCounts, campaignID: String, session: Session) -> JSONValue {
        var document = session.header
        document["campaign"] = .string(campaignID)
        document["taken_at"] = .date(Date())
        document["total"] = .int(counts.total)
        document["by_status"] = .object(
            Dictionary(uniqueKeysWithValues: NormalizedStatus.allCases.map { ($0.rawValue, .int(counts[$0])) }))
        document["raw"] = .object(counts.raw.mapValues { .int($0) })
        document["active_calls"] = .int(counts.activeCalls)
        document["attempts"] = .int(counts.attempts)
        document["concurrency_limit"] = .int(counts.concurrencyLimit)
        return .object(document)
    }

    private func render(_ counts: StatusCounts) -> String {
        let style = Style.forStream()
        var table = Table("STATUS", "CONTACTS")
        for status in NormalizedStatus.allCases where counts.byStatus[status] != nil {
            table.add(status.rawValue, String(counts[status]))
        }
        table.add("total", String(counts.total))
        var text = table.render(style: style) { column, value in column == 0 ? style.word(value) : value }
        var extra: [String] = []
        if let active = counts.activeCalls { extra.append("active calls \(active)") }
        if let limit = counts.concurrencyLimit { extra.append("limit \(limit)") }
        if let attempts = counts.attempts { extra.append("attempts \(attempts)") }
        if !extra.isEmpty { text += "\n" + extra.joined(separator: ", ") }
        return text
    }

    /// One reading on one line, for a pipe or a file.
    private func line(_ counts: StatusCounts) -> String {
        let time = Date().formatted(.iso8601)
        let parts = NormalizedStatus.allCases.filter { counts.byStatus[$0] != nil }.map { "\($0.rawValue)=\(counts[$0])" }
        return "\(time) total=\(counts.total) " + parts.joined(separator: " ")
            + (counts.activeCalls.map { " active_calls=\($0)" } ?? "")
    }
}

/// Ctrl-C (SIGINT) as a stream of events, so a watch stops cleanly instead of dying mid-line.
enum Interrupt {
    /// Each Ctrl-C while the stream is iterated; the default action is back when it ends.
    static func signals() -> AsyncStream<Void> {
        signal(SIGINT, SIG_IGN)
        nonisolated(unsafe) let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        return AsyncStream { continuation in
            source.setEventHandler { continuation.yield() }
            continuation.onTermination = { _ in
                source.cancel()
                signal(SIGINT, SIG_DFL)
            }
            source.resume()
        }
    }
}
