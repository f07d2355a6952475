import Foundation
import GRDB

/// A campaign's status counts at one moment (table `statsSample`), for sparklines.
public struct StatsSample: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "statsSample"

    public var id: Int64?
    public var account: String
    public var campaignID: String
    public var takenAt: Date
    public var total: Int
    public var counts: StatusCounts

    /// The columns, for queries.
    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let account = Column(CodingKeys.account)
        public static let campaignID = Column(CodingKeys.campaignID)
        public static let takenAt = Column(CodingKeys.takenAt)
    }

    /// A sample of `counts` taken at `takenAt`.
    public init(account: String, campaignID: String, counts: StatusCounts, takenAt: Date) {
        self.account = account
        self.campaignID = campaignID
        self.takenAt = takenAt
        total = counts.total
        self.counts = counts
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
