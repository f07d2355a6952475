/// Which failures are retried, how often, and how long to wait in between.
///
/// Only failures that cannot have been a refusal of the request are retried: no answer
/// (connection error, timeout) and 408, 425, 429, 500, 502, 503, 504. A 4xx validation
/// error is final. Waits are exponential with full jitter (a uniform draw from zero to
/// `baseDelay * 2^(attempt-1)`, capped at `maxDelay`); a `Retry-After` is honoured as given.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts per batch, the first included.
    public var maxAttempts: Int
    /// The backoff ceiling after the first failure, in seconds.
    public var baseDelay: Double
    /// The largest backoff ceiling, in seconds.
    public var maxDelay: Double
    /// A `Retry-After` longer than this gives the batch up instead of waiting, in seconds.
    public var maxRetryAfter: Double

    public init(maxAttempts: Int = 6, baseDelay: Double = 0.5, maxDelay: Double = 30, maxRetryAfter: Double = 300) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
    }

    /// Statuses that say "not now" rather than "not this".
    public static let retryableStatuses: Set<Int> = [408, 425, 429, 500, 502, 503, 504]

    /// True when sending the same request again is safe and may succeed.
    public static func isRetryable(_ error: VendorError) -> Bool {
        switch error {
        case .connection, .timeout: true
        case .http(let status, _, _): retryableStatuses.contains(status)
        case .decoding, .invalidRequest, .unsupported: false
        }
    }

    /// The wait after failed attempt number `attempt` (1 for the first), for a `jitter` drawn
    /// uniformly from 0..<1.
    public func backoff(afterAttempt attempt: Int, jitter: Double) -> Double {
        let ceiling = min(maxDelay, baseDelay * Double(1 << min(max(attempt - 1, 0), 30)))
        return ceiling * min(max(jitter, 0), 1)
    }
}
