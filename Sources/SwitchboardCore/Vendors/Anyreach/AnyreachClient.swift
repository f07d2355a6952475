import NIOCore

/// The Anyreach Campaigns API, every documented route (`anyreach-campaigns-api.md`).
/// Campaigns and contacts are addressed by UUID or `external_id`; `default` is the
/// campaign for contacts that belong to none.
public struct AnyreachClient: Sendable {
    /// Contacts per upsert request (documented maximum).
    public static let maxContactsPerUpsert = 1000
    /// Contacts inline on campaign create or update (documented maximum).
    public static let maxInlineContacts = 5000
    /// `limit` on the list routes (documented maximum).
    public static let maxPageSize = 200

    let connection: VendorConnection
    let account: Account

    /// A client for an Anyreach account. A personal token (`pat_`) needs the account's `org`.
    public init(account: Account, transport: any HTTPTransport, timeout: Duration = .seconds(30)) throws {
        var headers = [("Authorization", "Bearer \(account.credential.revealed)")]
        if account.credential.revealed.hasPrefix("pat_") {
            guard let organization = account.organization, !organization.isEmpty else {
                throw VendorError.invalidRequest(
                    "account \(account.name) uses an Anyreach personal token (pat_), which needs `org` (sent as X-Anyreach-Org)")
            }
            headers.append(("X-Anyreach-Org", organization))
        }
        self.account = account
        self.connection = VendorConnection(
            baseURL: account.baseURL, transport: transport, headers: headers, timeout: timeout,
            errorMessage: AnyreachErrorBody.message(status:body:))
    }

    // MARK: Campaigns

    public func createCampaign(_ input: AnyreachCampaignInput) async throws -> AnyreachCampaign {
        try checkInline(input)
        return try await connection.json(.POST, ["campaign", "campaigns"], sending: input)
    }

    /// One page of campaigns. `statuses` repeats the `status` parameter.
    public func listCampaigns(
        cursor: String? = nil, limit: Int? = nil, name: String? = nil, statuses: [AnyreachCampaignStatus] = []
    ) async throws -> AnyreachCampaignPage {
        var query: [(String, String)] = []
        if let cursor { query.append(("cursor", cursor)) }
        if let limit { query.append(("limit", String(try checkedLimit(limit)))) }
        if let name { query.append(("name", name)) }
        for status in statuses { query.append(("status", status.rawValue)) }
        return try await connection.json(.GET, ["campaign", "campaigns"], query: query)
    }

    /// Every campaign, following `next_cursor` to the last page.
    public func allCampaigns(
        name: String? = nil, statuses: [AnyreachCampaignStatus] = [], pageSize: Int = maxPageSize
    ) async throws -> [AnyreachCampaign] {
        var campaigns: [AnyreachCampaign] = []
        var cursor: String?
        repeat {
            let page = try await listCampaigns(cursor: cursor, limit: pageSize, name: name, statuses: statuses)
            campaigns += page.campaigns
            cursor = page.nextCursor
        } while cursor != nil
        return campaigns
    }

    public func campaign(_ id: String) async throws -> AnyreachCampaign {
        try await connection.json(.GET, ["campaign", "campaigns", .value(id)])
    }

    public func updateCampaign(_ id: String, _ input: AnyreachCampaignInput) async throws -> AnyreachCampaign {
        try checkInline(input)
        return try await connection.json(.PATCH, ["campaign", "campaigns", .value(id)], sending: input)
    }

    public func startCampaign(_ id: String) async throws -> AnyreachCampaign {
        try await connection.json(.POST, ["campaign", "campaigns", .value(id), "start"])
    }

    public func pauseCampaign(_ id: String) async throws -> AnyreachCampaign {
        try await connection.json(.POST, ["campaign", "campaigns", .value(id), "pause"])
    }

    public func closeCampaign(_ id: String) async throws -> AnyreachCampaign {
        try await connection.json(.POST, ["campaign", "campaigns", .value(id), "close"])
    }

    // MARK: Contacts

    /// Upserts any number of contacts, one request per 1000, in order. The answer is
    /// the sum of the answers, with each failure's `index` into `contacts`.
    /// A request that fails stops the upload and throws; the chunks before it are done.
    public func upsertContacts(campaign: String, _ contacts: [AnyreachContactInput]) async throws -> AnyreachUpsertResult {
        var total = AnyreachUpsertResult()
        for start in stride(from: 0, to: contacts.count, by: Self.maxContactsPerUpsert) {
            let chunk = Array(contacts[start..<min(start + Self.maxContactsPerUpsert, contacts.count)])
            let answer = try await upsertChunk(campaign: campaign, chunk)
            total.inserted += answer.inserted
            total.updated += answer.updated
            total.warnings += answer.warnings
            total.contactIDs += answer.contactIDs
            total.failed += answer.failed.map { failure in
                var shifted = failure
                shifted.index = failure.index.map { $0 + start }
                return shifted
            }
        }
        return total
    }

    /// One upsert request of at most 1000 contacts.
    public func upsertChunk(campaign: String, _ contacts: [AnyreachContactInput]) async throws -> AnyreachUpsertResult {
        guard contacts.count <= Self.maxContactsPerUpsert else {
            throw VendorError.invalidRequest(
                "\(contacts.count) contacts in one request; Anyreach takes at most \(Self.maxContactsPerUpsert)")
        }
        return try await upsertAnswer(campaign: campaign, body: AnyreachUpsertBody(contacts: contacts).jsonBytes)
    }

    /// Sends an upsert body and reads the answer, at byte level when it has the documented shape.
    private func upsertAnswer(campaign: String, body: [UInt8]) async throws -> AnyreachUpsertResult {
        try Self.upsertResult(try await upsertResponse(campaign: campaign, body: .bytes(body)))
    }

    private func upsertResponse(campaign: String, body: HTTPRequest.Payload) async throws -> [UInt8] {
        try await connection.send(.POST, ["campaign", "campaigns", .value(campaign), "contacts"], payload: body).body
    }

    private static func upsertResult(_ answer: [UInt8]) throws -> AnyreachUpsertResult {
        try AnyreachUpsertResult.decodeFast(answer) ?? JSONCoding.decode(AnyreachUpsertResult.self, from: answer)
    }

    /// One upsert request whose body is already encoded (a journaled chunk, sent as stored),
    /// each contact's outcome mapped as `upsert` maps it. `sentIDs`: the id each contact of
    /// the body was sent with.
    public func upsertBody(campaignID: String, body: ByteBuffer, sentIDs: [String?]) async throws -> ChunkOutcomes {
        let answer = try await upsertResponse(campaign: campaignID, body: .buffer(body))
        // The common answer (no ids sent, none failed, no warnings) goes straight into the
        // stored outcomes; any other is mapped contact by contact.
        if sentIDs.allSatisfy({ $0 == nil }),
            let outcomes = AnyreachUpsertResult.chunkOutcomes(answer, count: sentIDs.count)
        {
            return outcomes
        }
        let report = AnyreachUpsertMapping.report(sentIDs: sentIDs, answer: try Self.upsertResult(answer))
        return ChunkOutcomes(sentIDs: sentIDs, report: report)
    }

    /// One page of a campaign's contacts (offset pagination), optionally by status.
    public func listContacts(
        campaign: String, limit: Int? = nil, offset: Int? = nil, status: AnyreachContactStatus? = nil
    ) async throws -> AnyreachContactPage {
        var query: [(String, String)] = []
        if let limit { query.append(("limit", String(try checkedLimit(limit)))) }
        if let offset { query.append(("offset", String(offset))) }
        if let status { query.append(("status", status.rawValue)) }
        return try await connection.json(.GET, ["campaign", "campaigns", .value(campaign), "contacts"], query: query)
    }

    /// Every contact of a campaign, page by page to the end.
    public func allContacts(
        campaign: String, status: AnyreachContactStatus? = nil, pageSize: Int = maxPageSize
    ) async throws -> [AnyreachContact] {
        var contacts: [AnyreachContact] = []
        var offset = 0
        while true {
            let page = try await listContacts(campaign: campaign, limit: pageSize, offset: offset, status: status)
            contacts += page.contacts
            offset += page.contacts.count
            if page.contacts.isEmpty || offset >= page.total { return contacts }
        }
    }

    public func contact(campaign: String, id: String) async throws -> AnyreachContact {
        try await connection.json(.GET, ["campaign", "campaigns", .value(campaign), "contacts", .value(id)])
    }

    @discardableResult
    public func deleteContact(campaign: String, id: String) async throws -> AnyreachDeleted {
        try await connection.json(.DELETE, ["campaign", "campaigns", .value(campaign), "contacts", .value(id)])
    }

    // MARK: Stats

    /// Counts for a campaign; Anyreach resolves this route by UUID only.
    public func stats(campaign: String) async throws -> AnyreachStats {
        try await connection.json(.GET, ["campaign", "campaigns", .value(campaign), "stats"])
    }

    // MARK: Configurations

    public func createConfiguration(_ input: AnyreachConfigurationInput) async throws -> AnyreachConfiguration {
        try await connection.json(.POST, ["campaign", "configurations"], sending: input)
    }

    public func listConfigurations() async throws -> [AnyreachConfiguration] {
        try await connection.json(.GET, ["campaign", "configurations"], as: AnyreachConfigurationList.self)
            .configurations
    }

    public func configuration(_ id: String) async throws -> AnyreachConfiguration {
        try await connection.json(.GET, ["campaign", "configurations", .value(id)])
    }

    public func updateConfiguration(_ id: String, _ input: AnyreachConfigurationInput) async throws
        -> AnyreachConfiguration
    {
        try await connection.json(.PATCH, ["campaign", "configurations", .value(id)], sending: input)
    }

    @discardableResult
    public func deleteConfiguration(_ id: String) async throws -> AnyreachDeleted {
        try await connection.json(.DELETE, ["campaign", "configurations", .value(id)])
    }

    // MARK: Timezones and concurrency

    /// The IANA timezone identifiers Anyreach accepts.
    public func timezones() async throws -> [String] {
        try await connection.json(.GET, ["campaign", "timezones"], as: AnyreachTimezones.self).timezones
    }

    public func concurrency() async throws -> AnyreachConcurrency {
        try await connection.json(.GET, ["campaign", "concurrency-settings"])
    }

    /// Sets the org concurrency limit (1 to 10,000).
    public func setConcurrency(_ limit: Int) async throws -> AnyreachConcurrency {
        guard (1...10_000).contains(limit) else {
            throw VendorError.invalidRequest("concurrency limit \(limit) is outside 1...10000")
        }
        return try await connection.json(
            .PUT, ["campaign", "concurrency-settings"], sending: AnyreachConcurrencyInput(concurrencyLimit: limit))
    }

    // MARK: Checks before sending

    private func checkedLimit(_ limit: Int) throws -> Int {
        guard (1...Self.maxPageSize).contains(limit) else {
            throw VendorError.invalidRequest("limit \(limit) is outside 1...\(Self.maxPageSize)")
        }
        return limit
    }

    private func checkInline(_ input: AnyreachCampaignInput) throws {
        if let contacts = input.contacts, contacts.count > Self.maxInlineContacts {
            throw VendorError.invalidRequest(
                "\(contacts.count) inline contacts; Anyreach takes at most \(Self.maxInlineContacts) on create or update")
        }
    }
}
