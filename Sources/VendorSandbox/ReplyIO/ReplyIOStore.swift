/// Holds the account's state and the rate limit; every request goes through here one at a time.
actor ReplyIOStore {
    private let seed: UInt64
    private(set) var state: ReplyIOState
    private var rateLimit = ReplyIORateLimit()
    private var realStart = ContinuousClock.now
    /// Where the last `advance(by:)` left the rate limit's clock.
    private var advancedTo = 0.0

    init(seed: UInt64) {
        self.seed = seed
        state = ReplyIOSeed.state(seed: seed)
    }

    /// Seconds since the seed as the rate limit counts them: real time, moved forward by
    /// every `advance(by:)` from wherever it stands, so a test (or `/_sandbox/advance`) can
    /// let a minute pass without waiting, and a time scale above 1 speeds it up.
    private var elapsed: Double {
        let (seconds, attoseconds) = (ContinuousClock.now - realStart).components
        return max(Double(seconds) + Double(attoseconds) / 1e18, advancedTo)
    }

    /// Counts a request made with `key`; throws the 429 when it is over a limit.
    func admit(key: String) throws {
        if let refusal = rateLimit.admit(key: key, at: elapsed) { throw ReplyIOProblem.rateLimited(refusal) }
    }

    func read<Answer: Sendable>(_ body: @Sendable (ReplyIOState) throws -> Answer) rethrows -> Answer {
        try body(state)
    }

    /// Runs a change on a copy and keeps it only if the change succeeds.
    func write<Answer: Sendable>(_ body: @Sendable (inout ReplyIOState) throws -> Answer) rethrows -> Answer {
        var draft = state
        let answer = try body(&draft)
        state = draft
        return answer
    }

    /// Moves simulated time, and the rate limit's clock, forward by `seconds`.
    func advance(by seconds: Double) {
        advancedTo = elapsed + seconds
        state.now = state.now.addingTimeInterval(seconds)
    }

    /// Back to the seeded state, with no requests counted.
    func reset() {
        state = ReplyIOSeed.state(seed: seed)
        rateLimit = ReplyIORateLimit()
        realStart = .now
        advancedTo = 0
    }
}
