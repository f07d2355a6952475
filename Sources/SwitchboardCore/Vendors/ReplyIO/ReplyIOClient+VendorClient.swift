/// Reply.io through the vendor-neutral protocol. Sequences are the campaigns; contacts
/// belong to the account (campaign `default`) and may be enrolled in sequences.
extension ReplyIOClient: VendorClient {
    /// The neutral campaign id of all the account's contacts.
    public static let accountCampaignID = "default"

    public var vendor: Vendor { .replyio }

    /// `upsert` creates contacts; Reply.io's create does not update, so a contact that
    /// exists already comes back `.ignored` (see `upsert(_:)`).
    public static let capabilities: VendorCapabilities = [.listCampaigns, .listContacts, .upsert, .defaultCampaign]

    public var capabilities: VendorCapabilities { Self.capabilities }

    /// The create route takes one contact per request.
    public var maxContactsPerRequest: Int { 1 }

    /// Every sequence, filtered here by name (case-insensitive) and neutral state.
    public func campaigns(nameContains: String?, states: [CampaignState]) async throws -> [Campaign] {
        try await allSequences().map(\.neutral).filter { campaign in
            let nameMatches = nameContains.map { campaign.name.localizedCaseInsensitiveContains($0) } ?? true
            return nameMatches && (states.isEmpty || states.contains(campaign.state))
        }
    }

    /// `default` is the account's contacts; a sequence id is looked for in the sequence list.
    public func campaign(id: String) async throws -> Campaign {
        if id == Self.accountCampaignID { return Self.account }
        let number = try sequenceID(id)
        guard let found = try await allSequences().first(where: { $0.id == number }) else {
            throw VendorError.invalidRequest("Reply.io lists no sequence with id \(id)")
        }
        return found.neutral
    }

    /// The account's contacts as a neutral campaign.
    static let account = Campaign(id: accountCampaignID, name: "All contacts", state: .unknown("account"))

    /// Contacts through the filter: all of them for `default`, else those in the sequence.
    /// A contact's status is its status in that sequence. Reply.io's filter has no status
    /// criterion, so `status` is applied to the page here and `total` is then unknown.
    public func contacts(campaignID: String, status: String?, limit: Int, offset: Int) async throws -> ContactPage {
        let sequence = campaignID == Self.accountCampaignID ? nil : try sequenceID(campaignID)
        let top = min(max(limit, 1), Self.maxPageSize)
        let page = try await filterContacts(ReplyIOContactFilter(sequenceId: sequence), top: top, skip: max(offset, 0))
        var contacts = page.items.map { $0.neutral(inSequence: sequence) }
        if let status {
            contacts = contacts.filter { $0.status?.raw.caseInsensitiveCompare(status) == .orderedSame }
        }
        let next = max(offset, 0) + page.items.count
        return ContactPage(
            contacts: contacts, total: status == nil ? page.totalCount : nil,
            nextOffset: page.hasMore && !page.items.isEmpty ? next : nil)
    }

    /// Creates each contact with its own request, in the account (campaign `default`;
    /// enrolling in a sequence is not a documented route). Reply.io's create is not
    /// idempotent: a contact that exists already is reported `.ignored` with the vendor's
    /// message, not updated, so a repeated sync is harmless and changes nothing. A contact
    /// without email or LinkedIn URL fails here; one the vendor refuses (400, 422) fails
    /// with its message; any other error stops the upload and throws.
    public func upsert(_ request: UpsertRequest) async throws -> UpsertReport {
        guard request.action == .upsert else {
            throw VendorError.unsupported("Reply.io has no \(request.action.rawValue) route; use upsert")
        }
        guard request.campaignID == Self.accountCampaignID else {
            throw VendorError.invalidRequest(
                "Reply.io contacts are created in the account, campaign `\(Self.accountCampaignID)`; adding them to sequence \(request.campaignID) is not a documented route")
        }
        var outcomes: [UpsertOutcome] = []
        for (index, contact) in request.contacts.enumerated() {
            let input = ReplyIOContactInput(neutral: contact)
            guard input.isIdentifiable else {
                outcomes.append(
                    UpsertOutcome(index: index, result: .failed(reason: "Reply.io needs an email or a LinkedIn URL; this contact has neither")))
                continue
            }
            do {
                let created = try await createContact(input)
                outcomes.append(UpsertOutcome(index: index, vendorID: String(created.id), result: .created))
            } catch let error as VendorError where ReplyIOProblem.isConflict(error) {
                outcomes.append(UpsertOutcome(index: index, vendorID: contact.vendorID, result: .ignored(reason: error.message)))
            } catch let error as VendorError where error.status == 400 || error.status == 422 {
                outcomes.append(UpsertOutcome(index: index, vendorID: contact.vendorID, result: .failed(reason: error.message)))
            }
        }
        return UpsertReport(outcomes: outcomes)
    }

    private func sequenceID(_ id: String) throws -> Int {
        guard let number = Int(id) else {
            throw VendorError.invalidRequest("Reply.io sequence ids are numbers (or `\(Self.accountCampaignID)`); \"\(id)\" is not one")
        }
        return number
    }
}

extension ReplyIOSequence {
    /// Archived sequences are closed; `new` is a draft.
    var neutral: Campaign {
        let state: CampaignState =
            if isArchived == true {
                .closed
            } else {
                switch status {
                case .new: .draft
                case .active: .active
                case .paused: .paused
                case .unknown(let raw): .unknown(raw)
                }
            }
        return Campaign(id: String(id), name: name, state: state, createdAt: created)
    }
}

/// `data` keys of a neutral Reply.io contact that are the vendor's own fields; every
/// other key is a custom field.
private let replyIOFieldKeys = [
    "title", "company", "companySize", "industry", "city", "state", "country", "linkedInUrl",
    "linkedInSalesNavigatorUrl", "linkedInRecruiterUrl", "notes", "accountId",
]

/// Keys the vendor sets; shown in `data`, never sent back.
let replyIOReadOnlyKeys = [
    "domain", "phoneStatus", "ownerUserId", "isOptedOut", "addingDate", "createdAt", "sequences", "lists",
]

extension ReplyIOContact {
    /// The neutral contact: standard fields in their slots, the vendor's other fields and
    /// the custom fields (by key) in `data`, sequences and lists as JSON. With a sequence,
    /// the status is the contact's status in it.
    func neutral(inSequence sequence: Int?) -> Contact {
        var data: [String: JSONValue] = [:]
        for field in customFields { data[field.key] = field.value }
        let strings: [(String, String?)] = [
            ("title", title), ("company", company), ("companySize", companySize?.rawValue), ("industry", industry),
            ("city", city), ("state", state), ("country", country), ("linkedInUrl", linkedInUrl),
            ("linkedInSalesNavigatorUrl", linkedInSalesNavigatorUrl), ("linkedInRecruiterUrl", linkedInRecruiterUrl),
            ("notes", notes), ("domain", domain), ("phoneStatus", phoneStatus?.rawValue), ("addingDate", addingDate),
            ("createdAt", createdAt),
        ]
        for (key, value) in strings { if let value { data[key] = .string(value) } }
        if let accountId { data["accountId"] = .number(Double(accountId)) }
        if let ownerUserId { data["ownerUserId"] = .number(Double(ownerUserId)) }
        if let isOptedOut { data["isOptedOut"] = .bool(isOptedOut) }
        if !sequences.isEmpty {
            data["sequences"] = .array(
                sequences.map { sequence in
                    .object([
                        "id": .number(Double(sequence.sequenceId)), "name": .string(sequence.sequenceName ?? ""),
                        "status": .string(sequence.status?.rawValue ?? ""),
                    ])
                })
        }
        if !lists.isEmpty {
            data["lists"] = .array(lists.map { .object(["id": .number(Double($0.listId)), "name": .string($0.listName ?? "")]) })
        }
        let enrolment = sequence.flatMap { id in sequences.first { $0.sequenceId == id } }
        let status = enrolment?.status.map { ContactStatus(raw: $0.rawValue, normalized: $0.normalized) }
        return Contact(
            vendorID: String(id), firstName: firstName, lastName: lastName, email: email,
            phoneNumbers: [phone, phone2].compactMap { $0 }.filter { !$0.isEmpty }, status: status, data: data,
            timezone: timeZoneId, updatedAt: lastModifiedAt)
    }
}

extension ReplyIOContactInput {
    /// The neutral contact in Reply.io's shape: the first two phone numbers, the vendor's
    /// own fields from `data` by name, every other `data` key as a custom field (sorted by
    /// key); read-only keys (`domain`, `phoneStatus`, `sequences`, ...) are not sent.
    init(neutral contact: Contact) {
        var data = contact.data
        for key in replyIOReadOnlyKeys { data.removeValue(forKey: key) }
        var own: [String: String] = [:]
        for key in replyIOFieldKeys {
            if let value = data.removeValue(forKey: key), value != .null { own[key] = value.description }
        }
        self.init(
            email: contact.email, firstName: contact.firstName, lastName: contact.lastName,
            phone: contact.phoneNumbers.first, phone2: contact.phoneNumbers.dropFirst().first, title: own["title"],
            company: own["company"], companySize: own["companySize"].map(ReplyIOCompanySize.init(rawValue:)),
            industry: own["industry"], city: own["city"], state: own["state"], country: own["country"],
            timeZoneId: contact.timezone, linkedInUrl: own["linkedInUrl"],
            linkedInSalesNavigatorUrl: own["linkedInSalesNavigatorUrl"], linkedInRecruiterUrl: own["linkedInRecruiterUrl"],
            notes: own["notes"], accountId: own["accountId"].flatMap { Int($0) },
            customFields: data.isEmpty ? nil : data.keys.sorted().map { ReplyIOCustomField(key: $0, value: data[$0]!) })
    }
}
