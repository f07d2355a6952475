import Foundation

/// Holds the workspaces and the rate limit; every request goes through here one at a time.
actor CampaignLarkStore {
    private let seed: UInt64
    private let clock: CampaignLarkClock
    private let origin = ContinuousClock.now
    private(set) var state: CampaignLarkState
    private var rateLimit = CampaignLarkRateLimit()

    init(seed: UInt64, clock: CampaignLarkClock) {
        self.seed = seed
        self.clock = clock
        state = CampaignLarkSeed.state(seed: seed)
    }

    /// The workspace a bearer key belongs to, nil for an unknown key.
    func workspaceID(forKey key: String) -> String? {
        state.workspaceID(forKey: key)
    }

    /// Counts one request of a workspace against its rate limit; throws the 429 past it.
    func admit(_ workspaceID: String) throws {
        let time: Double
        switch clock {
        case .real:
            let elapsed = (ContinuousClock.now - origin).components
            time = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        case .simulated:
            time = state.now.timeIntervalSince1970
        }
        try rateLimit.admit(workspaceID, at: time)
    }

    func read<Answer: Sendable>(
        in workspaceID: String, _ body: @Sendable (CampaignLark.Workspace) throws -> Answer
    ) throws -> Answer {
        try body(state.workspaces[try index(of: workspaceID)])
    }

    /// Runs a change on a copy of the workspace and keeps it only if the change succeeds.
    func write<Answer: Sendable>(
        in workspaceID: String,
        _ body: @Sendable (inout CampaignLark.Workspace, _ now: Date, _ ids: inout SeededGenerator) throws -> Answer
    ) throws -> Answer {
        let index = try index(of: workspaceID)
        var workspace = state.workspaces[index]
        var ids = state.ids
        let answer = try body(&workspace, state.now, &ids)
        state.workspaces[index] = workspace
        state.ids = ids
        return answer
    }

    func advance(by seconds: Double) {
        state.now = state.now.addingTimeInterval(seconds)
    }

    /// Back to the seeded state, with an empty rate-limit window.
    func reset() {
        state = CampaignLarkSeed.state(seed: seed)
        rateLimit = CampaignLarkRateLimit()
    }

    private func index(of workspaceID: String) throws -> Int {
        guard let index = state.workspaces.firstIndex(where: { $0.id == workspaceID }) else {
            throw CampaignLarkError.invalidKey
        }
        return index
    }
}
