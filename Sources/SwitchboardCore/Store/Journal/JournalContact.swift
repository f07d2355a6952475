import Foundation
import GRDB

/// One contact of a journal entry (table `journalContact`): what was asked, then what the
/// vendor answered. A row with no outcome is still to be sent.
public struct JournalContact: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "journalContact"

    public var entryID: Int64
    /// The contact's place in the change, from 0.
    public var position: Int
    public var contact: Contact
    /// `created`, `updated`, `upserted`, `removed`, `ignored` or `failed`; nil until answered.
    public var outcome: String?
    /// The vendor's id for the contact, when the answer carried one.
    public var vendorID: String?
    /// The vendor's words: the reason for `failed` and `ignored`, warnings otherwise.
    public var message: String?
    public var answeredAt: Date?

    /// The columns, for queries.
    public enum Columns {
        public static let entryID = Column(CodingKeys.entryID)
        public static let position = Column(CodingKeys.position)
        public static let outcome = Column(CodingKeys.outcome)
    }

    /// Reads a row column by column, the contact with `JSONReader` (the journal is read back
    /// once per contact sent; `Decodable` through `JSONDecoder` cost about 20 µs a row).
    public init(row: Row) throws {
        entryID = row[Columns.entryID]
        position = row[Columns.position]
        contact = try row.withUnsafeData(named: "contact") { data in
            guard let data else { throw JSONReader.Failure(reason: "no contact", offset: 0) }
            return try data.withUnsafeBytes { raw in
                var reader = JSONReader(raw.bindMemory(to: UInt8.self))
                return try Contact(reading: &reader)
            }
        }
        outcome = row[Columns.outcome]
        vendorID = row["vendorID"]
        message = row["message"]
        answeredAt = row["answeredAt"]
    }

    /// The columns `init(ordered:)` reads, in its order (the hot paths' explicit SELECT).
    static let orderedColumns = "entryID, position, contact, outcome, vendorID, message, answeredAt"

    /// Reads a row selected as `orderedColumns`, by column index (no name lookups: the sync
    /// engine reads every contact back once), with the contact's JSON text as stored, so the
    /// cache can copy it instead of encoding the contact again.
    static func ordered(_ row: Row) throws -> (row: JournalContact, json: String) {
        guard var json: String = row[2] else { throw JSONReader.Failure(reason: "no contact", offset: 0) }
        let contact = try json.withUTF8 { utf8 in
            var reader = JSONReader(utf8)
            return try Contact(reading: &reader)
        }
        var read = JournalContact(entryID: row[0], position: row[1], contact: contact)
        read.outcome = row[3]
        read.vendorID = row[4]
        read.message = row[5]
        read.answeredAt = row[6]
        return (read, json)
    }

    /// An unanswered row.
    init(entryID: Int64, position: Int, contact: Contact) {
        self.entryID = entryID
        self.position = position
        self.contact = contact
    }

    /// The outcome as the model's result, once answered.
    public var result: UpsertOutcome.Result? {
        outcome.flatMap { UpsertOutcome.Result(word: $0, message: message) }
    }
}

extension UpsertOutcome.Result {
    /// The word the journal stores.
    public var word: String {
        switch self {
        case .created: "created"
        case .updated: "updated"
        case .upserted: "upserted"
        case .removed: "removed"
        case .ignored: "ignored"
        case .failed: "failed"
        }
    }

    /// The reason carried by `ignored` and `failed`.
    public var reason: String? {
        switch self {
        case .ignored(let reason): reason
        case .failed(let reason): reason
        case .created, .updated, .upserted, .removed: nil
        }
    }

    /// The result for a stored word and message.
    public init?(word: String, message: String?) {
        switch word {
        case "created": self = .created
        case "updated": self = .updated
        case "upserted": self = .upserted
        case "removed": self = .removed
        case "ignored": self = .ignored(reason: message)
        case "failed": self = .failed(reason: message ?? "")
        default: return nil
        }
    }

    /// True for `failed`: the contact did not go through.
    public var isFailure: Bool {
        if case .failed = self { true } else { false }
    }
}
