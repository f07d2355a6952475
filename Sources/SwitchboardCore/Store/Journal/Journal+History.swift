import Foundation
import GRDB

/// One journal row that touched a contact: the change it was part of, where that change
/// stands, and what the vendor answered for this contact.
public struct ContactHistoryEntry: Hashable, Sendable {
    public var entryID: Int64
    /// The contact's place in the change.
    public var position: Int
    public var action: ChangeAction
    /// The whole change's state.
    public var state: JournalState
    /// The vendor's answer for this contact (`created`, `failed`, ...); nil until answered.
    public var outcome: String?
    /// The vendor's words about this contact, when it had any.
    public var message: String?
    /// When the change was journaled.
    public var recordedAt: Date
    public var answeredAt: Date?

    public init(
        entryID: Int64, position: Int, action: ChangeAction, state: JournalState, outcome: String?, message: String?,
        recordedAt: Date, answeredAt: Date?
    ) {
        self.entryID = entryID
        self.position = position
        self.action = action
        self.state = state
        self.outcome = outcome
        self.message = message
        self.recordedAt = recordedAt
        self.answeredAt = answeredAt
    }
}

extension CachedContact {
    /// Every key the contact is known by in its campaign, strongest first (`id:`, `ext:`,
    /// `email:`, `phone:`): what `Journal.history` looks it up by.
    public var keys: [String] { Self.keys(for: contact) }
}

/// A contact's history: journal rows are kept by change and position, not by contact, so
/// they are matched the way the cache matches contacts: the same vendor id (sent, or
/// given in the vendor's answer), the same external id, or, for a contact known by
/// neither, the same email or first phone.
extension Journal {
    /// The latest `limit` journal rows of the campaign that touched the contact with these
    /// `keys` (see `CachedContact.keys`), newest first.
    public func history(account: String, campaignID: String, keys: [String], limit: Int) async throws
        -> [ContactHistoryEntry]
    {
        try await store.pool.read { db in
            try Self.history(account: account, campaignID: campaignID, keys: keys, limit: limit, db)
        }
    }

    /// The same, fresh after every journal change.
    public func observeHistory(account: String, campaignID: String, keys: [String], limit: Int)
        -> AsyncValueObservation<[ContactHistoryEntry]>
    {
        ValueObservation.tracking { db in
            try Self.history(account: account, campaignID: campaignID, keys: keys, limit: limit, db)
        }
        .removeDuplicates().values(in: store.pool, scheduling: .task)
    }

    /// There is no index by contact (one would slow every journal write several times
    /// over), so the campaign's rows are scanned: a substring test on the stored JSON
    /// keeps it from being parsed for rows that cannot match.
    static func history(account: String, campaignID: String, keys: [String], limit: Int, _ db: Database) throws
        -> [ContactHistoryEntry]
    {
        guard let match = HistoryMatch(keys: keys) else { return [] }
        let request: SQLRequest<Row> = """
            SELECT e.id, c.position, e.action, e.state, c.outcome, c.message, e.createdAt, c.answeredAt
            FROM journalEntry e JOIN journalContact c ON c.entryID = e.id
            WHERE e.account = \(account) AND e.campaignID = \(campaignID) AND \(match.condition)
            ORDER BY e.id DESC, c.position DESC
            LIMIT \(limit)
            """
        let rows = try request.fetchAll(db).map { row in
            ContactHistoryEntry(
                entryID: row[0], position: row[1], action: ChangeAction(rawValue: row[2]) ?? .upsert,
                state: JournalState(rawValue: row[3]) ?? .pending, outcome: row[4], message: row[5],
                recordedAt: row[6], answeredAt: row[7])
        }
        let chunks = try chunkHistory(account: account, campaignID: campaignID, match: match, limit: limit, db)
        guard !chunks.isEmpty else { return rows }
        return (rows + chunks).sorted { ($0.entryID, $0.position) > ($1.entryID, $1.position) }.prefix(limit).map { $0 }
    }

    /// The same rows of the campaign's `chunks` entries: the chunks whose body (or answer)
    /// holds one of the keys' values are read back and their contacts matched as the SQL
    /// condition matches a `journalContact` row.
    private static func chunkHistory(
        account: String, campaignID: String, match: HistoryMatch, limit: Int, _ db: Database
    ) throws -> [ContactHistoryEntry] {
        let entries = try Row.fetchAll(
            db,
            sql: """
                SELECT id, action, state, createdAt FROM journalEntry
                WHERE account = ? AND campaignID = ? AND storage = 'chunks' ORDER BY id DESC
                """, arguments: [account, campaignID])
        guard !entries.isEmpty else { return [] }
        let needles = match.chunkNeedles
        var found: [ContactHistoryEntry] = []
        for entry in entries {
            let entryID: Int64 = entry[0]
            // The chunks whose body (or answer) holds one of the keys' values, newest first.
            let chunks = try Row.fetchCursor(
                db,
                sql: """
                    SELECT c.body, c.bodyAt, c.bodyLength, c.first, o.outcomes FROM journalChunk c
                    LEFT JOIN journalChunkOutcome o ON o.entryID = c.entryID AND o.first = c.first
                    WHERE c.entryID = ? ORDER BY c.first DESC
                    """, arguments: [entryID])
            while let chunk = try chunks.next() {
                let outcomes: Data? = chunk[4]
                guard try needles.mayHold(body: Journal.body(of: chunk, entryID: entryID, db), outcomes: outcomes)
                else { continue }
                let first: Int = chunk[3]
                for contact in try chunkContacts(entryID, first: first, db).reversed() where match.matches(contact) {
                    found.append(
                        ContactHistoryEntry(
                            entryID: entryID, position: contact.position,
                            action: ChangeAction(rawValue: entry[1]) ?? .upsert,
                            state: JournalState(rawValue: entry[2]) ?? .pending, outcome: contact.outcome,
                            message: contact.message, recordedAt: entry[3], answeredAt: contact.answeredAt))
                    if found.count >= limit { return found }
                }
            }
        }
        return found
    }
}

/// The SQL condition on a `journalContact` row (alias `c`) for a contact's keys.
struct HistoryMatch {
    var vendorIDs: [String] = []
    var externalIDs: [String] = []
    var email: String?
    var phone: String?

    init?(keys: [String]) {
        for key in keys {
            if key.hasPrefix("id:") { vendorIDs.append(String(key.dropFirst(3))) }
            if key.hasPrefix("ext:") { externalIDs.append(String(key.dropFirst(4))) }
        }
        // Email and phone identify a contact only when it has no stronger key.
        if let strongest = keys.first {
            if strongest.hasPrefix("email:") { email = String(strongest.dropFirst(6)) }
            if strongest.hasPrefix("phone:") { phone = String(strongest.dropFirst(6)) }
        }
        if vendorIDs.isEmpty && externalIDs.isEmpty && email == nil && phone == nil { return nil }
    }

    /// Whether a journaled contact is the one the keys name (as `condition` decides).
    func matches(_ row: JournalContact) -> Bool {
        if let id = row.vendorID, vendorIDs.contains(id) { return true }
        if let id = row.contact.vendorID, vendorIDs.contains(id) { return true }
        if let id = row.contact.externalID, externalIDs.contains(id) { return true }
        if let email, row.contact.email?.lowercased() == email { return true }
        if let phone, row.contact.phoneNumbers.first == phone { return true }
        return false
    }

    /// What a chunk must hold to hold a contact the keys name: a value written verbatim in
    /// its body or answer, or, for a value outside printable ASCII, the longest stretch of it
    /// that any way of writing it keeps (`ChunkNeedles.needle`).
    var chunkNeedles: ChunkNeedles {
        var needles = ChunkNeedles()
        for value in vendorIDs + externalIDs + [phone].compactMap({ $0 }) {
            guard let needle = ChunkNeedles.needle(value) else { return ChunkNeedles(everyChunk: true) }
            needles.inBody.append(needle)
        }
        for value in vendorIDs {
            guard let needle = ChunkNeedles.needle(value) else { return ChunkNeedles(everyChunk: true) }
            needles.inAnswer.append(needle)
            if let packed = ChunkAnswer.packed(id: value) { needles.inAnswer.append(packed) }
        }
        if let email {
            guard let needle = ChunkNeedles.needle(email.lowercased()) else { return ChunkNeedles(everyChunk: true) }
            needles.emailInBody = needle
        }
        return needles
    }

    var condition: SQL {
        var exact: [SQL] = []
        if !vendorIDs.isEmpty { exact.append("json_extract(c.contact, '$.vendorID') IN \(vendorIDs)") }
        if !externalIDs.isEmpty { exact.append("json_extract(c.contact, '$.externalID') IN \(externalIDs)") }
        if let email { exact.append("lower(json_extract(c.contact, '$.email')) = \(email)") }
        if let phone { exact.append("json_extract(c.contact, '$.phoneNumbers[0]') = \(phone)") }
        let values = vendorIDs + externalIDs + [email, phone].compactMap { $0 }
        let verbatim = values.allSatisfy { value in
            !value.unicodeScalars.contains { $0.value < 0x20 || "\"\\/".unicodeScalars.contains($0) }
        }
        var json: SQL = "(\(exact.joined(separator: " OR ")))"
        if verbatim {
            // instr is exact; the email is compared lowercased, so LIKE ignores its case.
            var present: [SQL] = (vendorIDs + externalIDs + [phone].compactMap { $0 }).map {
                "instr(c.contact, \($0)) > 0"
            }
            if let email {
                present.append("c.contact LIKE \("%" + ContactFilter.escapedForLike(email) + "%") ESCAPE '\\'")
            }
            json = "((\(present.joined(separator: " OR "))) AND \(json))"
        }
        guard !vendorIDs.isEmpty else { return json }
        return "(c.vendorID IN \(vendorIDs) OR \(json))"
    }
}

/// The byte strings a chunk is searched for (`HistoryMatch.chunkNeedles`).
struct ChunkNeedles {
    /// A value outside printable ASCII, or one JSON may escape: every chunk is read.
    var everyChunk = false
    var inBody: [[UInt8]] = []
    var inAnswer: [[UInt8]] = []
    /// Lowercase; matched ignoring ASCII case.
    var emailInBody: [UInt8]?

    /// The bytes every chunk holding `value` holds: the value itself when it is printable
    /// ASCII that JSON writes as it is (no quote, backslash or slash); else its longest run
    /// of such bytes, less a byte that touches a non-ASCII character (a combining mark may
    /// follow a letter, and case and normalization change only the non-ASCII part). Nil when
    /// no run of 3 bytes is left: every chunk is read.
    static func needle(_ value: String) -> [UInt8]? {
        let bytes = Array(value.utf8)
        func plain(_ byte: UInt8) -> Bool {
            byte >= 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x5C && byte != 0x2F
        }
        if bytes.allSatisfy(plain) { return bytes }
        var best: ArraySlice<UInt8> = []
        var start = 0
        while start < bytes.count {
            guard plain(bytes[start]) else {
                start += 1
                continue
            }
            var end = start
            while end < bytes.count && plain(bytes[end]) { end += 1 }
            var run = bytes[start..<end]
            if start > 0 && bytes[start - 1] >= 0x80 { run = run.dropFirst() }
            if end < bytes.count && bytes[end] >= 0x80 { run = run.dropLast() }
            if run.count > best.count { best = run }
            start = end
        }
        return best.count >= 3 ? Array(best) : nil
    }

    func mayHold(body: [UInt8], outcomes: Data?) -> Bool {
        if everyChunk { return true }
        if inBody.contains(where: { Self.find($0, in: body) }) { return true }
        if let outcomes, !inAnswer.isEmpty {
            let answer = [UInt8](outcomes)
            if inAnswer.contains(where: { Self.find($0, in: answer) }) { return true }
        }
        if let email = emailInBody, Self.findIgnoringASCIICase(email, in: body) { return true }
        return false
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { n in
                let last = hay.count - n.count
                var start = 0
                while start <= last {
                    guard let hit = memchr(hay.baseAddress! + start, Int32(n[0]), last - start + 1) else { return false }
                    start = hay.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(hay.baseAddress! + start, n.baseAddress!, n.count) == 0 { return true }
                    start += 1
                }
                return false
            }
        }
    }

    /// Whether `haystack` holds `needle` (lowercase) with its ASCII letters in either case.
    static func findIgnoringASCIICase(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard let head = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        @inline(__always) func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte | 0x20 : byte }
        for start in 0...(haystack.count - needle.count) where lower(haystack[start]) == head {
            var index = 1
            while index < needle.count && lower(haystack[start + index]) == needle[index] { index += 1 }
            if index == needle.count { return true }
        }
        return false
    }
}
