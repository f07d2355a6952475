import Foundation

/// An outbound call asked for through `POST /outbound/call`, as the sandbox keeps it.
struct ReplifyCall: Encodable, Equatable, Sendable {
    /// Who the call was placed to; `phoneNumber` in E.164.
    struct Contact: Encodable, Equatable, Sendable {
        var phoneNumber: String
        var firstName: String?
        var lastName: String?
        var email: String?
    }

    var agentId: String
    var contact: Contact
    var metadata: [String: JSONValue]?
    var introMessage: String?
    var voicemailMessage: String?
    var callInstructions: String?

    /// The rule on the messages, said in every 400 about them.
    static let messageRule = "Send both introMessage and voicemailMessage, or callInstructions alone"
    static let phoneRule = "contact.phoneNumber must be an E.164 number such as +15551234567"

    /// Reads and checks a parsed body: `agentId` a UUID, `contact.phoneNumber` E.164, and
    /// either both `introMessage` and `voicemailMessage` or `callInstructions` alone.
    init(_ body: JSONValue) throws {
        guard case .object(let root) = body else {
            throw ReplifyError.badRequest("Invalid request body", details: "The request body must be a JSON object")
        }
        let fields = ReplifyFields(object: root, path: "")
        guard let agentId = try fields.string("agentId") else {
            throw ReplifyError.badRequest("Missing required field: agentId", details: "agentId must be a UUID")
        }
        guard UUID(uuidString: agentId) != nil else {
            throw ReplifyError.badRequest("Invalid field: agentId", details: "agentId must be a UUID")
        }
        guard let contactObject = try fields.object("contact") else {
            throw ReplifyError.badRequest(
                "Missing required field: contact", details: "The request body must contain a 'contact' object")
        }
        let contactFields = ReplifyFields(object: contactObject, path: "contact.")
        guard let phoneNumber = try contactFields.string("phoneNumber") else {
            throw ReplifyError.badRequest("Missing required field: contact.phoneNumber", details: Self.phoneRule)
        }
        guard Self.isE164(phoneNumber) else {
            throw ReplifyError.badRequest("Invalid field: contact.phoneNumber", details: Self.phoneRule)
        }
        self.agentId = agentId.lowercased()
        contact = Contact(
            phoneNumber: phoneNumber, firstName: try contactFields.string("firstName"),
            lastName: try contactFields.string("lastName"), email: try contactFields.string("email"))
        metadata = try fields.object("metadata")
        introMessage = try fields.string("introMessage")
        voicemailMessage = try fields.string("voicemailMessage")
        callInstructions = try fields.string("callInstructions")
        switch (introMessage != nil, voicemailMessage != nil, callInstructions != nil) {
        case (true, true, false), (false, false, true): break
        case (_, _, true):
            throw ReplifyError.badRequest("Invalid message fields", details: Self.messageRule)
        case (true, false, false):
            throw ReplifyError.badRequest("Missing required field: voicemailMessage", details: Self.messageRule)
        case (false, true, false):
            throw ReplifyError.badRequest("Missing required field: introMessage", details: Self.messageRule)
        case (false, false, false):
            throw ReplifyError.badRequest("Missing message fields", details: Self.messageRule)
        }
    }

    /// `+` then 8 to 15 digits, the first not 0.
    static func isE164(_ text: String) -> Bool {
        let digits = text.dropFirst()
        return text.hasPrefix("+") && (8...15).contains(digits.count) && digits.first != "0"
            && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }
}

/// The 200 answer of `POST /outbound/call`.
struct ReplifyCallAnswer: Encodable, Sendable {
    let success = true
    let message: String
}
