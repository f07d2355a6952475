/// A PATCH field: left out, sent as null (clear it), or sent with a value.
enum PatchField<Value: Decodable & Sendable>: Sendable {
    case absent
    case null
    case value(Value)
}

extension KeyedDecodingContainer {
    func decodePatch<Value: Decodable & Sendable>(_ type: Value.Type, forKey key: Key) throws -> PatchField<Value> {
        guard contains(key) else { return .absent }
        if try decodeNil(forKey: key) { return .null }
        return .value(try decode(type, forKey: key))
    }
}

/// One contact of an upsert, or of a campaign's inline `contacts`.
struct ContactInput: Decodable, Sendable, Equatable {
    var id: String?
    var externalID: String?
    var phoneNumbers: [String]?
    var data: [String: JSONValue]?
    var timezone: String?
    var scheduledAt: String?
    var agentID: String?
    var agentConfig: JSONValue?
    var agentNumber: String?
    var agentVersion: String?
    var initialContext: String?

    /// Keys that are top-level columns and must not be repeated inside `data`.
    static let structuredFields: Set<String> = [
        "id", "external_id", "phone_numbers", "timezone", "scheduled_at", "agent_id", "agent_config",
        "agent_number", "agent_version", "initial_context",
    ]
    /// Bit `n` is set when a name in `structuredFields` is `n` UTF-8 bytes long (all are under 64).
    static let structuredFieldLengths: UInt64 = structuredFields.reduce(0) { $0 | 1 << UInt64($1.utf8.count) }

    /// Whether a key is as long as some structured field's name: a check before hashing it.
    static func mayBeStructuredField(_ key: String) -> Bool {
        let length = key.utf8.count
        return length < 64 && structuredFieldLengths & (1 << UInt64(length)) != 0
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

/// `POST /campaign/campaigns/{id}/contacts`.
struct UpsertRequest: Decodable, Sendable {
    var contacts: [ContactInput]
}

/// `POST /campaign/campaigns`.
struct CampaignCreation: Decodable, Sendable {
    var name: String?
    var externalID: String?
    var description: String?
    var configurationID: String?
    var contacts: [ContactInput]?

    enum CodingKeys: String, CodingKey {
        case name, description, contacts
        case externalID = "external_id"
        case configurationID = "configuration_id"
    }
}

/// `PATCH /campaign/campaigns/{id}`.
struct CampaignChanges: Decodable, Sendable {
    var name: PatchField<String>
    var description: PatchField<String>
    var externalID: PatchField<String>
    var configurationID: PatchField<String>
    var contacts: [ContactInput]?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CampaignCreation.CodingKeys.self)
        name = try container.decodePatch(String.self, forKey: .name)
        description = try container.decodePatch(String.self, forKey: .description)
        externalID = try container.decodePatch(String.self, forKey: .externalID)
        configurationID = try container.decodePatch(String.self, forKey: .configurationID)
        contacts = try container.decodeIfPresent([ContactInput].self, forKey: .contacts)
    }
}

/// `POST` and `PATCH /campaign/configurations`: every field optional here, `name` is
/// checked on create.
struct ConfigurationFields: Decodable, Sendable {
    var name: String?
    var defaultTimezone: String?
    var defaultWindows: [CallWindow]?
    var overrides: [String: [CallWindow]]?
    var scheduledWindows: [ScheduledWindow]?
    var scheduledOverrides: [String: [ScheduledWindow]]?
    var retryLimit: Int?
    var defaultCountryCode: String?
    var agentID: PatchField<String>
    var agentNumber: PatchField<String>

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Configuration.CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        defaultTimezone = try container.decodeIfPresent(String.self, forKey: .defaultTimezone)
        defaultWindows = try container.decodeIfPresent([CallWindow].self, forKey: .defaultWindows)
        overrides = try container.decodeIfPresent([String: [CallWindow]].self, forKey: .overrides)
        scheduledWindows = try container.decodeIfPresent([ScheduledWindow].self, forKey: .scheduledWindows)
        scheduledOverrides = try container.decodeIfPresent(
            [String: [ScheduledWindow]].self, forKey: .scheduledOverrides)
        retryLimit = try container.decodeIfPresent(Int.self, forKey: .retryLimit)
        defaultCountryCode = try container.decodeIfPresent(String.self, forKey: .defaultCountryCode)
        agentID = try container.decodePatch(String.self, forKey: .agentID)
        agentNumber = try container.decodePatch(String.self, forKey: .agentNumber)
    }
}

/// `PUT /campaign/concurrency-settings`.
struct ConcurrencyChange: Decodable, Sendable {
    var concurrencyLimit: Int

    enum CodingKeys: String, CodingKey {
        case concurrencyLimit = "concurrency_limit"
    }
}
