import Foundation

/// The clock, the sleep and the dice the sync engine uses: real ones in the app, instant
/// ones in tests, so retries and pacing take no real time there.
public struct SyncEnvironment: Sendable {
    public var now: @Sendable () -> Date
    /// Waits this many seconds (throws `CancellationError` when cancelled).
    public var sleep: @Sendable (Double) async throws -> Void
    /// A number drawn uniformly from 0..<1, for backoff jitter.
    public var jitter: @Sendable () -> Double
    /// Told of each failed request that will be sent again, before the wait.
    public var retrying: @Sendable (SyncRetry) -> Void

    public init(
        now: @escaping @Sendable () -> Date, sleep: @escaping @Sendable (Double) async throws -> Void,
        jitter: @escaping @Sendable () -> Double, retrying: @escaping @Sendable (SyncRetry) -> Void = { _ in }
    ) {
        self.now = now
        self.sleep = sleep
        self.jitter = jitter
        self.retrying = retrying
    }

    /// The wall clock, `Task.sleep` and the system random generator.
    public static let live = SyncEnvironment(
        now: { Date() },
        sleep: { seconds in if seconds > 0 { try await Task.sleep(for: .milliseconds(Int64(seconds * 1000))) } },
        jitter: { Double.random(in: 0..<1) })
}

/// A request that failed and will be sent again after `wait` seconds.
public struct SyncRetry: Sendable, Hashable {
    /// Contacts in the batch.
    public var contacts: Int
    /// What went wrong, as the operator reads it (never a credential).
    public var reason: String
    public var wait: Double

    public init(contacts: Int, reason: String, wait: Double) {
        self.contacts = contacts
        self.reason = reason
        self.wait = wait
    }
}
