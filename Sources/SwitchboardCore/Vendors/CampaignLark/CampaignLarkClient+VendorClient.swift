/// CampaignLark through the vendor-neutral protocol. Contacts belong to the workspace,
/// which the neutral API addresses as campaign `default`; CampaignLark's own campaigns
/// (email sends) are listed and read but hold no contacts of their own here.
extension CampaignLarkClient: VendorClient {
    /// The neutral campaign id of the workspace's contacts.
    public static let workspaceCampaignID = "default"

    public var vendor: Vendor { .campaignlark }

    /// `getContact` looks a contact up by email address, the only documented key.
    public static let capabilities: VendorCapabilities = [
        .listCampaigns, .listContacts, .getContact, .upsert, .defaultCampaign,
    ]

    public var capabilities: VendorCapabilities { Self.capabilities }

    /// The upsert route takes one contact per request.
    public var maxContactsPerRequest: Int { 1 }

    /// Every campaign, filtered here by name (case-insensitive) and neutral state, since
    /// one neutral state covers several CampaignLark statuses.
    public func campaigns(nameContains: String?, states: [CampaignState]) async throws -> [Campaign] {
        try await allCampaigns().map(\.neutral).filter { campaign in
            let nameMatches = nameContains.map { campaign.name.localizedCaseInsensitiveContains($0) } ?? true
            return nameMatches && (states.isEmpty || states.contains(campaign.state))
        }
    }

    /// `default` is the workspace; any other id is looked for in the campaign list
    /// (CampaignLark documents no route that reads one campaign).
    public func campaign(id: String) async throws -> Campaign {
        if id == Self.workspaceCampaignID { return Self.workspace }
        guard let found = try await allCampaigns().first(where: { $0.id == id }) else {
            throw VendorError.invalidRequest("CampaignLark lists no campaign with id \(id)")
        }
        return found.neutral
    }

    /// The workspace as a neutral campaign.
    static let workspace = Campaign(id: workspaceCampaignID, name: "Workspace contacts", state: .unknown("workspace"))

    /// The workspace's contacts through search. Offsets become pages of `limit` (raised to
    /// the vendor's minimum of 10, capped at 250); contacts before `offset` on that page
    /// are dropped, and the page is cut to `limit`.
    public func contacts(campaignID: String, status: String?, limit: Int, offset: Int) async throws -> ContactPage {
        try checkWorkspace(campaignID)
        let size = min(max(limit, Self.pageSizes.lowerBound), Self.pageSizes.upperBound)
        let wanted = max(limit, 1)
        let page = max(offset, 0) / size + 1
        let answer = try await searchContacts(
            CampaignLarkSearch(page: page, limit: size, status: status.map(CampaignLarkContactStatus.init(rawValue:))))
        let skip = max(offset, 0) - (page - 1) * size
        let contacts = answer.items.dropFirst(skip).prefix(wanted).map(\.neutral)
        let next = max(offset, 0) + contacts.count
        let more = contacts.count < answer.items.count - skip || answer.hasMore(requestedLimit: size)
        return ContactPage(
            contacts: Array(contacts), total: answer.pagination.totalCount, nextOffset: more && !contacts.isEmpty ? next : nil)
    }

    /// A workspace contact by its email address (the only key CampaignLark looks up).
    public func contact(campaignID: String, contactID: String) async throws -> Contact {
        try checkWorkspace(campaignID)
        guard contactID.contains("@") else {
            throw VendorError.invalidRequest("CampaignLark looks contacts up by email address; \"\(contactID)\" is not one")
        }
        return try await contact(email: contactID).neutral
    }

    /// Upserts each contact with its own request. A contact without an email fails here;
    /// a contact the vendor refuses (400, 404, 409, 422) fails with the vendor's message
    /// and the rest go on; any other error stops the upload and throws. The answer does
    /// not say whether the contact was created or updated, so each success is `.upserted`.
    public func upsert(_ request: UpsertRequest) async throws -> UpsertReport {
        guard request.action == .upsert else {
            throw VendorError.unsupported("CampaignLark has no \(request.action.rawValue) route; use upsert")
        }
        try checkWorkspace(request.campaignID)
        var outcomes: [UpsertOutcome] = []
        for (index, contact) in request.contacts.enumerated() {
            guard let input = CampaignLarkUpsertInput(neutral: contact, partial: request.partial) else {
                outcomes.append(
                    UpsertOutcome(index: index, result: .failed(reason: "CampaignLark needs an email address; this contact has none")))
                continue
            }
            do {
                let saved = try await upsertContact(input)
                outcomes.append(UpsertOutcome(index: index, vendorID: saved.id, result: .upserted))
            } catch let error as VendorError where [400, 404, 409, 422].contains(error.status) {
                outcomes.append(UpsertOutcome(index: index, result: .failed(reason: error.message)))
            }
        }
        return UpsertReport(outcomes: outcomes)
    }

    private func checkWorkspace(_ campaignID: String) throws {
        guard campaignID == Self.workspaceCampaignID else {
            throw VendorError.invalidRequest(
                "CampaignLark contacts belong to the workspace, campaign `\(Self.workspaceCampaignID)`, not to campaign \(campaignID)")
        }
    }
}

extension CampaignLarkCampaign {
    var neutral: Campaign {
        Campaign(id: id, name: name, state: status.neutral, createdAt: createdAt, updatedAt: updatedAt)
    }
}

extension CampaignLarkContact {
    /// The neutral contact: `email_address`, `first_name`, `last_name` and `phone` come out
    /// of `data`; the rest stays there, plus `tags` as `[{"id", "name"}]`.
    var neutral: Contact {
        var rest = data
        let email = rest.removeValue(forKey: "email_address")?.description
        let first = rest.removeValue(forKey: "first_name")?.description
        let last = rest.removeValue(forKey: "last_name")?.description
        let phone = rest.removeValue(forKey: "phone")?.description
        if !tags.isEmpty {
            rest["tags"] = .array(
                tags.map { tag in
                    var fields: [String: JSONValue] = ["id": .number(Double(tag.id))]
                    if let name = tag.name { fields["name"] = .string(name) }
                    return .object(fields)
                })
        }
        return Contact(
            vendorID: id, firstName: first, lastName: last, email: email, phoneNumbers: phone.map { [$0] } ?? [],
            status: ContactStatus(raw: status.rawValue, normalized: status.normalized), data: rest, updatedAt: updatedAt)
    }
}

extension CampaignLarkUpsertInput {
    /// The neutral contact in CampaignLark's shape, or nil without an email. Names go to
    /// the `first_name`/`last_name` merge tags (as in the document's example) and the first
    /// phone to `phone`; `data` keys are sent as merge tags, except `tags` (its ids become
    /// the tag list) and `email_address`. Only the statuses the upsert accepts are sent.
    init?(neutral contact: Contact, partial: Bool) {
        guard let email = contact.email, !email.isEmpty else { return nil }
        var fields = contact.data
        fields.removeValue(forKey: "email_address")
        let tags = fields.removeValue(forKey: "tags").map(Self.tagIDs(in:))
        if let first = contact.firstName { fields["first_name"] = .string(first) }
        if let last = contact.lastName { fields["last_name"] = .string(last) }
        if let phone = contact.phoneNumbers.first { fields["phone"] = .string(phone) }
        let status = contact.status.map { CampaignLarkContactStatus(rawValue: $0.raw) }
        self.init(
            emailAddress: email, fields: fields.isEmpty ? nil : fields, tags: tags,
            status: status?.isAcceptedOnUpsert == true ? status : nil, partialUpdate: partial)
    }

    /// Tag ids from `[1, 2]` or `[{"id": 1, "name": "vip"}]`.
    static func tagIDs(in value: JSONValue) -> [Int] {
        guard case .array(let items) = value else { return [] }
        return items.compactMap { item in
            switch item {
            case .number(let id): Int(exactly: id)
            case .object(let fields): if case .number(let id)? = fields["id"] { Int(exactly: id) } else { nil }
            default: nil
            }
        }
    }
}
