/// A request refused by the rate limit: which limit and how long until a request fits.
struct ReplyIORateLimitRefusal: Equatable, Sendable {
    let limit: Int
    let window: String
    let retryAfter: Int
}

/// Reply.io's limits per API key: 100 requests per minute and 3,000 per hour, counted over
/// sliding windows of the time given to ``admit(key:at:)``. Refused requests do not count.
struct ReplyIORateLimit: Sendable {
    private struct Window {
        let limit: Int
        let seconds: Double
        let name: String
    }

    private static let windows = [
        Window(limit: 100, seconds: 60, name: "minute"), Window(limit: 3000, seconds: 3600, name: "hour"),
    ]

    /// Times of each key's admitted requests within the longest window, oldest first.
    private var admitted: [String: [Double]] = [:]

    /// Counts a request of `key` at `now` (seconds), or says why it must wait.
    mutating func admit(key: String, at now: Double) -> ReplyIORateLimitRefusal? {
        let longest = Self.windows.map(\.seconds).max() ?? 0
        var times = admitted[key, default: []]
        times.removeFirst(times.prefix { $0 <= now - longest }.count)
        for window in Self.windows {
            let recent = times.drop { $0 <= now - window.seconds }
            if recent.count >= window.limit, let oldest = recent.first {
                admitted[key] = times
                let wait = oldest + window.seconds - now
                return ReplyIORateLimitRefusal(
                    limit: window.limit, window: window.name, retryAfter: max(1, Int(wait.rounded(.up))))
            }
        }
        times.append(now)
        admitted[key] = times
        return nil
    }
}
