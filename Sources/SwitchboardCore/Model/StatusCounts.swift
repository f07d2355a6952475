/// How many contacts a campaign holds in each neutral status, plus the vendor's own words.
public struct StatusCounts: Sendable, Hashable, Codable {
    public var total: Int
    /// Counts by neutral bucket; a bucket the vendor does not report is absent.
    public var byStatus: [NormalizedStatus: Int]
    /// Counts keyed by the vendor's own status words, as reported.
    public var raw: [String: Int]
    /// Calls or sends in flight right now, where the vendor reports it.
    public var activeCalls: Int?
    /// Attempts made so far, where the vendor reports it.
    public var attempts: Int?
    /// The concurrency limit in force, where the vendor reports it.
    public var concurrencyLimit: Int?

    public init(
        total: Int, byStatus: [NormalizedStatus: Int], raw: [String: Int] = [:], activeCalls: Int? = nil,
        attempts: Int? = nil, concurrencyLimit: Int? = nil
    ) {
        self.total = total
        self.byStatus = byStatus
        self.raw = raw
        self.activeCalls = activeCalls
        self.attempts = attempts
        self.concurrencyLimit = concurrencyLimit
    }

    /// The count in one bucket, zero when absent.
    public subscript(status: NormalizedStatus) -> Int { byStatus[status] ?? 0 }
}
