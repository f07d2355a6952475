/// What `POST /campaigns/{campaignId}/contacts` does with every contact of a request.
enum ReplifyAction: String, Sendable {
    case upsert, updateOnly, remove
}

/// One contact of a request, as sent.
struct ReplifyContactInput: Sendable {
    var firstName: String?
    var lastName: String?
    var email: String?
    var phone: String?
    var status: String?
    var contactMetadata: [String: JSONValue]?
    var externalIdKey: String?
    var externalIdValue: String?
}

/// The body of `POST /campaigns/{campaignId}/contacts`.
struct ReplifyContactsRequest: Sendable {
    var action: ReplifyAction
    var contacts: [ReplifyContactInput]
    /// Root external id, for contacts that carry none of their own.
    var externalIdKey: String?
    var externalIdValue: String?

    /// Reads a parsed body: a missing or non-array `contacts` is the documented 400, a field
    /// of the wrong type or an unknown action a 400 naming it.
    init(_ body: JSONValue) throws {
        guard case .object(let root) = body, case .array(let items) = root["contacts"] else {
            throw ReplifyError.missingContacts
        }
        let fields = ReplifyFields(object: root, path: "")
        let action = try fields.string("action")
        guard let chosen = ReplifyAction(rawValue: action ?? ReplifyAction.upsert.rawValue) else {
            throw ReplifyError.badRequest(
                "Invalid field: action", details: "action must be one of upsert, updateOnly, remove")
        }
        self.action = chosen
        externalIdKey = try fields.string("externalIdKey")
        externalIdValue = try fields.string("externalIdValue")
        contacts = try items.enumerated().map { position, item in
            guard case .object(let object) = item else {
                throw ReplifyError.badRequest(
                    "Invalid field: contacts[\(position)]", details: "Each contact must be an object")
            }
            let contact = ReplifyFields(object: object, path: "contacts[\(position)].")
            return ReplifyContactInput(
                firstName: try contact.string("firstName"), lastName: try contact.string("lastName"),
                email: try contact.string("email"), phone: try contact.string("phone"),
                status: try contact.string("status"), contactMetadata: try contact.object("contactMetadata"),
                externalIdKey: try contact.string("externalIdKey"),
                externalIdValue: try contact.string("externalIdValue"))
        }
    }
}

/// One `success[]` item: the contact's normalized identifiers and what was done; removals
/// carry no `action`, as the document's enum has only `created` and `updated`.
struct ReplifySuccessItem: Encodable, Equatable, Sendable {
    let phone: String?
    let email: String?
    let action: String?
}

/// One `errors[]` item: the contact's email (else its phone) and the reason.
struct ReplifyErrorItem: Encodable, Equatable, Sendable {
    let email: String?
    let phone: String?
    let error: String
}

/// The 200 answer: `{message, success[], errors[]}`.
struct ReplifyContactsAnswer: Encodable, Equatable, Sendable {
    var message: String
    var success: [ReplifySuccessItem]
    var errors: [ReplifyErrorItem]
}
