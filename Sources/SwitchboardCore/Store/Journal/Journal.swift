import Foundation
import GRDB

/// The journal: every change, written and committed before anything is sent, then each
/// contact's outcome as the vendor's answers arrive. Replay sends what has no outcome.
public struct Journal: Sendable {
    let store: Store

    /// Writes `change` as a `pending` entry with its contacts, in one transaction.
    /// A change whose idempotency key is already journaled is not written again: the
    /// existing entry is returned.
    @discardableResult
    public func record(_ change: Change, at date: Date = Date()) async throws -> JournalEntry {
        try await store.pool.write { db in
            if let existing = try JournalEntry.filter(JournalEntry.Columns.idempotencyKey == change.idempotencyKey)
                .fetchOne(db)
            {
                return existing
            }
            var entry = JournalEntry(change: change, at: date)
            try entry.insert(db)
            try Self.insert(change.contacts, entryID: entry.id!, from: 0, db)
            return entry
        }
    }

    /// Adds contacts to a `pending` entry, for imports written in batches as they stream in.
    public func append(_ contacts: [Contact], to entryID: Int64, at date: Date = Date()) async throws {
        try await store.pool.write { db in
            guard var entry = try JournalEntry.fetchOne(db, key: entryID) else { throw JournalError.noEntry(entryID) }
            guard entry.state == .pending else { throw JournalError.notPending(entryID, entry.state) }
            try Self.insert(contacts, entryID: entryID, from: entry.contactCount, db)
            entry.contactCount += contacts.count
            entry.updatedAt = date
            try entry.update(db)
        }
    }

    /// The entry with this id, if any.
    public func entry(_ id: Int64) async throws -> JournalEntry? {
        try await store.pool.read { db in try JournalEntry.fetchOne(db, key: id) }
    }

    /// Entries still `pending` or `sending`, oldest first, optionally for one account.
    public func unsettledEntries(account: String? = nil) async throws -> [JournalEntry] {
        try await store.pool.read { db in
            var request = JournalEntry.filter(JournalState.unsettled.contains(JournalEntry.Columns.state))
            if let account { request = request.filter(JournalEntry.Columns.account == account) }
            return try request.order(JournalEntry.Columns.id).fetchAll(db)
        }
    }

    /// A page of an entry's contacts with their outcomes, after `position` (keyset paging).
    public func contacts(of entryID: Int64, after position: Int = -1, limit: Int) async throws -> [JournalContact] {
        try await store.pool.read { db in
            if try Self.isChunks(entryID, db) {
                return try Self.chunkContacts(of: entryID, after: position, limit: limit, db)
            }
            // Read by column index with a cached statement: the importer's report reads every contact.
            let rows = try Row.fetchCursor(
                db.cachedStatement(
                    sql: """
                        SELECT \(JournalContact.orderedColumns) FROM journalContact
                        WHERE entryID = ? AND position > ? ORDER BY position LIMIT ?
                        """), arguments: [entryID, position, limit])
            var read: [JournalContact] = []
            read.reserveCapacity(min(max(limit, 0), 4096))
            while let row = try rows.next() { read.append(try JournalContact.ordered(row).row) }
            return read
        }
    }

    /// The latest `limit` entries, newest first, fresh after every change.
    public func observeEntries(limit: Int) -> AsyncValueObservation<[JournalEntry]> {
        ValueObservation.tracking { db in
            try JournalEntry.order(JournalEntry.Columns.id.desc).limit(limit).fetchAll(db)
        }
        .removeDuplicates().values(in: store.pool, scheduling: .task)
    }

    /// One entry, fresh after every change to it.
    public func observeEntry(_ id: Int64) -> AsyncValueObservation<JournalEntry?> {
        ValueObservation.tracking { db in try JournalEntry.fetchOne(db, key: id) }
            .removeDuplicates().values(in: store.pool, scheduling: .task)
    }

    /// Rows written by one statement: a statement's cost is paid once per 64 contacts.
    static let insertRows = 64

    /// Writes the contacts `insertRows` to a statement (the last statement takes the rest).
    private static func insert(_ contacts: [Contact], entryID: Int64, from start: Int, _ db: Database) throws {
        func statement(rows: Int) throws -> Statement {
            try db.cachedStatement(
                sql: "INSERT INTO journalContact (entryID, position, contact) VALUES "
                    + Array(repeating: "(?, ?, ?)", count: rows).joined(separator: ", "))
        }
        let full = try statement(rows: insertRows)
        var offset = 0
        while offset < contacts.count {
            let rows = min(insertRows, contacts.count - offset)
            var values: [DatabaseValue] = []
            values.reserveCapacity(3 * rows)
            for index in offset..<offset + rows {
                values.append(entryID.databaseValue)
                values.append((start + index).databaseValue)
                values.append(contacts[index].jsonText.databaseValue)
            }
            try (rows == insertRows ? full : statement(rows: rows)).execute(arguments: StatementArguments(values))
            offset += rows
        }
    }
}

/// A journal operation that cannot be done.
public enum JournalError: Error, Sendable, Equatable, CustomStringConvertible {
    case noEntry(Int64)
    case notPending(Int64, JournalState)

    public var description: String {
        switch self {
        case .noEntry(let id): "no journal entry \(id)"
        case .notPending(let id, let state):
            "journal entry \(id) is \(state.rawValue); contacts can only be added while pending"
        }
    }
}

/// One contact's outcome as a report lists it: its position, how the operator knows it (its
/// external id, else email, first phone number or vendor id), the outcome and the vendor's words.
public struct JournalOutcome: Sendable, Hashable {
    public var position: Int
    public var key: String
    /// Nil while the contact has no answer.
    public var outcome: String?
    public var message: String?

    public init(position: Int, key: String, outcome: String?, message: String?) {
        self.position = position
        self.key = key
        self.outcome = outcome
        self.message = message
    }
}

extension Journal {
    /// A page of an entry's outcomes after `position` (keyset paging), the contact's key read
    /// by SQLite from its JSON rather than the whole contact decoded: the CLI's report of a
    /// million-contact import reads every one.
    public func outcomes(of entryID: Int64, after position: Int = -1, limit: Int) async throws -> [JournalOutcome] {
        try await store.pool.read { db in
            if try Self.isChunks(entryID, db) { return try chunkOutcomes(of: entryID, after: position, limit: limit, db) }
            let rows = try Row.fetchCursor(
                db.cachedStatement(
                    sql: """
                        SELECT position,
                            coalesce(json_extract(contact, '$.externalID'), json_extract(contact, '$.email'),
                                json_extract(contact, '$.phoneNumbers[0]'), json_extract(contact, '$.vendorID'), ''),
                            outcome, message
                        FROM journalContact WHERE entryID = ? AND position > ? ORDER BY position LIMIT ?
                        """), arguments: [entryID, position, limit])
            var read: [JournalOutcome] = []
            read.reserveCapacity(min(max(limit, 0), 4096))
            while let row = try rows.next() {
                read.append(JournalOutcome(position: row[0], key: row[1], outcome: row[2], message: row[3]))
            }
            return read
        }
    }
}
