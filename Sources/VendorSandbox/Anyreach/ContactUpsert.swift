import Foundation

extension AnyreachState {
    /// The most contacts one `POST .../contacts` may carry.
    static let upsertContactLimit = 1000

    /// Upserts contacts into a bucket: match by `id`, then by `external_id`, update in place
    /// or insert. Unparseable phones, time zones or times fail the whole request (422); a
    /// contact without phones or with an unknown `id` fails alone.
    mutating func upsert(_ inputs: [ContactInput], into bucket: ContactBucket) throws -> UpsertAnswer {
        let countryCode = try countryCode(for: bucket)
        let phones = try normalizedPhones(inputs, countryCode: countryCode)
        let schedules = try validatedSchedules(inputs)

        let campaignID = bucket.campaignID
        contactLookup.refresh(for: contacts)
        let slot = contactLookup.slot(for: campaignID)
        var answer = UpsertAnswer()
        // By index: `enumerated()` would copy every input (a retain per field) on the way.
        for position in inputs.indices {
            let input = inputs[position]
            for key in Self.structuredKeys(in: input.data) {
                answer.warnings.append(
                    "contacts[\(position)]: data.\(key) duplicates a structured field; send it at the top level")
            }
            func fail(_ reason: String) {
                answer.failed.append(
                    FailedContact(index: position, id: input.id, externalID: input.externalID, error: reason))
            }
            func holder(of externalID: String) -> Int? {
                contactLookup.index(ofExternalID: externalID, inSlot: slot)
            }
            let existing: Int?
            if let id = input.id {
                guard let match = contactLookup.index(ofID: id.lowercased()), contacts[match].campaignID == campaignID
                else {
                    fail("No contact with id \(id) in this campaign")
                    continue
                }
                existing = match
            } else {
                // A second contact with the same external_id in one request updates the first.
                existing = input.externalID.flatMap(holder(of:))
            }
            let numbers = phones[position]
            if let index = existing {
                if let externalID = input.externalID, let holder = holder(of: externalID), holder != index {
                    fail("external_id \(externalID) already belongs to another contact in this campaign")
                    continue
                }
                if let numbers, numbers.isEmpty {
                    fail("Contact has no phone numbers")
                    continue
                }
                let old = contacts[index].externalID
                Self.apply(input, phones: numbers, scheduledAt: schedules[position], at: now, to: &contacts[index])
                contactLookup.moved(
                    externalID: old, to: contacts[index].externalID, campaignID: campaignID, at: index)
                answer.updated += 1
                answer.contactIDs.append(contacts[index].id)
            } else {
                guard let numbers, !numbers.isEmpty else {
                    fail("Contact has no phone numbers")
                    continue
                }
                var contact = Contact(
                    id: ids.uuid(), campaignID: campaignID, externalID: nil, phoneNumbers: numbers, data: [:],
                    timezone: nil, scheduledAt: nil, status: .pending, attempts: [], agentID: nil, agentConfig: nil,
                    agentNumber: nil, agentVersion: nil, initialContext: nil, createdAt: now, updatedAt: now)
                Self.apply(input, phones: numbers, scheduledAt: schedules[position], at: now, to: &contact)
                contactLookup.added(contact, at: contacts.count)
                answer.inserted += 1
                answer.contactIDs.append(contact.id)
                contacts.append(contact)  // last, so the contact moves into the list instead of being copied
            }
        }
        return answer
    }

    /// The keys of `data` that name a structured field, sorted.
    private static func structuredKeys(in data: [String: JSONValue]?) -> [String] {
        guard let data else { return [] }
        var found: [String] = []
        // Only keys as long as a structured field's name can be one (most are not).
        for key in data.keys where ContactInput.mayBeStructuredField(key) {
            if ContactInput.structuredFields.contains(key) { found.append(key) }
        }
        return found.sorted()
    }

    /// The country code national numbers get; nil for `default`, where only E.164 is accepted.
    private func countryCode(for bucket: ContactBucket) throws -> String? {
        guard case .campaign(let id) = bucket, let campaign = campaigns.first(where: { $0.id == id }) else {
            return nil
        }
        guard campaign.status != .closed else {
            throw AnyreachError.badRequest("Campaign \(campaign.name) is closed: contacts cannot be added")
        }
        return configuration(of: campaign)?.defaultCountryCode ?? "+1"
    }

    /// Each contact's phones in E.164 (nil where the contact sent none), or the 422 naming
    /// every number that cannot be one.
    private func normalizedPhones(_ inputs: [ContactInput], countryCode: String?) throws -> [[String]?] {
        var invalid: [String] = []
        let normalizer = PhoneNumbers.Normalizer(countryCode: countryCode)
        let normalized = inputs.map { input in
            input.phoneNumbers.map { numbers in
                numbers.compactMap { raw in
                    let phone = normalizer.normalize(raw)
                    if phone == nil { invalid.append(raw) }
                    return phone
                }
            }
        }
        guard invalid.isEmpty else { throw AnyreachError.invalidPhoneNumbers(invalid) }
        return normalized
    }

    private func validatedSchedules(_ inputs: [ContactInput]) throws -> [Date?] {
        // A batch tends to repeat a few time zones: look each one up once.
        var knownTimezones: Set<String> = []
        return try inputs.indices.map { position in
            let input = inputs[position]
            if let timezone = input.timezone, !knownTimezones.contains(timezone) {
                guard TimeZone(identifier: timezone) != nil else {
                    throw AnyreachError.unprocessable("contacts[\(position)]: unknown timezone \(timezone)")
                }
                knownTimezones.insert(timezone)
            }
            guard let text = input.scheduledAt else { return nil }
            guard let date = Timestamp.date(text) else {
                throw AnyreachError.unprocessable(
                    "contacts[\(position)]: scheduled_at is not an ISO 8601 datetime: \(text)")
            }
            return date
        }
    }

    // Static, so that updating `contacts[index]` in place does not also hold a copy of `self`
    // (and of the whole contact array) for the duration of the call.
    private static func apply(
        _ input: ContactInput, phones: [String]?, scheduledAt: Date?, at now: Date, to contact: inout Contact
    ) {
        if let phones { contact.phoneNumbers = phones }
        if let externalID = input.externalID { contact.externalID = externalID }
        if let data = input.data { contact.data = data }
        if let timezone = input.timezone { contact.timezone = timezone }
        if let scheduledAt { contact.scheduledAt = scheduledAt }
        if let agentID = input.agentID { contact.agentID = agentID }
        if let agentConfig = input.agentConfig { contact.agentConfig = agentConfig }
        if let agentNumber = input.agentNumber { contact.agentNumber = agentNumber }
        if let agentVersion = input.agentVersion { contact.agentVersion = agentVersion }
        if let initialContext = input.initialContext { contact.initialContext = initialContext }
        contact.updatedAt = now
    }
}
