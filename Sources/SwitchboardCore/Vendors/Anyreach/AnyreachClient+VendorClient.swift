/// Anyreach through the vendor-neutral protocol.
extension AnyreachClient: VendorClient {
    public var vendor: Vendor { .anyreach }

    public static let capabilities: VendorCapabilities = [
        .listCampaigns, .listContacts, .getContact, .deleteContact, .stats, .upsert, .remove, .manageCampaigns,
        .campaignLifecycle, .defaultCampaign,
    ]

    public var capabilities: VendorCapabilities { Self.capabilities }

    public var maxContactsPerRequest: Int { Self.maxContactsPerUpsert }

    public func campaigns(nameContains: String?, states: [CampaignState]) async throws -> [Campaign] {
        let statuses = states.map { AnyreachCampaignStatus(rawValue: $0.description) }
        return try await allCampaigns(name: nameContains, statuses: statuses).map(\.neutral)
    }

    public func campaign(id: String) async throws -> Campaign {
        try await campaign(id).neutral
    }

    public func contacts(campaignID: String, status: String?, limit: Int, offset: Int) async throws -> ContactPage {
        let page = try await listContacts(
            campaign: campaignID, limit: min(max(limit, 1), Self.maxPageSize), offset: offset,
            status: status.map(AnyreachContactStatus.init(rawValue:)))
        let next = page.offset + page.contacts.count
        return ContactPage(
            contacts: page.contacts.map(\.neutral), total: page.total,
            nextOffset: page.contacts.isEmpty || next >= page.total ? nil : next)
    }

    public func contact(campaignID: String, contactID: String) async throws -> Contact {
        try await contact(campaign: campaignID, id: contactID).neutral
    }

    public func deleteContact(campaignID: String, contactID: String) async throws {
        try await deleteContact(campaign: campaignID, id: contactID)
    }

    public func upsert(_ request: UpsertRequest) async throws -> UpsertReport {
        switch request.action {
        case .upsert:
            let inputs = request.contacts.map(AnyreachContactInput.init(neutral:))
            let answer = try await upsertContacts(campaign: request.campaignID, inputs)
            return AnyreachUpsertMapping.report(for: inputs, answer: answer)
        case .remove:
            return try await remove(request)
        case .updateOnly:
            throw VendorError.unsupported("Anyreach has no update-only upsert; use upsert")
        }
    }

    /// Anyreach removes by deleting each contact by id or external id; a contact that is
    /// not there is reported as ignored, so removing twice is harmless.
    private func remove(_ request: UpsertRequest) async throws -> UpsertReport {
        var outcomes: [UpsertOutcome] = []
        for (index, contact) in request.contacts.enumerated() {
            guard let key = contact.vendorID ?? contact.externalID else {
                outcomes.append(
                    UpsertOutcome(index: index, result: .failed(reason: "Anyreach removes by id or external_id; this contact has neither")))
                continue
            }
            do {
                let deleted = try await deleteContact(campaign: request.campaignID, id: key)
                outcomes.append(UpsertOutcome(index: index, vendorID: deleted.id ?? contact.vendorID, result: .removed))
            } catch let error as VendorError where error.status == 404 {
                outcomes.append(UpsertOutcome(index: index, vendorID: contact.vendorID, result: .ignored(reason: error.message)))
            } catch let error as VendorError where error.status == 400 || error.status == 422 {
                outcomes.append(UpsertOutcome(index: index, vendorID: contact.vendorID, result: .failed(reason: error.message)))
            }
        }
        return UpsertReport(outcomes: outcomes)
    }

    public func stats(campaignID: String) async throws -> StatusCounts {
        try await stats(campaign: campaignID).neutral
    }

    public func perform(_ command: CampaignCommand, campaignID: String) async throws -> Campaign {
        switch command {
        case .start: try await startCampaign(campaignID).neutral
        case .pause: try await pauseCampaign(campaignID).neutral
        case .close: try await closeCampaign(campaignID).neutral
        }
    }
}

/// Turns Anyreach's counted answer into one outcome per contact.
enum AnyreachUpsertMapping {
    static func report(for inputs: [AnyreachContactInput], answer: AnyreachUpsertResult) -> UpsertReport {
        report(sentIDs: inputs.map(\.id), answer: answer)
    }

    /// The same from the id each contact was sent with (a request body journaled as sent).
    static func report(sentIDs: [String?], answer: AnyreachUpsertResult) -> UpsertReport {
        let inputs = sentIDs.map { AnyreachUpsertMapping.Sent(id: $0) }
        let failures = Dictionary(
            answer.failed.compactMap { failure in failure.index.map { ($0, failure.error) } },
            uniquingKeysWith: { first, _ in first })
        let succeeded = inputs.indices.filter { failures[$0] == nil }
        // The answer counts inserts and updates but does not say which contact was which;
        // a contact sent with its Anyreach id can only have been updated.
        let knownUpdates = succeeded.filter { inputs[$0].id != nil }.count
        let unknown = succeeded.count - knownUpdates
        let otherUpdates = answer.updated - knownUpdates
        let idsMatch = answer.contactIDs.count == succeeded.count
        var outcomes: [UpsertOutcome] = []
        outcomes.reserveCapacity(inputs.count)
        // The answer's ids are the succeeded contacts', in order: `position` counts them.
        var position = -1
        for index in inputs.indices {
            if let reason = failures[index] {
                outcomes.append(UpsertOutcome(index: index, result: .failed(reason: reason)))
                continue
            }
            position += 1
            let vendorID = idsMatch ? answer.contactIDs[position] : inputs[index].id
            let result = Self.result(sentWithID: inputs[index].id != nil, otherUpdates: otherUpdates, unknown: unknown)
            outcomes.append(UpsertOutcome(index: index, vendorID: vendorID, result: result))
        }
        // Failures the vendor could not place (no index) fail nothing we can name; keep their words.
        let unplaced = answer.failed.filter { $0.index == nil }.map(\.error)
        return UpsertReport(outcomes: outcomes, warnings: answer.warnings + unplaced)
    }

    struct Sent {
        var id: String?
    }

    /// A contact that did not fail: a contact sent with its id was updated; of the others
    /// (`unknown` of them), all were updated when the answer's other updates count them
    /// all, all created when it has none, and either (`upserted`) otherwise.
    static func result(sentWithID: Bool, otherUpdates: Int, unknown: Int) -> UpsertOutcome.Result {
        if sentWithID || otherUpdates == unknown { return .updated }
        return otherUpdates <= 0 ? .created : .upserted
    }
}

extension AnyreachCampaign {
    var neutral: Campaign {
        let state: CampaignState =
            switch status {
            case .active: .active
            case .paused: .paused
            case .closed: .closed
            case .unknown(let raw): .unknown(raw)
            }
        return Campaign(id: id, name: name, state: state, externalID: externalID, createdAt: createdAt, updatedAt: updatedAt)
    }
}

extension AnyreachContact {
    var neutral: Contact {
        var rest = data
        let first = rest.removeValue(forKey: "first_name")?.description
        let last = rest.removeValue(forKey: "last_name")?.description
        let email = rest.removeValue(forKey: "email")?.description
        let overrides: [(String, String?)] = [
            ("agent_id", agentID), ("agent_number", agentNumber), ("agent_version", agentVersion),
            ("initial_context", initialContext),
        ]
        for (key, value) in overrides { if let value { rest[key] = .string(value) } }
        if let agentConfig, agentConfig != .null { rest["agent_config"] = agentConfig }
        return Contact(
            vendorID: id, externalID: externalID, firstName: first, lastName: last, email: email,
            phoneNumbers: phoneNumbers, status: ContactStatus(raw: status.rawValue, normalized: status.normalized),
            attemptCount: attemptCount, data: rest, timezone: timezone, scheduledAt: scheduledAt, updatedAt: updatedAt)
    }
}

extension AnyreachContactInput {
    /// The `Contact.data` keys that are Anyreach's per-contact agent overrides: top-level
    /// columns, never duplicated inside `data` (as the contacts page asks).
    static let agentOverrideKeys = ["agent_id", "agent_config", "agent_number", "agent_version", "initial_context"]

    /// The neutral contact in Anyreach's shape: names and email travel in `data`; the
    /// agent overrides are lifted out of it to their own columns.
    init(neutral contact: Contact) {
        var data = contact.data
        var overrides: [String: JSONValue] = [:]
        for key in Self.agentOverrideKeys { overrides[key] = data.removeValue(forKey: key) }
        if let first = contact.firstName { data["first_name"] = .string(first) }
        if let last = contact.lastName { data["last_name"] = .string(last) }
        if let email = contact.email { data["email"] = .string(email) }
        self.init(
            id: contact.vendorID, externalID: contact.externalID,
            phoneNumbers: contact.phoneNumbers.isEmpty ? nil : contact.phoneNumbers, data: data.isEmpty ? nil : data,
            timezone: contact.timezone, scheduledAt: contact.scheduledAt, agentID: overrides["agent_id"]?.description,
            agentConfig: overrides["agent_config"], agentNumber: overrides["agent_number"]?.description,
            agentVersion: overrides["agent_version"]?.description,
            initialContext: overrides["initial_context"]?.description)
    }
}

extension AnyreachStats {
    var neutral: StatusCounts {
        var byStatus: [NormalizedStatus: Int] = [:]
        for (raw, count) in contacts where raw != "total" {
            byStatus[AnyreachContactStatus(rawValue: raw).normalized, default: 0] += count
        }
        let total = contacts["total"] ?? byStatus.values.reduce(0, +)
        return StatusCounts(
            total: total, byStatus: byStatus, raw: contacts, activeCalls: activeCalls, attempts: attempts.total,
            concurrencyLimit: concurrencyLimit)
    }
}
