import Foundation

/// A campaign's lifecycle state as Anyreach spells it.
enum CampaignStatus: String, Codable, Sendable, CaseIterable {
    case active, paused, closed
}

/// A stored campaign, encoded exactly as docs/anyreach-wire.md shows it.
struct Campaign: Encodable, Equatable, Sendable {
    var id: String
    var externalID: String?
    var name: String
    var description: String?
    var status: CampaignStatus
    var configurationID: String?
    var createdAt: Date
    var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, name, description, status
        case externalID = "external_id"
        case configurationID = "configuration_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(externalID, forKey: .externalID)
        try container.encode(name, forKey: .name)
        try container.encode(description, forKey: .description)
        try container.encode(status, forKey: .status)
        try container.encode(configurationID, forKey: .configurationID)
        try container.encode(Timestamp.string(createdAt), forKey: .createdAt)
        try container.encode(Timestamp.string(updatedAt), forKey: .updatedAt)
    }
}
