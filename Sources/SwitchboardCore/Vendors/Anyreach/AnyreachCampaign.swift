/// A campaign as Anyreach returns it (see docs/anyreach-wire.md).
public struct AnyreachCampaign: Codable, Sendable, Hashable {
    public var id: String
    public var externalID: String?
    public var name: String
    public var description: String?
    public var status: AnyreachCampaignStatus
    public var configurationID: String?
    public var createdAt: String?
    public var updatedAt: String?
    /// Present when the create or update carried inline contacts.
    public var contactsResult: AnyreachUpsertResult?

    enum CodingKeys: String, CodingKey {
        case id, name, description, status
        case externalID = "external_id"
        case configurationID = "configuration_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case contactsResult = "contacts_result"
    }
}

/// The body of `POST /campaign/campaigns` and `PATCH /campaign/campaigns/{id}`:
/// only the fields that are set are sent.
public struct AnyreachCampaignInput: Codable, Sendable, Hashable {
    public var name: String?
    public var externalID: String?
    public var description: String?
    public var configurationID: String?
    /// Inline contacts, at most 5000.
    public var contacts: [AnyreachContactInput]?

    public init(
        name: String? = nil, externalID: String? = nil, description: String? = nil, configurationID: String? = nil,
        contacts: [AnyreachContactInput]? = nil
    ) {
        self.name = name
        self.externalID = externalID
        self.description = description
        self.configurationID = configurationID
        self.contacts = contacts
    }

    enum CodingKeys: String, CodingKey {
        case name, description, contacts
        case externalID = "external_id"
        case configurationID = "configuration_id"
    }
}

/// One page of `GET /campaign/campaigns`.
public struct AnyreachCampaignPage: Codable, Sendable {
    public var campaigns: [AnyreachCampaign]
    public var nextCursor: String?

    enum CodingKeys: String, CodingKey {
        case campaigns
        case nextCursor = "next_cursor"
    }
}

/// `GET /campaign/campaigns/{id}/stats`, as documented.
public struct AnyreachStats: Codable, Sendable, Hashable {
    public struct Attempts: Codable, Sendable, Hashable {
        public var total: Int
        public var averagePerContact: Double

        enum CodingKeys: String, CodingKey {
            case total
            case averagePerContact = "average_per_contact"
        }
    }

    public var campaignID: String
    public var status: AnyreachCampaignStatus
    /// Counts by contact status: `total`, `pending`, `in_progress`, `completed`,
    /// `exhausted`, and any other status the vendor reports.
    public var contacts: [String: Int]
    public var attempts: Attempts
    public var activeCalls: Int
    public var concurrencyLimit: Int

    enum CodingKeys: String, CodingKey {
        case status, contacts, attempts
        case campaignID = "campaign_id"
        case activeCalls = "active_calls"
        case concurrencyLimit = "concurrency_limit"
    }
}
