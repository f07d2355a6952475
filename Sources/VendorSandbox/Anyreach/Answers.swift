/// A campaign answer; carries `contacts_result` when the request had inline contacts.
struct CampaignAnswer: Encodable, Sendable {
    let campaign: Campaign
    let contactsResult: UpsertAnswer?

    private enum CodingKeys: String, CodingKey {
        case contactsResult = "contacts_result"
    }

    func encode(to encoder: any Encoder) throws {
        try campaign.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(contactsResult, forKey: .contactsResult)
    }
}

/// `GET /campaign/campaigns`: one page and the cursor of the next, null on the last.
struct CampaignPage: Encodable, Sendable {
    let campaigns: [Campaign]
    let nextCursor: String?

    enum CodingKeys: String, CodingKey {
        case campaigns
        case nextCursor = "next_cursor"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(campaigns, forKey: .campaigns)
        try container.encode(nextCursor, forKey: .nextCursor)
    }
}

/// `GET .../contacts`: one page; `total` counts the filtered set.
struct ContactPage: Encodable, Sendable {
    let contacts: [Contact]
    let total: Int
    let limit: Int
    let offset: Int
}

/// A contact that the upsert left out, and why.
struct FailedContact: Encodable, Sendable, Equatable {
    let index: Int
    let id: String?
    let externalID: String?
    let error: String

    enum CodingKeys: String, CodingKey {
        case index, id, error
        case externalID = "external_id"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(index, forKey: .index)
        try container.encode(id, forKey: .id)
        try container.encode(externalID, forKey: .externalID)
        try container.encode(error, forKey: .error)
    }
}

/// The upsert answer documented in anyreach-campaigns-api.md.
struct UpsertAnswer: Encodable, Sendable, Equatable {
    var inserted = 0
    var updated = 0
    var failed: [FailedContact] = []
    var warnings: [String] = []
    var contactIDs: [String] = []

    enum CodingKeys: String, CodingKey {
        case inserted, updated, failed, warnings
        case contactIDs = "contact_ids"
    }
}

/// The answer of every DELETE.
struct DeletionAnswer: Encodable, Sendable {
    let id: String
    let deleted = true
}

/// `GET /campaign/configurations`.
struct ConfigurationList: Encodable, Sendable {
    let configurations: [Configuration]
}

/// `GET` and `PUT /campaign/concurrency-settings`.
struct ConcurrencyAnswer: Encodable, Sendable {
    let concurrencyLimit: Int
    let activeCalls: Int

    enum CodingKeys: String, CodingKey {
        case concurrencyLimit = "concurrency_limit"
        case activeCalls = "active_calls"
    }
}

/// `GET /campaign/timezones`.
struct TimezoneList: Encodable, Sendable {
    let timezones: [String]
}
