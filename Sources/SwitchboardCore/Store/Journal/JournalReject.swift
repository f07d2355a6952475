import Foundation
import GRDB

/// A row of an imported file rejected before sending (table `journalReject`): its file
/// line, the columns named and why, kept so the entry's results say which rows and why.
public struct JournalReject: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "journalReject"

    public var entryID: Int64
    /// The file line the row starts on.
    public var line: Int
    /// The columns the row's problems name, joined with ", "; nil when none does.
    public var column: String?
    /// Why the row was left out (several problems joined with "; ").
    public var reason: String
    /// The row's fields as the file had them; for a JSON contact, one field: the contact as
    /// compact JSON. Nil when the CSV reader could not read the row whole, and for rows
    /// journaled before fields (v8) or JSON contacts (v11) were kept.
    public var fields: [String]?
    /// The JSON contact's place in the file's array; -1 for a CSV row or the whole file.
    public var element: Int

    public init(
        entryID: Int64, line: Int, column: String?, reason: String, fields: [String]? = nil, element: Int? = nil
    ) {
        self.entryID = entryID
        self.line = line
        self.column = column
        self.reason = reason
        self.fields = fields
        self.element = element ?? -1
    }

    /// The JSON contact's place in the array; nil for a CSV row.
    public var jsonElement: Int? { element >= 0 ? element : nil }

    /// The reject's place in file order as one number, for keyset paging: the line, then the
    /// JSON contact's place (a JSON file holds fewer than 2^32 contacts).
    public var order: Int { line << 32 | (element + 1) }

    /// The columns, for queries.
    public enum Columns {
        public static let entryID = Column(CodingKeys.entryID)
        public static let line = Column(CodingKeys.line)
        public static let element = Column(CodingKeys.element)
    }
}

extension Journal {
    /// Keeps `rejects` (rows of the entry's file rejected before sending, with their fields
    /// when read) with the entry and counts them, in one transaction. A line already kept (a
    /// JSON file's objects sharing a line across batches) takes the new reasons after its own.
    public func addRejected(_ rejects: [ImportReject], to entryID: Int64) async throws {
        guard !rejects.isEmpty else { return }
        try await store.pool.write { db in try Self.insertRejected(rejects, to: entryID, db) }
    }

    /// `addRejected` inside the caller's transaction.
    static func insertRejected(_ rejects: [ImportReject], to entryID: Int64, _ db: Database) throws {
        guard !rejects.isEmpty else { return }
        try JournalEntry.filter(key: entryID).updateAll(db, JournalEntry.Columns.rejectedCount += rejects.count)
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO journalReject (entryID, line, element, "column", reason, fields) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (entryID, line, element) DO UPDATE SET
                  "column" = CASE WHEN "column" IS NULL THEN excluded."column"
                    WHEN excluded."column" IS NULL THEN "column" ELSE "column" || ', ' || excluded."column" END,
                  reason = reason || '; ' || excluded.reason,
                  fields = coalesce(fields, excluded.fields)
                """)
        let encoder = JSONEncoder()
        for reject in rejects {
            let fields = try reject.fields.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
            try statement.execute(
                arguments: [entryID, reject.line, reject.element ?? -1, reject.column, reject.reason, fields])
        }
    }

    /// A page of an entry's rejected rows after `order` (`JournalReject.order`; -1 for the
    /// first page), in file order (keyset paging).
    public func rejects(of entryID: Int64, after order: Int = -1, limit: Int) async throws -> [JournalReject] {
        let line = order < 0 ? -1 : order >> 32
        let element = order < 0 ? -2 : (order & 0xFFFF_FFFF) - 1
        return try await store.pool.read { db in
            try JournalReject.fetchAll(
                db,
                sql: """
                    SELECT * FROM journalReject WHERE entryID = ? AND (line > ? OR (line = ? AND element > ?))
                    ORDER BY line, element LIMIT ?
                    """, arguments: [entryID, line, line, element, limit])
        }
    }
}
