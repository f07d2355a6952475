import Foundation

extension CampaignLark.Workspace {
    /// Creates or updates the contact matched by `email_address`, as the document's
    /// behaviour table says, after its four checks in the order of its error table.
    mutating func upsert(
        _ request: CampaignLark.UpsertRequest, at now: Date, ids: inout SeededGenerator
    ) throws -> CampaignLark.ContactAnswer {
        guard let email = request.emailAddress?.trimmingCharacters(in: .whitespaces), !email.isEmpty else {
            throw CampaignLarkError.missingEmail
        }
        // `email_address` inside `fields` is ignored: the top-level one is the address.
        var fields = request.fields ?? [:]
        fields["email_address"] = nil
        let known = Set(self.fields.map(\.mergeTag))
        if let unknown = fields.keys.sorted().first(where: { !known.contains($0) }) {
            throw CampaignLarkError.unknownMergeTag(unknown)
        }
        var status: CampaignLark.ContactStatus?
        if let raw = request.status {
            guard let parsed = CampaignLark.ContactStatus(rawValue: raw),
                CampaignLark.ContactStatus.upsertable.contains(parsed)
            else { throw CampaignLarkError.invalidStatus }
            status = parsed
        }
        let tagIDs = try knownTags(request.tags)
        let existing = contactIndex(email: email)
        let partial = request.partialUpdate ?? false
        if existing == nil || !partial {
            if let missing = self.fields.first(where: { $0.required && !Self.isFilled(fields[$0.mergeTag]) }) {
                throw CampaignLarkError.requiredField(missing.label)
            }
        }

        guard let index = existing else {
            let contact = CampaignLark.Contact(
                id: ids.objectID(), emailAddress: email, status: status ?? .subscribed, tagIDs: tagIDs ?? [],
                fields: fields.filter { $0.value != .null }, statistics: CampaignLark.Statistics(), createdAt: now,
                updatedAt: now)
            contacts.append(contact)
            if contact.status == .unconfirmed {
                record(.contactSubscribedPending, contact: contact.id, at: now)
            }
            return CampaignLark.ContactAnswer(contact, in: self)
        }
        let before = contacts[index]
        var after = before
        if partial {
            for (tag, value) in fields { after.fields[tag] = value == .null ? nil : value }
            if let tagIDs { after.tagIDs = tagIDs }
            if let status { after.status = status }
        } else {
            after.fields = fields.filter { $0.value != .null }
            after.tagIDs = tagIDs ?? []
            after.status = status ?? .subscribed
        }
        after.updatedAt = now
        contacts[index] = after
        recordChanges(from: before, to: after, at: now)
        return CampaignLark.ContactAnswer(after, in: self)
    }

    /// The tag ids in the order sent, without repeats; nil when none were sent.
    private func knownTags(_ ids: [Int]?) throws -> [Int]? {
        guard let ids else { return nil }
        var seen = Set<Int>()
        for id in ids where !tags.contains(where: { $0.id == id }) {
            throw CampaignLarkError.badRequest("We were unable to find a tag with the id \(id)")
        }
        return ids.filter { seen.insert($0).inserted }
    }

    /// Whether a required field counts as given: not absent, null, blank or an empty list.
    private static func isFilled(_ value: JSONValue?) -> Bool {
        switch value {
        case nil, .null: false
        case .string(let text): !text.trimmingCharacters(in: .whitespaces).isEmpty
        case .array(let items): !items.isEmpty
        default: true
        }
    }

    /// The update path's automations: a tag added or removed, a field value changed.
    private mutating func recordChanges(from before: CampaignLark.Contact, to after: CampaignLark.Contact, at now: Date)
    {
        for id in after.tagIDs where !before.tagIDs.contains(id) {
            record(.tagAdded, contact: after.id, tag: id, at: now)
        }
        for id in before.tagIDs where !after.tagIDs.contains(id) {
            record(.tagRemoved, contact: after.id, tag: id, at: now)
        }
        let changed = Set(before.fields.keys).union(after.fields.keys).filter { before.fields[$0] != after.fields[$0] }
        for mergeTag in changed.sorted() {
            record(.fieldUpdated, contact: after.id, mergeTag: mergeTag, at: now)
        }
    }

    private mutating func record(
        _ kind: CampaignLark.AutomationEvent.Kind, contact: String, tag: Int? = nil, mergeTag: String? = nil,
        at now: Date
    ) {
        automations.append(
            CampaignLark.AutomationEvent(
                kind: kind, contactID: contact, tagID: tag, mergeTag: mergeTag, at: Timestamp.string(now)))
    }
}
