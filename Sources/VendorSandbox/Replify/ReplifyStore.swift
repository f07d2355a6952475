/// Holds the Replify state; every request goes through here one at a time.
actor ReplifyStore {
    private let seed: UInt64
    private(set) var state: ReplifyState

    init(seed: UInt64) {
        self.seed = seed
        state = ReplifySeed.state(seed: seed)
    }

    func read<Answer: Sendable>(_ body: @Sendable (ReplifyState) throws -> Answer) throws -> Answer {
        try body(state)
    }

    /// Runs a change on a copy and keeps it only if the change succeeds.
    func write<Answer: Sendable>(_ body: @Sendable (inout ReplifyState) throws -> Answer) throws -> Answer {
        var draft = state
        let answer = try body(&draft)
        state = draft
        return answer
    }

    /// Back to the seeded state.
    func reset() {
        state = ReplifySeed.state(seed: seed)
    }
}
