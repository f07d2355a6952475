import Foundation

extension CampaignLark {
    /// The campaign statuses `NOTES.md` lists.
    enum CampaignStatus: String, Encodable, Sendable, CaseIterable {
        case draft = "DRAFT"
        case preprocessing = "PREPROCESSING"
        case inReview = "IN_REVIEW"
        case queued = "QUEUED"
        case processing = "PROCESSING"
        case paused = "PAUSED"
        case completed = "COMPLETED"
        case cancelled = "CANCELLED"
        case archived = "ARCHIVED"
    }

    /// An email campaign of the workspace; the sandbox only lists them.
    struct Campaign: Encodable, Equatable, Sendable {
        let id: String
        let name: String
        let subject: String
        let status: CampaignStatus
        let createdAt: Date
        let updatedAt: Date

        enum CodingKeys: String, CodingKey {
            case id, name, subject, status
            case createdAt = "created_at"
            case updatedAt = "updated_at"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(name, forKey: .name)
            try container.encode(subject, forKey: .subject)
            try container.encode(status, forKey: .status)
            try container.encode(Timestamp.string(createdAt), forKey: .createdAt)
            try container.encode(Timestamp.string(updatedAt), forKey: .updatedAt)
        }
    }
}
