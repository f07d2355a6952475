extension ReplifyState {
    /// Reasons given in `errors[].error`; the first is the document's own wording.
    static let twoContactsError = "Contact contains email and phone for two different existing contacts"
    static let noIdentifierError = "At least one of email or phone is required"
    static let notInCampaignError = "Contact not found in campaign"

    /// Applies a request's action to every contact of a campaign in order and answers
    /// `{message, success[], errors[]}`.
    ///
    /// Contacts left out of both lists were processed without a change: upserts with status
    /// `completed` or `disqualified` that were not in the campaign (the document: they "will
    /// not be added") and `updateOnly` contacts not in the campaign ("ignored"). The message
    /// counts them as processed successfully, as the document's `allSuccess` example does
    /// (three processed, two listed).
    mutating func apply(_ request: ReplifyContactsRequest, toCampaign index: Int) -> ReplifyContactsAnswer {
        var answer = ReplifyContactsAnswer(message: "", success: [], errors: [])
        for input in request.contacts {
            do {
                if let item = try apply(input, of: request, toCampaign: index) { answer.success.append(item) }
            } catch {
                answer.errors.append(error.item)
            }
        }
        let processed = request.contacts.count - answer.errors.count
        answer.message =
            "Processed \(processed) contacts successfully"
            + (answer.errors.isEmpty ? "" : ", \(answer.errors.count) failed")
        return answer
    }

    /// One contact: its `success[]` item, nil when it is left as it is, or a thrown failure.
    private mutating func apply(
        _ input: ReplifyContactInput, of request: ReplifyContactsRequest, toCampaign index: Int
    ) throws(ReplifyContactFailure) -> ReplifySuccessItem? {
        let email = input.email.flatMap(ReplifyIdentifiers.email)
        let phone = input.phone.flatMap(ReplifyIdentifiers.phone)
        func failure(_ reason: String) -> ReplifyContactFailure {
            ReplifyContactFailure(
                item: ReplifyErrorItem(email: email, phone: email == nil ? phone : nil, error: reason))
        }
        if let raw = input.email, email == nil { throw failure("Invalid email address: \(raw)") }
        if let raw = input.phone, phone == nil { throw failure("Invalid phone number: \(raw)") }
        guard email != nil || phone != nil else { throw failure(Self.noIdentifierError) }

        let contacts = campaigns[index].contacts
        let byEmail = email.flatMap { email in contacts.firstIndex { $0.email == email } }
        let byPhone = phone.flatMap { phone in contacts.firstIndex { $0.phone == phone } }
        if let byEmail, let byPhone, byEmail != byPhone { throw failure(Self.twoContactsError) }

        guard let existing = byEmail ?? byPhone else {
            switch request.action {
            case .remove: throw failure(Self.notInCampaignError)
            case .updateOnly: return nil
            case .upsert:
                if let status = input.status, ["completed", "disqualified"].contains(status) { return nil }
                var contact = ReplifyContact(
                    firstName: nil, lastName: nil, email: nil, phone: nil, status: nil, contactMetadata: [:],
                    externalIdKey: nil, externalIdValue: nil)
                Self.update(&contact, with: input, email: email, phone: phone, root: request)
                campaigns[index].contacts.append(contact)
                return ReplifySuccessItem(phone: contact.phone, email: contact.email, action: "created")
            }
        }
        if request.action == .remove {
            let removed = campaigns[index].contacts.remove(at: existing)
            return ReplifySuccessItem(phone: removed.phone, email: removed.email, action: nil)
        }
        Self.update(&campaigns[index].contacts[existing], with: input, email: email, phone: phone, root: request)
        let updated = campaigns[index].contacts[existing]
        return ReplifySuccessItem(phone: updated.phone, email: updated.email, action: "updated")
    }

    /// Sets what the request sent and keeps the rest; metadata keys are merged, and the
    /// contact's own external id wins over the root's.
    private static func update(
        _ contact: inout ReplifyContact, with input: ReplifyContactInput, email: String?, phone: String?,
        root: ReplifyContactsRequest
    ) {
        if let firstName = input.firstName { contact.firstName = firstName }
        if let lastName = input.lastName { contact.lastName = lastName }
        if let email { contact.email = email }
        if let phone { contact.phone = phone }
        if let status = input.status { contact.status = status }
        if let metadata = input.contactMetadata { contact.contactMetadata.merge(metadata) { _, new in new } }
        if let key = input.externalIdKey ?? root.externalIdKey { contact.externalIdKey = key }
        if let value = input.externalIdValue ?? root.externalIdValue { contact.externalIdValue = value }
    }
}

/// A contact that could not be processed; the request goes on with the next one.
struct ReplifyContactFailure: Error {
    let item: ReplifyErrorItem
}
