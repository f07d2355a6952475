import Hummingbird

/// The imitated CampaignLark API, mounted at `/campaignlark` in place of
/// `https://api.campaignlark.com/v1`: the contact upsert and the documented reads over
/// seeded workspaces, behind bearer keys and a per-workspace rate limit.
struct CampaignLarkVendor: SimulatedVendor {
    let name = "campaignlark"
    let store: CampaignLarkStore

    /// `clock` is what the rate limit counts in: real time, or simulated time for tests.
    init(seed: UInt64, clock: CampaignLarkClock = .real) {
        store = CampaignLarkStore(seed: seed, clock: clock)
    }

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        addContactRoutes(to: group)
        addCatalogRoutes(to: group)
        addCampaignRoutes(to: group)
    }

    func errorResponse(status: HTTPResponse.Status, message: String) throws -> Response {
        try CampaignLarkError.response(status: status, message: message)
    }

    func snapshot() async -> any Encodable & Sendable {
        CampaignLarkSnapshot(await store.state)
    }

    func reset() async {
        await store.reset()
    }

    func advance(by seconds: Double) async {
        await store.advance(by: seconds)
    }

    /// The workspace of the request's bearer key, once the request is counted against that
    /// workspace's rate limit; a 401 without a known key, a 429 past the limit.
    func admit(_ request: Request) async throws -> String {
        guard let header = request.headers[.authorization] else { throw CampaignLarkError.missingKey }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw CampaignLarkError.missingKey }
        let key = parts[1].trimmingCharacters(in: .whitespaces)
        guard let workspace = await store.workspaceID(forKey: key) else { throw CampaignLarkError.invalidKey }
        try await store.admit(workspace)
        return workspace
    }

    /// Answers `{"data": ...}` with what `body` reads from the workspace.
    func read(
        in workspace: String, _ body: @Sendable (CampaignLark.Workspace) throws -> some Encodable & Sendable
    ) async throws -> Response {
        try JSONAnswer.response(try await store.read(in: workspace, body))
    }
}
