import Foundation
import GRDB

/// Where a journal entry stands.
public enum JournalState: String, Sendable, Codable, CaseIterable, DatabaseValueConvertible {
    /// Written, nothing sent yet.
    case pending
    /// Being sent (or the process died while sending it: replay resends what has no outcome).
    case sending
    /// Every contact (or the campaign action) went through.
    case done
    /// Some contacts went through, some failed; each failure keeps its reason.
    case partial
    /// Nothing went through.
    case failed

    /// Entries replay sends again.
    public static let unsettled: [JournalState] = [.pending, .sending]

    /// The state an entry ends in once every contact has an outcome.
    /// `reason` is why a contact-less entry (a campaign action) failed, if it did.
    public static func settled(contactCount: Int, failedCount: Int, reason: String?) -> JournalState {
        if contactCount == 0 { return reason == nil ? .done : .failed }
        if failedCount == 0 { return .done }
        return failedCount >= contactCount ? .failed : .partial
    }
}

/// Where a journal entry keeps its contacts.
public enum JournalStorage: String, Sendable, Codable, Hashable, DatabaseValueConvertible {
    /// One `journalContact` row per contact.
    case rows
    /// One `journalChunk` row per vendor request: the body as sent, each contact's key and line.
    case chunks
}

/// One change in the journal (table `journalEntry`); its contacts are `JournalContact` rows.
public struct JournalEntry: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "journalEntry"

    public var id: Int64?
    public var idempotencyKey: String
    public var account: String
    public var campaignID: String
    public var action: ChangeAction
    public var partial: Bool
    /// Campaign create and update: the fields sent (nil for other actions).
    public var campaign: CampaignDraft?
    /// Settings changes: what was sent and what the vendor answered (nil for other actions).
    public var settings: SettingsChange?
    public var state: JournalState
    /// How many times sending started (the first send and each replay).
    public var attempts: Int
    public var contactCount: Int
    /// Contacts with an outcome so far.
    public var answeredCount: Int
    /// Contacts whose outcome is `failed`.
    public var failedCount: Int
    /// Rows of the imported file left out as invalid before sending (they have no contact
    /// row; the file's line and reason were reported when it was read).
    public var rejectedCount: Int
    /// The file an import read (absolute), when the change came from one the operator named.
    public var sourcePath: String?
    /// The header row of the CSV file an import read, for exporting its rejected rows.
    public var sourceHeader: [String]?
    /// Where the contacts are kept: `rows` (`journalContact`) or `chunks` (`journalChunk`,
    /// the vendor request bodies of a bulk import).
    public var storage: JournalStorage = .rows
    /// Why the entry is `failed` or `partial`, in the vendor's words where it gave any.
    public var reason: String?
    public var createdAt: Date
    public var updatedAt: Date

    /// The columns, for queries.
    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let idempotencyKey = Column(CodingKeys.idempotencyKey)
        public static let account = Column(CodingKeys.account)
        public static let state = Column(CodingKeys.state)
        public static let attempts = Column(CodingKeys.attempts)
        public static let contactCount = Column(CodingKeys.contactCount)
        public static let answeredCount = Column(CodingKeys.answeredCount)
        public static let failedCount = Column(CodingKeys.failedCount)
        public static let rejectedCount = Column(CodingKeys.rejectedCount)
        public static let sourcePath = Column(CodingKeys.sourcePath)
        public static let sourceHeader = Column(CodingKeys.sourceHeader)
        public static let storage = Column(CodingKeys.storage)
        public static let reason = Column(CodingKeys.reason)
        public static let updatedAt = Column(CodingKeys.updatedAt)
    }

    /// A `pending` entry for `change`, before its contacts are written.
    init(change: Change, at date: Date) {
        idempotencyKey = change.idempotencyKey
        account = change.account
        campaignID = change.campaignID
        action = change.action
        partial = change.partial
        campaign = change.campaign
        settings = change.settings
        state = .pending
        attempts = 0
        contactCount = change.contacts.count
        answeredCount = 0
        failedCount = 0
        rejectedCount = 0
        createdAt = date
        updatedAt = date
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
