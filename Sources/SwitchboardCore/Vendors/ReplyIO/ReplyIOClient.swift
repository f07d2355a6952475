/// The Reply.io API (`replyio-v4-create-contact.md` and the reads in NOTES.md): create a
/// contact, list sequences (Reply.io's campaigns) and filter contacts. Routes carry the
/// account's API version (`/v4/...` by default, `/v3/...`), which also picks the auth header.
public struct ReplyIOClient: Sendable {
    /// The most items one list request may ask for (`top`).
    public static let maxPageSize = 1000

    public let apiVersion: ReplyIOAPIVersion
    let connection: VendorConnection

    /// A client for a Reply.io account. `account.apiVersion` is `v4` (default, `X-API-Key`)
    /// or `v3` (`Authorization: Bearer`); anything else is refused.
    public init(account: Account, transport: any HTTPTransport, timeout: Duration = .seconds(30)) throws {
        let version: ReplyIOAPIVersion
        if let name = account.apiVersion {
            guard let known = ReplyIOAPIVersion(rawValue: name) else {
                throw VendorError.invalidRequest(
                    "account \(account.name): Reply.io API version \"\(name)\" is not one of \(ReplyIOAPIVersion.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            version = known
        } else {
            version = .standard
        }
        self.apiVersion = version
        self.connection = VendorConnection(
            baseURL: account.baseURL, transport: transport, headers: [version.credentialHeader(account.credential)],
            timeout: timeout, errorMessage: ReplyIOProblem.message(status:body:))
    }

    // MARK: Contacts

    /// `POST /v4/contacts`: creates a contact. Not idempotent: a contact whose email
    /// exists already is refused (see `ReplyIOProblem.isConflict`).
    public func createContact(_ input: ReplyIOContactInput) async throws -> ReplyIOContact {
        guard input.isIdentifiable else {
            throw VendorError.invalidRequest("Reply.io needs at least an email or a LinkedIn URL for a contact")
        }
        return try await connection.json(.POST, route("contacts"), sending: input)
    }

    /// `POST /v4/contacts/filter?top=&skip=`: one page of contacts matching the filter,
    /// with `totalCount`.
    public func filterContacts(_ filter: ReplyIOContactFilter = ReplyIOContactFilter(), top: Int? = nil, skip: Int? = nil)
        async throws -> ReplyIOPage<ReplyIOContact>
    {
        try await connection.json(.POST, route("contacts", "filter"), query: try paging(top: top, skip: skip), sending: filter)
    }

    // MARK: Sequences

    /// `GET /v4/sequences?top=&skip=`: one page of sequences.
    public func listSequences(top: Int? = nil, skip: Int? = nil) async throws -> ReplyIOPage<ReplyIOSequence> {
        try await connection.json(.GET, route("sequences"), query: try paging(top: top, skip: skip))
    }

    /// Every sequence, following `hasMore`.
    public func allSequences(pageSize: Int = maxPageSize) async throws -> [ReplyIOSequence] {
        var sequences: [ReplyIOSequence] = []
        while true {
            let page = try await listSequences(top: pageSize, skip: sequences.count)
            sequences += page.items
            if !page.hasMore || page.items.isEmpty { return sequences }
        }
    }

    // MARK: Routes and checks

    private func route(_ parts: PathSegment...) -> [PathSegment] {
        [.literal(apiVersion.rawValue)] + parts
    }

    private func paging(top: Int?, skip: Int?) throws -> [(String, String)] {
        var query: [(String, String)] = []
        if let top {
            guard (1...Self.maxPageSize).contains(top) else {
                throw VendorError.invalidRequest("top \(top) is outside 1...\(Self.maxPageSize)")
            }
            query.append(("top", String(top)))
        }
        if let skip {
            guard skip >= 0 else { throw VendorError.invalidRequest("skip \(skip) is negative") }
            query.append(("skip", String(skip)))
        }
        return query
    }
}
