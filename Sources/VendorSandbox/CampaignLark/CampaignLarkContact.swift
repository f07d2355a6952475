import Foundation

extension CampaignLark {
    /// A contact's subscription status: the five an upsert may set, plus `BOUNCED`, which
    /// only the vendor sets.
    enum ContactStatus: String, Codable, Sendable, CaseIterable {
        case subscribed = "SUBSCRIBED"
        case unsubscribed = "UNSUBSCRIBED"
        case unconfirmed = "UNCONFIRMED"
        case cleaned = "CLEANED"
        case complained = "COMPLAINED"
        case bounced = "BOUNCED"

        /// The statuses `POST /contacts/upsert` accepts.
        static let upsertable: [ContactStatus] = [.subscribed, .unsubscribed, .unconfirmed, .cleaned, .complained]
    }

    /// What the workspace's campaigns did with a contact.
    struct Statistics: Encodable, Equatable, Sendable {
        var totalOpens = 0
        var totalClicks = 0
        var totalBounces = 0
        var totalDelivered = 0

        enum CodingKeys: String, CodingKey {
            case totalOpens = "total_opens"
            case totalClicks = "total_clicks"
            case totalBounces = "total_bounces"
            case totalDelivered = "total_delivered"
        }
    }

    /// A stored contact, matched by email address; `fields` holds values keyed by merge tag.
    struct Contact: Equatable, Sendable {
        var id: String
        var emailAddress: String
        var status: ContactStatus
        var tagIDs: [Int]
        var fields: [String: JSONValue]
        var statistics: Statistics
        var createdAt: Date
        var updatedAt: Date

        /// The key emails are matched by: case does not make another contact.
        static func matchKey(_ email: String) -> String {
            email.trimmingCharacters(in: .whitespaces).lowercased()
        }
    }

    /// A contact as the API answers it: tags with their names, field values under `data`
    /// next to `email_address`.
    struct ContactAnswer: Encodable, Sendable {
        let contact: Contact
        let tags: [Tag]

        /// The contact with its tag ids resolved against the workspace's tags.
        init(_ contact: Contact, in workspace: Workspace) {
            self.contact = contact
            tags = contact.tagIDs.compactMap { id in workspace.tags.first { $0.id == id } }
        }

        enum CodingKeys: String, CodingKey {
            case id, status, tags, data, statistics
            case createdAt = "created_at"
            case updatedAt = "updated_at"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(contact.id, forKey: .id)
            try container.encode(contact.status, forKey: .status)
            try container.encode(tags, forKey: .tags)
            var data = contact.fields
            data["email_address"] = .string(contact.emailAddress)
            try container.encode(data, forKey: .data)
            try container.encode(contact.statistics, forKey: .statistics)
            try container.encode(Timestamp.string(contact.createdAt), forKey: .createdAt)
            try container.encode(Timestamp.string(contact.updatedAt), forKey: .updatedAt)
        }
    }
}
