/// How the sync engine sends one account's changes: how many requests at once, how fast,
/// and how it retries.
///
/// The defaults per vendor (`defaults(for:)`), from the vendors' documents:
///
/// | vendor      | contacts/request | concurrent | pace              | why                                              |
/// |-------------|------------------|------------|-------------------|--------------------------------------------------|
/// | Anyreach    | 1000             | 4          | none              | no documented rate limit                         |
/// | Replify     | 100              | 4          | none              | no documented rate limit                         |
/// | CampaignLark| 1                | 8          | 50 requests/s     | 100 requests/s per workspace; half left for reads |
/// | Reply.io    | 1                | 1          | 1 request / 1.2 s | 100/min and 3,000/hour per user: 3,000/h binds    |
public struct SyncSettings: Sendable, Hashable {
    /// Requests in flight at once for the account (a batch waiting to retry holds its slot).
    public var concurrency: Int
    /// At most this many requests start per second; nil for no pacing.
    public var requestsPerSecond: Double?
    public var retry: RetryPolicy

    public init(concurrency: Int, requestsPerSecond: Double? = nil, retry: RetryPolicy = RetryPolicy()) {
        self.concurrency = max(1, concurrency)
        self.requestsPerSecond = requestsPerSecond
        self.retry = retry
    }

    /// The defaults that respect each vendor's documented rate limit (see the table above).
    public static func defaults(for vendor: Vendor) -> SyncSettings {
        switch vendor {
        case .anyreach: SyncSettings(concurrency: 4)
        case .replify: SyncSettings(concurrency: 4)
        case .campaignlark: SyncSettings(concurrency: 8, requestsPerSecond: 50)
        case .replyio: SyncSettings(concurrency: 1, requestsPerSecond: 3000.0 / 3600.0)
        }
    }
}

/// Spaces request starts at least `1 / requestsPerSecond` apart.
struct RequestPacer: Sendable {
    let interval: Double
    private var nextStart = -Double.infinity

    init(requestsPerSecond: Double?) {
        interval = requestsPerSecond.map { $0 > 0 ? 1 / $0 : 0 } ?? 0
    }

    /// Reserves the next start slot; returns how long to wait from `now` until it.
    mutating func reserve(now: Double) -> Double {
        guard interval > 0 else { return 0 }
        let start = max(now, nextStart)
        nextStart = start + interval
        return start - now
    }
}
