import Foundation

/// `POST /{v}/contacts`: every field of the create document, checked as the vendor does.
/// All fields are optional but at least an email or a LinkedIn URL is required, and an
/// email may belong to one contact only.
struct ReplyIOContactCreation: Sendable {
    let contact: ReplyIOContact

    /// Reads and checks the body; the contact gets its id, owner and dates on ``create(in:)``.
    /// - Throws: the 400 problem naming every invalid field.
    init(body: [String: JSONValue], owner: ReplyIOUser) throws {
        var reader = ReplyIOFieldReader(body)
        let email = reader.email("email")
        let linkedIn = reader.url("linkedInUrl")
        let salesNavigator = reader.url("linkedInSalesNavigatorUrl")
        let recruiter = reader.url("linkedInRecruiterUrl")
        let customFields = reader.objects("customFields") { field -> ReplyIOCustomField? in
            let key = field.string("key")
            if key == nil { field.fail("key", "Required") }
            let value: String?
            switch field.body["value"] {
            case nil, .null: value = nil
            case .string(let text): value = text
            default:
                field.fail("value", "Must be a string")
                value = nil
            }
            return key.map { ReplyIOCustomField(key: $0, value: value) }
        }
        if reader.errors.isEmpty, email == nil, linkedIn == nil, salesNavigator == nil, recruiter == nil {
            reader.fail(
                "email",
                "Provide at least an email or a LinkedIn URL (linkedInUrl, linkedInSalesNavigatorUrl or "
                    + "linkedInRecruiterUrl)")
        }
        contact = ReplyIOContact(
            id: 0, email: email, firstName: reader.string("firstName"), lastName: reader.string("lastName"),
            phone: reader.string("phone"), phone2: reader.string("phone2"), title: reader.string("title"),
            company: reader.string("company"),
            companySize: reader.word("companySize", as: ReplyIOCompanySize.self) ?? .empty,
            industry: reader.string("industry"), city: reader.string("city"), state: reader.string("state"),
            country: reader.string("country"), timeZoneID: reader.string("timeZoneId"), linkedInURL: linkedIn,
            linkedInSalesNavigatorURL: salesNavigator, linkedInRecruiterURL: recruiter, notes: reader.string("notes"),
            ownerUserID: owner.id, accountID: reader.integer("accountId"), isOptedOut: false,
            customFields: customFields ?? [], sequences: [], listIDs: [], addingDate: .distantPast,
            createdAt: .distantPast, lastModifiedAt: .distantPast)
        try reader.check()
    }

    /// Stores the contact with the next id, stamped now, and answers it.
    /// - Throws: 400 for an `accountId` the account does not have, 409 `contact.alreadyExists`
    ///   for an email already taken.
    func create(in state: inout ReplyIOState) throws -> ReplyIOContact {
        if let accountID = contact.accountID, !state.contactAccounts.contains(where: { $0.id == accountID }) {
            throw ReplyIOProblem.validation(field: "accountId", "No contact account with id \(accountID)")
        }
        if let email = contact.email, let existing = state.contact(withEmail: email) {
            throw ReplyIOProblem.contactExists(email: existing.email ?? email)
        }
        var created = contact
        created.id = state.nextContactID
        created.addingDate = state.now
        created.createdAt = state.now
        created.lastModifiedAt = state.now
        state.nextContactID += 1
        state.contacts.append(created)
        return created
    }
}
