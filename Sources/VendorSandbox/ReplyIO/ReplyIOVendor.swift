import Hummingbird

/// The imitated Reply.io API, mounted at `/replyio` (standing in for `https://api.reply.io`):
/// create contact, sequences and the contacts filter, under `/v4` and `/v3`, over one
/// seeded account.
struct ReplyIOVendor: SimulatedVendor {
    let name = "replyio"
    let store: ReplyIOStore

    init(seed: UInt64) {
        store = ReplyIOStore(seed: seed)
    }

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        for version in ReplyIOVersion.allCases {
            addRoutes(for: version, to: group.group(RouterPath(version.rawValue)))
        }
    }

    func errorResponse(status: HTTPResponse.Status, message: String) throws -> Response {
        try ReplyIOProblem(
            status: status, title: status.reasonPhrase, detail: message,
            code: status == .tooManyRequests
                ? "rateLimit.exceeded" : status.code >= 500 ? "server.error" : "request.failed"
        ).response()
    }

    func snapshot() async -> any Encodable & Sendable {
        ReplyIOSnapshot(await store.state)
    }

    func reset() async {
        await store.reset()
    }

    func advance(by seconds: Double) async {
        await store.advance(by: seconds)
    }

    /// The user whose key the request presents, after counting it against the rate limit.
    /// - Throws: 401 for a missing or unknown key, 429 past the limits.
    func authorize(_ request: Request, version: ReplyIOVersion) async throws -> ReplyIOUser {
        let key = try ReplyIOAuthentication.presentedKey(request, version: version)
        guard let user = await store.read({ $0.user(withKey: key) }) else { throw ReplyIOProblem.invalidKey }
        try await store.admit(key: key)
        return user
    }
}
