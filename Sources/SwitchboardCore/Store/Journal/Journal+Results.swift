import Foundation
import GRDB

/// Which rows of an entry the results view lists.
public enum ResultsFilter: String, Hashable, Sendable, CaseIterable {
    /// Every contact.
    case all
    /// Only the contacts the vendor refused.
    case failed
    /// The rows of the imported file rejected before sending.
    case rejected
}

/// What the results view of one journal entry shows: the entry, how many of its contacts
/// ended in each outcome, and one page of its contacts (all, or only the failed ones) or
/// of its rejected rows.
public struct EntryResults: Hashable, Sendable {
    public var entry: JournalEntry
    /// Contacts by outcome word (`created`, `failed`, ...); unanswered ones are not counted.
    /// `rejected` is the entry's count of rows rejected before sending.
    public var counts: [String: Int]
    /// The page's first row, as an index into the rows the filter keeps.
    public var offset: Int
    public var rows: [JournalContact]
    /// The page of rejected rows, with the `rejected` filter.
    public var rejects: [JournalReject]
    /// The rejected rows kept (none for an entry journaled before they were).
    public var rejectRows: Int

    public init(
        entry: JournalEntry, counts: [String: Int], offset: Int, rows: [JournalContact],
        rejects: [JournalReject] = [], rejectRows: Int = 0
    ) {
        self.entry = entry
        self.counts = counts
        self.offset = offset
        self.rows = rows
        self.rejects = rejects
        self.rejectRows = rejectRows
    }
}

extension Journal {
    /// One page of an entry's results, fresh after every change to the journal; never more
    /// than `limit` contacts (or rejected rows) are read.
    public func observeResults(of entryID: Int64, filter: ResultsFilter, offset: Int, limit: Int)
        -> AsyncValueObservation<EntryResults?>
    {
        ValueObservation.tracking { db in
            try Self.results(of: entryID, filter: filter, offset: offset, limit: limit, db)
        }
        .removeDuplicates().values(in: store.pool, scheduling: .task)
    }

    /// The same, read once.
    public func results(of entryID: Int64, filter: ResultsFilter, offset: Int, limit: Int) async throws
        -> EntryResults?
    {
        try await store.pool.read { db in
            try Self.results(of: entryID, filter: filter, offset: offset, limit: limit, db)
        }
    }

    /// The failed contacts of an entry after `position`, in order (keyset paging).
    public func failedContacts(of entryID: Int64, after position: Int = -1, limit: Int) async throws
        -> [JournalContact]
    {
        try await store.pool.read { db in
            if try Self.isChunks(entryID, db) {
                return try Self.chunkContacts(of: entryID, after: position, limit: limit, onlyFailed: true, db)
            }
            return try JournalContact.filter(
                JournalContact.Columns.entryID == entryID && JournalContact.Columns.position > position
                    && JournalContact.Columns.outcome == "failed"
            )
            .order(JournalContact.Columns.position).limit(limit).fetchAll(db)
        }
    }

    static func results(of entryID: Int64, filter: ResultsFilter, offset: Int, limit: Int, _ db: Database) throws
        -> EntryResults?
    {
        guard let entry = try JournalEntry.fetchOne(db, key: entryID) else { return nil }
        var counts: [String: Int]
        if entry.storage == .chunks {
            counts = try chunkOutcomeCounts(entryID, db)
        } else {
            let counted = try Row.fetchAll(
                db,
                sql:
                    "SELECT outcome, COUNT(*) AS n FROM journalContact WHERE entryID = ? AND outcome IS NOT NULL GROUP BY outcome",
                arguments: [entryID])
            counts = Dictionary(uniqueKeysWithValues: counted.map { ($0["outcome"] as String, $0["n"] as Int) })
        }
        if entry.rejectedCount > 0 { counts["rejected"] = entry.rejectedCount }
        let rejectRows = try JournalReject.filter(JournalReject.Columns.entryID == entryID).fetchCount(db)
        var results = EntryResults(entry: entry, counts: counts, offset: offset, rows: [], rejectRows: rejectRows)
        switch filter {
        case .all, .failed:
            if entry.storage == .chunks {
                results.rows = try chunkContacts(
                    of: entryID, offset: offset, limit: limit, onlyFailed: filter == .failed, db)
                break
            }
            var request = JournalContact.filter(JournalContact.Columns.entryID == entryID)
            if filter == .failed { request = request.filter(JournalContact.Columns.outcome == "failed") }
            results.rows = try request.order(JournalContact.Columns.position).limit(limit, offset: max(0, offset))
                .fetchAll(db)
        case .rejected:
            results.rejects = try JournalReject.filter(JournalReject.Columns.entryID == entryID)
                .order(JournalReject.Columns.line, JournalReject.Columns.element).limit(limit, offset: max(0, offset))
                .fetchAll(db)
        }
        return results
    }
}
