/// Holds the organization's state and its dialer; every request and dialer step goes
/// through here one at a time.
actor AnyreachStore {
    private let seed: UInt64
    private let contactCount: Int
    private(set) var state: AnyreachState
    private(set) var dialer: Dialer

    init(seed: UInt64, contactCount: Int) {
        self.seed = seed
        self.contactCount = contactCount
        state = AnyreachSeed.state(seed: seed, contactCount: contactCount)
        dialer = Dialer(seed: seed)
    }

    func read<Answer: Sendable>(_ body: @Sendable (AnyreachState) throws -> Answer) throws -> Answer {
        try body(state)
    }

    /// Runs a change on a copy and keeps it only if the change succeeds.
    func write<Answer: Sendable>(_ body: @Sendable (inout AnyreachState) throws -> Answer) throws -> Answer {
        var draft = state
        let answer = try body(&draft)
        state = draft
        return answer
    }

    /// Runs a change that throws only before it changes anything directly on the state,
    /// without the copy `write` makes: copying a million contacts for every upsert of a bulk
    /// import would cost more than the upsert.
    func writeInPlace<Answer: Sendable>(_ body: @Sendable (inout AnyreachState) throws -> Answer) throws -> Answer {
        try body(&state)
    }

    /// Moves simulated time forward by `seconds`, in dialer steps of at most `Dialer.longestStep`.
    func advance(by seconds: Double) {
        var left = seconds
        while left > 0 {
            let step = min(left, Dialer.longestStep)
            dialer.advance(&state, by: step)
            left -= step
        }
    }

    /// Back to the seeded state, dialer included.
    func reset() {
        state = AnyreachSeed.state(seed: seed, contactCount: contactCount)
        dialer = Dialer(seed: seed)
    }
}
