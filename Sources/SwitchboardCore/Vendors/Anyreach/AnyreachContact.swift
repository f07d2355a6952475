/// A contact as Anyreach returns it, with its attempts.
public struct AnyreachContact: Codable, Sendable, Hashable {
    public struct Attempt: Codable, Sendable, Hashable {
        public var number: Int?
        public var phoneNumber: String?
        public var startedAt: String?
        public var endedAt: String?
        public var outcome: String?

        enum CodingKeys: String, CodingKey {
            case number, outcome
            case phoneNumber = "phone_number"
            case startedAt = "started_at"
            case endedAt = "ended_at"
        }
    }

    public var id: String
    public var campaignID: String?
    public var externalID: String?
    public var phoneNumbers: [String]
    public var data: [String: JSONValue]
    public var timezone: String?
    public var scheduledAt: String?
    public var status: AnyreachContactStatus
    public var attemptCount: Int?
    public var attempts: [Attempt]?
    public var agentID: String?
    /// The per-contact override of the agent's configuration (a JSON object, kept as sent).
    public var agentConfig: JSONValue?
    public var agentNumber: String?
    public var agentVersion: String?
    public var initialContext: String?
    public var createdAt: String?
    public var updatedAt: String?

    enum CodingKeys: String, CodingKey {
        case id, data, timezone, status, attempts
        case campaignID = "campaign_id"
        case externalID = "external_id"
        case phoneNumbers = "phone_numbers"
        case scheduledAt = "scheduled_at"
        case attemptCount = "attempt_count"
        case agentID = "agent_id"
        case agentConfig = "agent_config"
        case agentNumber = "agent_number"
        case agentVersion = "agent_version"
        case initialContext = "initial_context"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        campaignID = try container.decodeIfPresent(String.self, forKey: .campaignID)
        externalID = try container.decodeIfPresent(String.self, forKey: .externalID)
        phoneNumbers = try container.decodeIfPresent([String].self, forKey: .phoneNumbers) ?? []
        data = try container.decodeIfPresent([String: JSONValue].self, forKey: .data) ?? [:]
        timezone = try container.decodeIfPresent(String.self, forKey: .timezone)
        scheduledAt = try container.decodeIfPresent(String.self, forKey: .scheduledAt)
        status = try container.decodeIfPresent(AnyreachContactStatus.self, forKey: .status) ?? .unknown("")
        attempts = try container.decodeIfPresent([Attempt].self, forKey: .attempts)
        attemptCount = try container.decodeIfPresent(Int.self, forKey: .attemptCount) ?? attempts?.count
        agentID = try container.decodeIfPresent(String.self, forKey: .agentID)
        agentConfig = try container.decodeIfPresent(JSONValue.self, forKey: .agentConfig)
        agentNumber = try container.decodeIfPresent(String.self, forKey: .agentNumber)
        agentVersion = try container.decodeIfPresent(String.self, forKey: .agentVersion)
        initialContext = try container.decodeIfPresent(String.self, forKey: .initialContext)
        createdAt = try container.decodeIfPresent(String.self, forKey: .createdAt)
        updatedAt = try container.decodeIfPresent(String.self, forKey: .updatedAt)
    }
}

/// One contact of an upsert, with the documented fields; unset fields are not sent.
public struct AnyreachContactInput: Codable, Sendable, Hashable {
    /// An existing contact's UUID: matched first.
    public var id: String?
    /// The operator's key, unique per campaign: matched second.
    public var externalID: String?
    public var phoneNumbers: [String]?
    public var data: [String: JSONValue]?
    public var timezone: String?
    public var scheduledAt: String?
    public var agentID: String?
    public var agentConfig: JSONValue?
    public var agentNumber: String?
    public var agentVersion: String?
    public var initialContext: String?

    public init(
        id: String? = nil, externalID: String? = nil, phoneNumbers: [String]? = nil, data: [String: JSONValue]? = nil,
        timezone: String? = nil, scheduledAt: String? = nil, agentID: String? = nil, agentConfig: JSONValue? = nil,
        agentNumber: String? = nil, agentVersion: String? = nil, initialContext: String? = nil
    ) {
        self.id = id
        self.externalID = externalID
        self.phoneNumbers = phoneNumbers
        self.data = data
        self.timezone = timezone
        self.scheduledAt = scheduledAt
        self.agentID = agentID
        self.agentConfig = agentConfig
        self.agentNumber = agentNumber
        self.agentVersion = agentVersion
        self.initialContext = initialContext
    }

    enum CodingKeys: String, CodingKey {
        case id, data, timezone
        case externalID = "external_id"
        case phoneNumbers = "phone_numbers"
        case scheduledAt = "scheduled_at"
        case agentID = "agent_id"
        case agentConfig = "agent_config"
        case agentNumber = "agent_number"
        case agentVersion = "agent_version"
        case initialContext = "initial_context"
    }
}

/// The body of an upsert.
struct AnyreachUpsertBody: Codable, Sendable {
    var contacts: [AnyreachContactInput]
}

/// The answer to an upsert: counts plus the resolved ids, as documented.
public struct AnyreachUpsertResult: Codable, Sendable, Hashable {
    public struct Failure: Codable, Sendable, Hashable {
        /// Position in the request's `contacts` (for a split upsert: in the whole list).
        public var index: Int?
        public var id: String?
        public var externalID: String?
        public var error: String

        public init(index: Int?, id: String? = nil, externalID: String? = nil, error: String) {
            self.index = index
            self.id = id
            self.externalID = externalID
            self.error = error
        }

        enum CodingKeys: String, CodingKey {
            case index, id, error
            case externalID = "external_id"
        }

        public init(from decoder: Decoder) throws {
            // A vendor may list a failure as a bare message.
            if let message = try? decoder.singleValueContainer().decode(String.self) {
                self.init(index: nil, error: message)
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                index: try container.decodeIfPresent(Int.self, forKey: .index),
                id: try container.decodeIfPresent(String.self, forKey: .id),
                externalID: try container.decodeIfPresent(String.self, forKey: .externalID),
                error: try container.decodeIfPresent(String.self, forKey: .error) ?? "failed")
        }
    }

    public var inserted: Int
    public var updated: Int
    public var failed: [Failure]
    public var warnings: [String]
    public var contactIDs: [String]

    public init(inserted: Int = 0, updated: Int = 0, failed: [Failure] = [], warnings: [String] = [], contactIDs: [String] = []) {
        self.inserted = inserted
        self.updated = updated
        self.failed = failed
        self.warnings = warnings
        self.contactIDs = contactIDs
    }

    enum CodingKeys: String, CodingKey {
        case inserted, updated, failed, warnings
        case contactIDs = "contact_ids"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        inserted = try container.decodeIfPresent(Int.self, forKey: .inserted) ?? 0
        updated = try container.decodeIfPresent(Int.self, forKey: .updated) ?? 0
        failed = try container.decodeIfPresent([Failure].self, forKey: .failed) ?? []
        warnings = try container.decodeIfPresent([JSONValue].self, forKey: .warnings)?.map(\.description) ?? []
        contactIDs = try container.decodeIfPresent([String].self, forKey: .contactIDs) ?? []
    }
}

/// One page of `GET /campaign/campaigns/{id}/contacts`.
public struct AnyreachContactPage: Codable, Sendable {
    public var contacts: [AnyreachContact]
    public var total: Int
    public var limit: Int
    public var offset: Int
}
