import Foundation
import GRDB

/// A campaign as last seen from its vendor, per account (table `campaign`).
public struct CachedCampaign: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "campaign"

    public var account: String
    public var id: String
    public var name: String
    /// The campaign's state in the vendor's word (`CampaignState.description`).
    public var state: String
    public var externalID: String?
    public var createdAt: String?
    public var updatedAt: String?
    /// When the vendor last showed it.
    public var lastSeenAt: Date

    /// The columns, for queries.
    public enum Columns {
        public static let account = Column(CodingKeys.account)
        public static let id = Column(CodingKeys.id)
        public static let name = Column(CodingKeys.name)
        public static let lastSeenAt = Column(CodingKeys.lastSeenAt)
    }

    /// The cache row for a campaign seen at `seenAt`.
    public init(account: String, campaign: Campaign, seenAt: Date) {
        self.account = account
        id = campaign.id
        name = campaign.name
        state = campaign.state.description
        externalID = campaign.externalID
        createdAt = campaign.createdAt
        updatedAt = campaign.updatedAt
        lastSeenAt = seenAt
    }
}
