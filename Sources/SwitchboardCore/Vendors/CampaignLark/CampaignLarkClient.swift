/// The CampaignLark API (`campaignlark-contacts-upsert.md` and the reads in NOTES.md):
/// contacts upsert, by-email lookup and search, tags, fields, merge tags and campaigns.
/// A key belongs to one workspace; contacts live in the workspace, not in a campaign.
public struct CampaignLarkClient: Sendable {
    /// Contacts per search page (documented range).
    public static let pageSizes = 10...250
    /// The page size used to read every campaign (within the documented search range,
    /// since `GET /campaigns` documents page/limit without a range).
    public static let campaignPageSize = 100

    let connection: VendorConnection

    /// A client for a CampaignLark account; the key travels as `Authorization: Bearer`.
    public init(account: Account, transport: any HTTPTransport, timeout: Duration = .seconds(30)) {
        self.connection = VendorConnection(
            baseURL: account.baseURL, transport: transport,
            headers: [("Authorization", "Bearer \(account.credential.revealed)")], timeout: timeout,
            errorMessage: CampaignLarkErrorBody.message(status:body:))
    }

    // MARK: Contacts

    /// `POST /contacts/upsert`: creates the contact or updates the one with this email.
    public func upsertContact(_ input: CampaignLarkUpsertInput) async throws -> CampaignLarkContact {
        guard !input.emailAddress.isEmpty else {
            throw VendorError.invalidRequest("CampaignLark finds contacts by email_address; it is empty")
        }
        return try await connection.json(.POST, ["contacts", "upsert"], sending: input, as: CampaignLarkData<CampaignLarkContact>.self)
            .data
    }

    /// `GET /contacts/by-email?email=`: the contact with this email (404 when absent).
    public func contact(email: String) async throws -> CampaignLarkContact {
        try await connection.json(
            .GET, ["contacts", "by-email"], query: [("email", email)], as: CampaignLarkData<CampaignLarkContact>.self
        ).data
    }

    /// `POST /contacts/search`: one page of the workspace's contacts (limit 10 to 250).
    public func searchContacts(_ search: CampaignLarkSearch) async throws -> CampaignLarkPage<CampaignLarkContact> {
        if let limit = search.limit, !Self.pageSizes.contains(limit) {
            throw VendorError.invalidRequest(
                "limit \(limit) is outside \(Self.pageSizes.lowerBound)...\(Self.pageSizes.upperBound)")
        }
        if let page = search.page, page < 1 { throw VendorError.invalidRequest("page \(page) is below 1") }
        return try await connection.json(.POST, ["contacts", "search"], sending: search)
    }

    // MARK: Workspace

    /// `GET /tags`: the workspace's tags.
    public func tags() async throws -> [CampaignLarkTag] {
        try await connection.json(.GET, ["tags"], as: CampaignLarkPage<CampaignLarkTag>.self).items
    }

    /// `GET /fields`: the workspace's fields with their merge tags, types and requiredness.
    public func fields() async throws -> [CampaignLarkField] {
        try await connection.json(.GET, ["fields"], as: CampaignLarkPage<CampaignLarkField>.self).items
    }

    /// `GET /merge-tags`: the merge tags the upsert's `fields` may use.
    public func mergeTags() async throws -> [CampaignLarkMergeTag] {
        try await connection.json(.GET, ["merge-tags"], as: CampaignLarkPage<CampaignLarkMergeTag>.self).items
    }

    // MARK: Campaigns

    /// `GET /campaigns?page=&limit=&status=`: one page of campaigns.
    public func listCampaigns(page: Int? = nil, limit: Int? = nil, status: CampaignLarkCampaignStatus? = nil)
        async throws -> CampaignLarkPage<CampaignLarkCampaign>
    {
        var query: [(String, String)] = []
        if let page {
            guard page >= 1 else { throw VendorError.invalidRequest("page \(page) is below 1") }
            query.append(("page", String(page)))
        }
        if let limit {
            guard limit >= 1 else { throw VendorError.invalidRequest("limit \(limit) is below 1") }
            query.append(("limit", String(limit)))
        }
        if let status { query.append(("status", status.rawValue)) }
        return try await connection.json(.GET, ["campaigns"], query: query)
    }

    /// Every campaign, page by page until the pagination (or a short page) says it is the last.
    public func allCampaigns(status: CampaignLarkCampaignStatus? = nil) async throws -> [CampaignLarkCampaign] {
        var campaigns: [CampaignLarkCampaign] = []
        var page = 1
        while true {
            let answer = try await listCampaigns(page: page, limit: Self.campaignPageSize, status: status)
            campaigns += answer.items
            guard answer.hasMore(requestedLimit: Self.campaignPageSize) else { return campaigns }
            page += 1
        }
    }
}
