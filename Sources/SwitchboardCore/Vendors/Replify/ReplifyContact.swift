/// One contact of `POST /campaigns/{campaignId}/contacts`, with the documented fields;
/// unset fields are not sent. At least one of `email` or `phone` identifies the contact.
public struct ReplifyContactInput: Codable, Sendable, Hashable {
    public var firstName: String?
    public var lastName: String?
    public var email: String?
    public var phone: String?
    public var status: ReplifyContactStatus?
    /// Key:value pairs the AI assistant can act on (`"tier": "pro"`).
    public var contactMetadata: [String: JSONValue]?
    /// The external ID's name, as configured under Manage Assistants (`hubspotId`).
    public var externalIdKey: String?
    public var externalIdValue: String?

    public init(
        firstName: String? = nil, lastName: String? = nil, email: String? = nil, phone: String? = nil,
        status: ReplifyContactStatus? = nil, contactMetadata: [String: JSONValue]? = nil, externalIdKey: String? = nil,
        externalIdValue: String? = nil
    ) {
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.status = status
        self.contactMetadata = contactMetadata
        self.externalIdKey = externalIdKey
        self.externalIdValue = externalIdValue
    }

    enum CodingKeys: String, CodingKey {
        case firstName, lastName, email, phone, status, contactMetadata, externalIdKey, externalIdValue
    }

    /// True when the contact carries an email or a phone, which Replify needs to find it.
    public var isIdentifiable: Bool {
        !(email ?? "").isEmpty || !(phone ?? "").isEmpty
    }
}

/// The body of `POST /campaigns/{campaignId}/contacts`. `externalIdKey`/`externalIdValue`
/// here apply to the whole batch; contacts may carry their own as well.
public struct ReplifyContactsRequest: Codable, Sendable, Hashable {
    public var externalIdKey: String?
    public var externalIdValue: String?
    public var contacts: [ReplifyContactInput]
    /// Sent as given; when nil the vendor applies its default, `upsert`.
    public var action: ReplifyAction?

    public init(
        contacts: [ReplifyContactInput], action: ReplifyAction? = nil, externalIdKey: String? = nil,
        externalIdValue: String? = nil
    ) {
        self.contacts = contacts
        self.action = action
        self.externalIdKey = externalIdKey
        self.externalIdValue = externalIdValue
    }

    enum CodingKeys: String, CodingKey {
        case externalIdKey, externalIdValue, contacts, action
    }
}

/// The 200 answer: a summary, the contacts that went through and those that failed.
public struct ReplifyContactsResult: Codable, Sendable, Hashable {
    /// A contact Replify created, updated or removed.
    public struct Success: Codable, Sendable, Hashable {
        /// The phone as Replify normalized it (digits only in the examples).
        public var phone: String?
        public var email: String?
        public var action: ReplifyResultAction?

        public init(phone: String? = nil, email: String? = nil, action: ReplifyResultAction? = nil) {
            self.phone = phone
            self.email = email
            self.action = action
        }

        enum CodingKeys: String, CodingKey {
            case phone, email, action
        }
    }

    /// A contact Replify refused; `error` is the vendor's reason, shown word for word.
    public struct Failure: Codable, Sendable, Hashable {
        public var email: String?
        public var phone: String?
        public var error: String

        public init(email: String? = nil, phone: String? = nil, error: String) {
            self.email = email
            self.phone = phone
            self.error = error
        }

        enum CodingKeys: String, CodingKey {
            case email, phone, error
        }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            email = try container.decodeIfPresent(String.self, forKey: .email)
            phone = try container.decodeIfPresent(String.self, forKey: .phone)
            error = try container.decodeIfPresent(String.self, forKey: .error) ?? "failed"
        }
    }

    public var message: String?
    public var success: [Success]
    public var errors: [Failure]

    public init(message: String? = nil, success: [Success] = [], errors: [Failure] = []) {
        self.message = message
        self.success = success
        self.errors = errors
    }

    enum CodingKeys: String, CodingKey {
        case message, success, errors
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        message = try container.decodeIfPresent(String.self, forKey: .message)
        success = try container.decodeIfPresent([Success].self, forKey: .success) ?? []
        errors = try container.decodeIfPresent([Failure].self, forKey: .errors) ?? []
    }
}
