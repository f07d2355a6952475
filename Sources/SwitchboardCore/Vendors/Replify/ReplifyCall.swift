import Foundation

/// The body of `POST /outbound/call`: an agent calls one contact now. Give either
/// `introMessage` and `voicemailMessage` together, or `callInstructions` alone.
public struct ReplifyCallRequest: Codable, Sendable, Hashable {
    /// The person to call; `phoneNumber` is E.164 (`+15551234567`).
    public struct Contact: Codable, Sendable, Hashable {
        public var phoneNumber: String
        public var firstName: String?
        public var lastName: String?
        public var email: String?

        public init(phoneNumber: String, firstName: String? = nil, lastName: String? = nil, email: String? = nil) {
            self.phoneNumber = phoneNumber
            self.firstName = firstName
            self.lastName = lastName
            self.email = email
        }

        enum CodingKeys: String, CodingKey {
            case phoneNumber, firstName, lastName, email
        }
    }

    /// The agent's UUID.
    public var agentId: String
    public var contact: Contact
    public var metadata: [String: JSONValue]?
    public var introMessage: String?
    public var voicemailMessage: String?
    public var callInstructions: String?

    public init(
        agentId: String, contact: Contact, metadata: [String: JSONValue]? = nil, introMessage: String? = nil,
        voicemailMessage: String? = nil, callInstructions: String? = nil
    ) {
        self.agentId = agentId
        self.contact = contact
        self.metadata = metadata
        self.introMessage = introMessage
        self.voicemailMessage = voicemailMessage
        self.callInstructions = callInstructions
    }

    enum CodingKeys: String, CodingKey {
        case agentId, contact, metadata, introMessage, voicemailMessage, callInstructions
    }

    /// Why the vendor would refuse this call, or nil: a UUID agent, an E.164 number, and
    /// exactly one of the two message forms.
    public var problem: String? {
        if UUID(uuidString: agentId) == nil { return "agentId \"\(agentId)\" is not a UUID" }
        if contact.phoneNumber.range(of: #"^\+[1-9][0-9]{1,14}$"#, options: .regularExpression) == nil {
            return "phone number \"\(contact.phoneNumber)\" is not E.164 (like +15551234567)"
        }
        switch (introMessage != nil, voicemailMessage != nil, callInstructions != nil) {
        case (true, true, false), (false, false, true): return nil
        case (_, _, true): return "give callInstructions alone, without introMessage or voicemailMessage"
        default: return "give both introMessage and voicemailMessage, or callInstructions alone"
        }
    }
}

/// The answer to `POST /outbound/call`.
public struct ReplifyCallResult: Codable, Sendable, Hashable {
    public var success: Bool
    public var message: String?

    public init(success: Bool, message: String? = nil) {
        self.success = success
        self.message = message
    }

    enum CodingKeys: String, CodingKey {
        case success, message
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // A 2xx answer without the flag is taken as accepted.
        success = try container.decodeIfPresent(Bool.self, forKey: .success) ?? true
        message = try container.decodeIfPresent(String.self, forKey: .message)
    }
}
