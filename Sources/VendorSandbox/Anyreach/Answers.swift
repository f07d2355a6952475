import NIOCore

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

    /// The answer's JSON, the same bytes as `JSONAnswer.encoder()` writes (sorted keys), written
    /// by hand: a bulk import's answers carry a thousand contact ids each.
    var json: ByteBuffer {
        let idBytes: Int = contactIDs.count * 39
        let otherBytes: Int = failed.count * 128 + warnings.count * 96
        var writer = JSONBytesWriter(capacity: 96 + idBytes + otherBytes)
        writer.raw("{\"contact_ids\":")
        writer.array(contactIDs) { $0.string($1) }
        writer.raw(",\"failed\":")
        writer.array(failed) { writer, contact in
            writer.raw("{\"error\":")
            writer.string(contact.error)
            writer.raw(",\"external_id\":")
            writer.optionalString(contact.externalID)
            writer.raw(",\"id\":")
            writer.optionalString(contact.id)
            writer.raw(",\"index\":")
            writer.integer(contact.index)
            writer.raw("}")
        }
        writer.raw(",\"inserted\":")
        writer.integer(inserted)
        writer.raw(",\"updated\":")
        writer.integer(updated)
        writer.raw(",\"warnings\":")
        writer.array(warnings) { $0.string($1) }
        writer.raw("}")
        return writer.buffer
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
