import Foundation
import SwitchboardCore

/// The vendor gave no answer (connection refused or reset, DNS, TLS, timeout) however
/// often it was asked. Not a `VendorError` on purpose: the sync engine stops on it and
/// leaves the journal entry unsettled, so `journal replay` sends it later.
struct VendorUnreachable: Error, CustomStringConvertible {
    var vendor: Vendor
    var baseURL: String
    var attempts: Int
    var underlying: VendorError

    var description: String {
        "\(vendor.displayName) unreachable at \(baseURL) after \(attempts) attempt\(attempts == 1 ? "" : "s"): \(underlying)"
    }
}

/// Calls to one account's vendor, retried while the vendor gives no answer, with the sync
/// engine's backoff; every refusal of the credential (401, 403) is noted for the exit status.
final class VendorReach: Sendable {
    let account: Account
    let policy: RetryPolicy
    private let refusal = Locked<VendorError?>(nil)

    init(account: Account, policy: RetryPolicy) {
        self.account = account
        self.policy = policy
    }

    /// The first 401 or 403 any call met, if one did.
    var refused: VendorError? { refusal.value }

    /// Runs `body`, again after a backoff while it fails without an answer; throws
    /// `VendorUnreachable` once `policy.maxAttempts` are spent. A call that is not
    /// idempotent (a create) passes `retrying: false`: a timeout may mean the vendor did
    /// the work, and sending it again would make a second one.
    func call<T: Sendable>(retrying: Bool = true, _ body: @Sendable () async throws -> T) async throws -> T {
        try await call(retrying: retrying, answers: false, body)
    }

    /// Runs a read (a listing, a campaign, stats): as `call`, and also asked again after an
    /// answer that says "later" (408, 425, 429, 500, 502, 503, 504), after the wait its
    /// `Retry-After` asks for (capped by the policy) or else the backoff. A read changes
    /// nothing, so asking again is always safe; the last such answer is thrown as it came.
    func read<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        try await call(retrying: true, answers: true, body)
    }

    private func call<T: Sendable>(
        retrying: Bool, answers: Bool, _ body: @Sendable () async throws -> T
    ) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await body()
            } catch let error as VendorError {
                switch error {
                case .connection, .timeout:
                    guard retrying, attempt < policy.maxAttempts else {
                        throw VendorUnreachable(
                            vendor: account.vendor, baseURL: account.baseURL, attempts: attempt, underlying: error)
                    }
                    let wait = policy.backoff(afterAttempt: attempt, jitter: Double.random(in: 0..<1))
                    try await Task.sleep(for: .milliseconds(Int64(wait * 1000)))
                    attempt += 1
                case .http(let status, _, let retryAfter) where answers && RetryPolicy.retryableStatuses.contains(status):
                    guard attempt < policy.maxAttempts else { throw error }
                    let asked = retryAfter.map { min(policy.maxRetryAfter, $0.delay(now: Date().timeIntervalSince1970)) }
                    let wait = asked ?? policy.backoff(afterAttempt: attempt, jitter: Double.random(in: 0..<1))
                    try await Task.sleep(for: .milliseconds(Int64(wait * 1000)))
                    attempt += 1
                case .http(let status, _, _) where status == 401 || status == 403:
                    refusal.update { $0 = $0 ?? error }
                    throw error
                default:
                    throw error
                }
            }
        }
    }
}

/// A value shared between tasks behind a lock.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value { lock.withLock { stored } }

    func update(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}
