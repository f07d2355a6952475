import Hummingbird

/// The imitated Anyreach API, mounted at `/anyreach`: the documented `/campaign/...` routes
/// over one seeded organization and its dialer.
struct AnyreachVendor: SimulatedVendor {
    let name = "anyreach"
    let store: AnyreachStore
    let authentication = Authentication(tokens: AnyreachVendor.seededTokens)
    let parsing = RequestParsing<AnyreachError> { status, detail in AnyreachError(status: status, detail: detail) }

    /// The credentials of `SandboxCredentials.Anyreach` and what they may do.
    static let seededTokens = [
        AccessToken(
            token: SandboxCredentials.Anyreach.orgKey, organizations: [SandboxCredentials.Anyreach.organization],
            scopes: [.campaignsManage, .concurrencyManage]),
        AccessToken(
            token: SandboxCredentials.Anyreach.personalToken,
            organizations: [SandboxCredentials.Anyreach.organization],
            scopes: [.campaignsRead, .campaignsManage, .concurrencyRead, .concurrencyManage]),
        AccessToken(
            token: SandboxCredentials.Anyreach.readOnlyKey, organizations: [SandboxCredentials.Anyreach.organization],
            scopes: [.campaignsRead, .concurrencyRead]),
    ]

    init(seed: UInt64, contactCount: Int) {
        store = AnyreachStore(seed: seed, contactCount: contactCount)
    }

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        addCampaignRoutes(to: group)
        addContactRoutes(to: group)
        addConfigurationRoutes(to: group)
        addSettingsRoutes(to: group)
    }

    func errorResponse(status: HTTPResponse.Status, message: String) throws -> Response {
        try JSONAnswer.response(["detail": message], status: status)
    }

    func snapshot() async -> any Encodable & Sendable {
        AnyreachSnapshot(await store.state)
    }

    func reset() async {
        await store.reset()
    }

    func advance(by seconds: Double) async {
        await store.advance(by: seconds)
    }

    /// Answers with what `body` reads from the state.
    func read(_ body: @Sendable (AnyreachState) throws -> some Encodable & Sendable) async throws -> Response {
        try JSONAnswer.response(try await store.read(body))
    }

    /// Applies `body` to the state, keeping the change only if it succeeds, and answers with its result.
    func write(_ body: @Sendable (inout AnyreachState) throws -> some Encodable & Sendable) async throws -> Response {
        try JSONAnswer.response(try await store.write(body))
    }

    /// Applies `body`, which throws only before it changes anything, to the state in place
    /// (see `AnyreachStore.writeInPlace`), and answers with its result.
    func writeInPlace(_ body: @Sendable (inout AnyreachState) throws -> some Encodable & Sendable) async throws
        -> Response
    {
        try JSONAnswer.response(try await store.writeInPlace(body))
    }

    /// `writeInPlace` for an upsert, whose answer is written by hand (see `UpsertAnswer.json`).
    func upsertInPlace(_ body: @Sendable (inout AnyreachState) throws -> UpsertAnswer) async throws -> Response {
        JSONAnswer.response(json: try await store.writeInPlace(body).json)
    }
}
