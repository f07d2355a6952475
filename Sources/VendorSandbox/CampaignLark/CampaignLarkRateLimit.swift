/// Where the CampaignLark rate limit reads the time.
enum CampaignLarkClock: Sendable {
    /// Real time: what a client talking to the sandbox as to the vendor meets.
    case real
    /// The vendor's simulated time, which only `advance(by:)` moves: for tests that must
    /// hit and leave the limit without waiting.
    case simulated
}

/// 100 requests per second per workspace, counted over a sliding one-second window;
/// refused requests do not count.
struct CampaignLarkRateLimit: Sendable {
    static let requestsPerSecond = 100

    /// Per workspace, the times (in seconds) of the requests admitted in the last second, oldest first.
    private var admitted: [String: [Double]] = [:]

    /// Counts a request of `workspace` at `time`, or throws the 429 with the whole seconds
    /// until the oldest counted request leaves the window.
    mutating func admit(_ workspace: String, at time: Double) throws {
        var times = Array(admitted[workspace, default: []].drop { time - $0 >= 1 })
        if times.count >= Self.requestsPerSecond {
            let wait = 1 - (time - times[0])
            admitted[workspace] = times
            throw CampaignLarkError.tooManyRequests(retryAfterSeconds: max(1, Int(wait.rounded(.up))))
        }
        times.append(time)
        admitted[workspace] = times
    }
}
