import Foundation
import GRDB

/// One contact's answer in a chunk of a `chunks` entry: what `journalContact`'s outcome,
/// vendorID and message columns hold for a `rows` entry.
struct ChunkAnswer: Sendable, Hashable {
    /// The outcome word (`UpsertOutcome.Result.word`).
    var word: String
    var vendorID: String?
    var message: String?

    /// The answer as the sync engine had it: the message is the reason of a failed or
    /// ignored contact, the warnings of another.
    var result: UpsertOutcome.Result {
        switch word {
        case "created": .created
        case "updated": .updated
        case "upserted": .upserted
        case "removed": .removed
        case "ignored": .ignored(reason: message)
        default: .failed(reason: message ?? "failed")
        }
    }

    var warnings: [String] {
        switch word {
        case "created", "updated", "upserted", "removed": message.map { [$0] } ?? []
        default: []
        }
    }

    static let words = ["created", "updated", "upserted", "removed", "ignored", "failed"]

    /// The position of an outcome word in `words` (an unknown word counts as `failed`).
    static func wordIndex(_ word: String) -> Int {
        switch word {
        case "created": 0
        case "updated": 1
        case "upserted": 2
        case "removed": 3
        case "ignored": 4
        default: 5
        }
    }

    /// `journalChunkOutcome.outcomes`: per contact its code byte, its vendor id's length (2
    /// bytes little-endian) and bytes; or, for an id that is a lowercase UUID in its usual
    /// 36-character form (as Anyreach writes its ids), the code byte with its high bit set and the
    /// UUID's 16 bytes (a million contacts' outcomes: 17 MB, not 39 MB).
    static func blob(_ answers: [ChunkAnswer]) -> [UInt8] {
        var blob: [UInt8] = []
        blob.reserveCapacity(answers.count * 20)
        for answer in answers {
            var id = answer.vendorID ?? ""
            id.withUTF8 { appendEntry(code: code(of: answer.word), id: $0, to: &blob) }
        }
        return blob
    }

    /// The high bit of an entry's code byte: a packed UUID (16 bytes) follows, not a length and text.
    static let packedUUID: UInt8 = 0x80

    /// Appends one contact's entry to an outcome blob: its code, then its id packed (a
    /// lowercase UUID) or as its length (2 bytes little-endian, an id cut at 65,535 bytes)
    /// and bytes.
    static func appendEntry(code: UInt8, id: UnsafeBufferPointer<UInt8>, to blob: inout [UInt8]) {
        if id.count == 36 {
            var packed: (UInt64, UInt64) = (0, 0)
            let fits = withUnsafeMutableBytes(of: &packed) { Self.pack(uuid: id, into: $0) }
            if fits {
                blob.append(code | packedUUID)
                withUnsafeBytes(of: &packed) { blob.append(contentsOf: $0) }
                return
            }
        }
        let length = min(id.count, 0xFFFF)
        blob.append(code)
        blob.append(UInt8(length & 0xFF))
        blob.append(UInt8(length >> 8))
        blob.append(contentsOf: UnsafeBufferPointer(rebasing: id[0..<length]))
    }

    /// The 16 bytes of a lowercase UUID written `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`; false
    /// for any other text (an uppercase digit too: the id must read back exactly as it came).
    static func pack(uuid text: UnsafeBufferPointer<UInt8>, into bytes: UnsafeMutableRawBufferPointer) -> Bool {
        guard text.count == 36, bytes.count >= 16, let base = text.baseAddress, let out = bytes.baseAddress else {
            return false
        }
        let dash = UInt8(ascii: "-")
        guard base[8] == dash, base[13] == dash, base[18] == dash, base[23] == dash else { return false }
        // The 32 digits as four words of eight, then eight at a time: checked and turned into 4 bytes.
        let raw = UnsafeRawPointer(base)
        let first = raw.loadUnaligned(as: UInt64.self)
        let second =
            UInt64(raw.loadUnaligned(fromByteOffset: 9, as: UInt32.self))
            | UInt64(raw.loadUnaligned(fromByteOffset: 14, as: UInt32.self)) << 32
        let third =
            UInt64(raw.loadUnaligned(fromByteOffset: 19, as: UInt32.self))
            | UInt64(raw.loadUnaligned(fromByteOffset: 24, as: UInt32.self)) << 32
        let fourth = raw.loadUnaligned(fromByteOffset: 28, as: UInt64.self)
        guard let a = packHex(UInt64(littleEndian: first)), let b = packHex(UInt64(littleEndian: second)),
            let c = packHex(UInt64(littleEndian: third)), let d = packHex(UInt64(littleEndian: fourth))
        else { return false }
        out.storeBytes(of: a.littleEndian, toByteOffset: 0, as: UInt32.self)
        out.storeBytes(of: b.littleEndian, toByteOffset: 4, as: UInt32.self)
        out.storeBytes(of: c.littleEndian, toByteOffset: 8, as: UInt32.self)
        out.storeBytes(of: d.littleEndian, toByteOffset: 12, as: UInt32.self)
        return true
    }

    /// Eight lowercase hex digits (the first in the lowest byte) as the four bytes they
    /// write (the first digit pair in the lowest byte); nil when a byte is not one.
    @inline(__always) static func packHex(_ word: UInt64) -> UInt32? {
        let high: UInt64 = 0x8080_8080_8080_8080
        guard word & high == 0 else { return nil }
        // With every byte under 0x80, adding to each byte never carries into the next.
        let digit = (word &+ 0x5050_5050_5050_5050) & ~(word &+ 0x4646_4646_4646_4646) & high  // 0x30...0x39
        let letter = (word &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(word &+ 0x1919_1919_1919_1919) & high  // 0x61...0x66
        guard digit | letter == high else { return nil }
        let values = (word & 0x0F0F_0F0F_0F0F_0F0F) &+ (letter >> 7) &* 9
        // Each pair of bytes (first digit, second) into one: first << 4 | second.
        let pairs = ((values & 0x00FF_00FF_00FF_00FF) << 4) | ((values >> 8) & 0x00FF_00FF_00FF_00FF)
        let packed =
            (pairs & 0xFF) | (pairs >> 8) & 0xFF00 | (pairs >> 16) & 0xFF_0000 | (pairs >> 24) & 0xFF00_0000
        return UInt32(truncatingIfNeeded: packed)
    }

    /// A packed UUID's text, as it came.
    static func unpack(uuid bytes: UnsafeRawBufferPointer) -> String {
        var text = [UInt8]()
        text.reserveCapacity(36)
        for (index, byte) in bytes.prefix(16).enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            text.append(JSONWriter.hexDigits[Int(byte >> 4)])
            text.append(JSONWriter.hexDigits[Int(byte & 0xF)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The entry of an outcome blob at `offset`: its code (without the packed bit), where
    /// its id is (a packed UUID's 16 bytes when `packed`, else the id's text) and where the
    /// next entry starts; nil past the last one.
    static func entry(_ blob: UnsafeRawBufferPointer, at offset: Int)
        -> (code: UInt8, id: Range<Int>, packed: Bool, next: Int)?
    {
        guard offset < blob.count else { return nil }
        let code = blob[offset]
        if code & packedUUID != 0 {
            let end = min(offset + 17, blob.count)
            return (code & ~packedUUID, (offset + 1)..<end, true, end)
        }
        guard offset + 3 <= blob.count else { return nil }
        let length = Int(blob[offset + 1]) | Int(blob[offset + 2]) << 8
        let end = min(offset + 3 + length, blob.count)
        return (code, (offset + 3)..<end, false, end)
    }

    /// The 16 bytes a chunk's outcomes hold for a vendor id that packs (`pack(uuid:into:)`).
    static func packed(id: String) -> [UInt8]? {
        var id = id
        var bytes = [UInt8](repeating: 0, count: 16)
        let fits = id.withUTF8 { text in bytes.withUnsafeMutableBytes { pack(uuid: text, into: $0) } }
        return fits ? bytes : nil
    }

    /// The byte each word of `words` is stored as, in its order.
    private static let codes = Array("cuprif".utf8)

    private static func code(of word: String) -> UInt8 { codes[wordIndex(word)] }

    /// The byte the word at `index` of `words` is stored as.
    static func code(ofIndex index: Int) -> UInt8 { codes[index] }

    /// The position in `words` of a stored code (an unknown code counts as `failed`).
    static func wordIndex(code: UInt8) -> Int { Int(wordIndexByCode[Int(code)]) }

    /// `wordIndex(code:)` for every byte (a table: the report reads it once per contact).
    private static let wordIndexByCode: [UInt8] = (0..<256).map { byte in
        UInt8(codes.firstIndex(of: UInt8(byte)) ?? 5)
    }

    /// The messages, as `journalChunkOutcome.messages`: index in the chunk -> message; nil when none has one.
    static func messages(_ answers: [ChunkAnswer]) -> String? {
        var messages: [String: String] = [:]
        for (index, answer) in answers.enumerated() {
            if let message = answer.message { messages[String(index)] = message }
        }
        guard !messages.isEmpty, let data = try? JSONEncoder().encode(messages) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// `journalChunkOutcome.messages` read back: index in the chunk -> message.
    static func messages(fromJSON json: String?) -> [Int: String] {
        var byIndex: [Int: String] = [:]
        if let json, let decoded = try? JSONDecoder().decode([String: String].self, from: Data(json.utf8)) {
            for (key, message) in decoded { if let index = Int(key) { byIndex[index] = message } }
        }
        return byIndex
    }

    /// A chunk's answers from its stored outcome row.
    static func decode(blob: Data, messages: String?, count: Int) -> [ChunkAnswer] {
        let byIndex = Self.messages(fromJSON: messages)
        var answers: [ChunkAnswer] = []
        answers.reserveCapacity(count)
        blob.withUnsafeBytes { bytes in
            var offset = 0
            while answers.count < count, let entry = entry(bytes, at: offset) {
                let idBytes = UnsafeRawBufferPointer(rebasing: bytes[entry.id])
                let id =
                    entry.packed
                    ? unpack(uuid: idBytes) : entry.id.isEmpty ? nil : String(decoding: idBytes, as: UTF8.self)
                answers.append(
                    ChunkAnswer(word: word(ofCode: entry.code), vendorID: id, message: byIndex[answers.count]))
                offset = entry.next
            }
        }
        return answers
    }

    private static func word(ofCode code: UInt8) -> String { words[wordIndex(code: code)] }
}

/// One journaled request's answers as the journal stores them (`journalChunkOutcome`): per
/// contact its outcome word's code and vendor id (`ChunkAnswer.blob`), the messages, and how
/// many contacts got each word.
public struct ChunkOutcomes: Sendable {
    var count: Int
    var blob: [UInt8]
    var messages: String?
    /// Per word of `ChunkAnswer.words`.
    var counts: [Int]

    init(_ answers: [ChunkAnswer]) {
        count = answers.count
        blob = ChunkAnswer.blob(answers)
        messages = ChunkAnswer.messages(answers)
        counts = [Int](repeating: 0, count: ChunkAnswer.words.count)
        for answer in answers { counts[ChunkAnswer.wordIndex(answer.word)] += 1 }
    }

    /// Every contact with the word at `word` of `ChunkAnswer.words` and no message, `blob`
    /// already written (read straight from a vendor's answer).
    init(count: Int, word: Int, blob: [UInt8]) {
        self.count = count
        self.blob = blob
        counts = [Int](repeating: 0, count: ChunkAnswer.words.count)
        counts[word] = count
    }

    /// A request's answer mapped as `SyncEngine.perform` maps an upsert's: each contact the
    /// answer names gets its outcome, the vendor id it was given (else the one it was sent
    /// with) and its message; a contact the answer does not mention is failed.
    init(sentIDs: [String?], report: UpsertReport) {
        var answers = sentIDs.map {
            ChunkAnswer(word: "failed", vendorID: $0, message: "the vendor's answer did not mention this contact")
        }
        for outcome in report.outcomes where answers.indices.contains(outcome.index) {
            answers[outcome.index] = ChunkAnswer(
                word: outcome.result.word, vendorID: outcome.vendorID ?? sentIDs[outcome.index],
                message: ContactAnswer.message(outcome.result, warnings: outcome.warnings))
        }
        self.init(answers)
    }

    /// Each contact's answer, with its vendor id.
    var answers: [ChunkAnswer] { ChunkAnswer.decode(blob: Data(blob), messages: messages, count: count) }

    /// How many contacts failed.
    var failed: Int { counts[ChunkAnswer.wordIndex("failed")] }
}

/// Reading the columns of a `journalChunk` row.
enum JournalChunkRow {
    /// A chunk's file lines from `journalChunk.lines`: 4 bytes little-endian a contact, or
    /// for a chunk of consecutive lines (rows of one line each, none rejected between) only
    /// the first, the rest following from `count`.
    static func lines(_ blob: Data?, count: Int) -> [Int] {
        guard let blob else { return [] }
        let bytes = [UInt8](blob)
        if bytes.count == 4 && count > 1 {
            let first = Int(UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24)
            return Array(first..<(first + count))
        }
        var lines: [Int] = []
        lines.reserveCapacity(bytes.count / 4)
        var offset = 0
        while offset + 4 <= bytes.count {
            var value = UInt32(bytes[offset])
            value |= UInt32(bytes[offset + 1]) << 8
            value |= UInt32(bytes[offset + 2]) << 16
            value |= UInt32(bytes[offset + 3]) << 24
            lines.append(Int(value))
            offset += 4
        }
        return lines
    }
}

extension Journal {
    /// Each chunk's file lines, in the order of `firsts`.
    func chunkLines(_ id: Int64, firsts: [Int]) async throws -> [[Int]] {
        try await store.pool.read { db in
            let statement = try db.cachedStatement(
                sql: "SELECT lines, count FROM journalChunk WHERE entryID = ? AND first = ?")
            return try firsts.map { first in
                guard let row = try Row.fetchOne(statement, arguments: [id, first]) else { return [] }
                return JournalChunkRow.lines(row[0], count: row[1])
            }
        }
    }

    /// The chunks of a `chunks` entry without an answer, as position ranges, in order.
    func unansweredChunks(_ id: Int64) async throws -> [Range<Int>] {
        try await store.pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.first, c.count FROM journalChunk c
                    LEFT JOIN journalChunkOutcome o ON o.entryID = c.entryID AND o.first = c.first
                    WHERE c.entryID = ? AND o.first IS NULL ORDER BY c.first
                    """, arguments: [id])
            return rows.map { row in
                let first: Int = row[0]
                let count: Int = row[1]
                return first..<first + count
            }
        }
    }

    /// A chunk's stored request body, and whether it may name contacts by id (its file had
    /// an id column).
    func chunkBody(_ id: Int64, first: Int) async throws -> (body: [UInt8], namesIDs: Bool) {
        try await store.pool.read { db in
            guard
                let row = try Row.fetchOne(
                    db.cachedStatement(
                        sql: """
                            SELECT body, bodyAt, bodyLength, namesIDs FROM journalChunk
                            WHERE entryID = ? AND first = ?
                            """),
                    arguments: [id, first])
            else { throw JournalError.noEntry(id) }
            return (try Self.body(of: row, entryID: id, db), row[3])
        }
    }

    /// Where each chunk's body of entry `id` is, with its bodies file open, for sending it.
    func chunkBodyReader(_ id: Int64) async throws -> ChunkBodyReader {
        try await store.pool.read { db in
            var spans: [Int: ChunkBodyReader.Span] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT first, bodyAt, bodyLength, namesIDs FROM journalChunk WHERE entryID = ?",
                arguments: [id])
            while let row = try rows.next() {
                spans[row[0]] = ChunkBodyReader.Span(at: row[1], length: row[2] ?? 0, namesIDs: row[3])
            }
            return ChunkBodyReader(entryID: id, path: try ChunkBodyFile.path(db, entryID: id), spans: spans)
        }
    }

    /// The body of a chunk row whose first three columns are `body, bodyAt, bodyLength`: in
    /// the entry's bodies file, or in the row (a chunk journaled before migration v12).
    static func body(of row: Row, entryID: Int64, _ db: Database) throws -> [UInt8] {
        if let offset: Int64 = row[1] {
            return try ChunkBodyFile.read(db, entryID: entryID, at: offset, length: row[2])
        }
        return try row.withUnsafeData(atIndex: 0) { data in [UInt8](data ?? Data()) }
    }

    /// Writes answered chunks' outcomes and the entry's counts, in one transaction.
    /// When the campaign's cache holds contacts (one probe), the chunks' contacts are read
    /// back and the cache kept current as `record(addingNew: false)` keeps it; otherwise the
    /// cache is not touched (a bulk change's new contacts are left to the vendor's listing).
    func recordChunks(_ answered: [(first: Int, outcomes: ChunkOutcomes)], of entry: JournalEntry, at date: Date)
        async throws
    {
        guard !answered.isEmpty, let entryID = entry.id else { return }
        try await store.pool.write { db in
            let insert = try db.cachedStatement(
                sql: """
                    INSERT OR REPLACE INTO journalChunkOutcome
                      (entryID, first, outcomes, messages, created, updated, upserted, removed, ignored, failed, answeredAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            var answeredCount = 0
            var failed = 0
            for (first, outcomes) in answered {
                var arguments: [(any DatabaseValueConvertible)?] = [
                    entryID, first, Data(outcomes.blob), outcomes.messages,
                ]
                for count in outcomes.counts { arguments.append(count) }
                arguments.append(date)
                try insert.execute(arguments: StatementArguments(arguments))
                answeredCount += outcomes.count
                failed += outcomes.failed
            }
            try JournalEntry.filter(key: entryID).updateAll(
                db, JournalEntry.Columns.answeredCount += answeredCount, JournalEntry.Columns.failedCount += failed,
                JournalEntry.Columns.updatedAt.set(to: date))
            guard try Store.cacheHoldsAny(account: entry.account, campaignID: entry.campaignID, db) else { return }
            for (first, outcomes) in answered {
                let rows = try Self.chunkContacts(entryID, first: first, db)
                let contactAnswers = zip(rows, outcomes.answers).map { row, answer in
                    ContactAnswer(row: row, result: answer.result, vendorID: answer.vendorID, warnings: answer.warnings)
                }
                try Self.cache(contactAnswers, of: entry, at: date, addingNew: false, db)
            }
        }
    }

    /// The chunks holding positions after `position`, in order, with their answers, up to
    /// enough chunks for `limit` contacts.
    static func outcomeRuns(_ id: Int64, after position: Int, limit: Int, _ db: Database) throws -> [OutcomeRun] {
        let rows = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT c.first, c.count, c.keys, o.outcomes, o.messages, c.keysCoded
                    FROM journalChunk c
                    LEFT JOIN journalChunkOutcome o ON o.entryID = c.entryID AND o.first = c.first
                    WHERE c.entryID = ?1 AND c.first + c.count - 1 > ?2
                      AND c.first >= coalesce(
                        (SELECT max(first) FROM journalChunk WHERE entryID = ?1 AND first <= ?2), 0)
                    ORDER BY c.first
                    """), arguments: [id, position])
        var runs: [OutcomeRun] = []
        var contacts = 0
        while contacts < limit, let row = try rows.next() {
            let first: Int = row[0]
            let count: Int = row[1]
            let keys = try row.withUnsafeData(atIndex: 2) { [UInt8]($0 ?? Data()) }
            let outcomes = try row.withUnsafeData(atIndex: 3) { $0.map { [UInt8]($0) } }
            let messages: String? = row[4]
            runs.append(
                OutcomeRun(
                    first: first, count: count, keys: keys, keysCoded: row[5], outcomes: outcomes,
                    messagesJSON: messages))
            contacts += first + count - 1 - max(position, first - 1)
        }
        return runs
    }

    /// A page of a `chunks` entry's outcomes as runs, one per chunk (`OutcomeRun`), for a
    /// reader of a whole entry that needs no `JournalOutcome` per contact (the CLI's report
    /// of a large import); nil for a `rows` entry.
    public func outcomeRuns(of id: Int64, after position: Int = -1, limit: Int) async throws -> [OutcomeRun]? {
        try await store.pool.read { db in
            guard try Self.isChunks(id, db) else { return nil }
            return try Self.outcomeRuns(id, after: position, limit: limit, db)
        }
    }

    /// `outcomes(of:after:limit:)` for a `chunks` entry.
    func chunkOutcomes(of id: Int64, after position: Int, limit: Int, _ db: Database) throws -> [JournalOutcome] {
        var read: [JournalOutcome] = []
        for run in try Self.outcomeRuns(id, after: position, limit: limit, db) {
            run.forEach(after: position) { position, key, word, message in
                guard read.count < limit else { return false }
                read.append(
                    JournalOutcome(
                        position: position, key: String(decoding: key, as: UTF8.self),
                        outcome: word.map { OutcomeRun.words[$0] }, message: message))
                return true
            }
        }
        return read
    }

    /// Whether the entry keeps its contacts as chunks.
    static func isChunks(_ id: Int64, _ db: Database) throws -> Bool {
        try String.fetchOne(
            db.cachedStatement(sql: "SELECT storage FROM journalEntry WHERE id = ?"), arguments: [id]) == "chunks"
    }
}

// MARK: - Contacts read back from the journaled bodies

extension JournalChunkRow {
    /// The contacts of an Anyreach upsert body, as the regular path journals them: names and
    /// email out of `data`, the rest of `data` kept.
    static func contacts(body: Data) throws -> [Contact] {
        try JSONDecoder().decode(AnyreachUpsertBody.self, from: body).contacts.map { input in
            var data = input.data ?? [:]
            func take(_ key: String) -> String? {
                guard case .string(let text)? = data[key] else { return nil }
                data[key] = nil
                return text
            }
            let firstName = take("first_name")
            let lastName = take("last_name")
            let email = take("email")
            return Contact(
                vendorID: input.id, externalID: input.externalID, firstName: firstName, lastName: lastName,
                email: email, phoneNumbers: input.phoneNumbers ?? [], data: data, timezone: input.timezone,
                scheduledAt: input.scheduledAt)
        }
    }
}

extension Journal {
    /// One chunk's size, first position and failed count (0 while unanswered), for paging.
    private struct ChunkSpan {
        var first: Int
        var count: Int
        var failed: Int
    }

    private static func chunkSpans(_ id: Int64, _ db: Database) throws -> [ChunkSpan] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT c.first, c.count, coalesce(o.failed, 0) FROM journalChunk c
                LEFT JOIN journalChunkOutcome o ON o.entryID = c.entryID AND o.first = c.first
                WHERE c.entryID = ? ORDER BY c.first
                """, arguments: [id]
        ).map { ChunkSpan(first: $0[0], count: $0[1], failed: $0[2]) }
    }

    /// A chunk's contacts as `journalContact` rows would give them, with their answers.
    static func chunkContacts(_ id: Int64, first: Int, _ db: Database) throws -> [JournalContact] {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT c.body, c.bodyAt, c.bodyLength, o.outcomes, o.messages, o.answeredAt, c.count
                        FROM journalChunk c
                        LEFT JOIN journalChunkOutcome o ON o.entryID = c.entryID AND o.first = c.first
                        WHERE c.entryID = ? AND c.first = ?
                        """), arguments: [id, first])
        else { return [] }
        let body = Data(try body(of: row, entryID: id, db))
        let outcomes: Data? = row[3]
        let messages: String? = row[4]
        let answeredAt: Date? = row[5]
        let count: Int = row[6]
        let answers = outcomes.map { ChunkAnswer.decode(blob: $0, messages: messages, count: count) }
        return try JournalChunkRow.contacts(body: body).enumerated().map { index, contact in
            var read = JournalContact(entryID: id, position: first + index, contact: contact)
            if let answers, index < answers.count {
                read.outcome = answers[index].word
                read.vendorID = answers[index].vendorID
                read.message = answers[index].message
                read.answeredAt = answeredAt
            }
            return read
        }
    }

    /// `contacts(of:after:limit:)` (or, with `onlyFailed`, `failedContacts`) for a `chunks` entry.
    static func chunkContacts(
        of id: Int64, after position: Int, limit: Int, onlyFailed: Bool = false, _ db: Database
    ) throws -> [JournalContact] {
        var read: [JournalContact] = []
        for span in try chunkSpans(id, db) where span.first + span.count - 1 > position {
            if read.count >= limit { break }
            if onlyFailed && span.failed == 0 { continue }
            for contact in try chunkContacts(id, first: span.first, db)
            where contact.position > position && read.count < limit && (!onlyFailed || contact.outcome == "failed") {
                read.append(contact)
            }
        }
        return read
    }

    /// A page of a `chunks` entry's contacts (all, or only the failed ones) by offset, as
    /// the results view asks.
    static func chunkContacts(of id: Int64, offset: Int, limit: Int, onlyFailed: Bool, _ db: Database) throws
        -> [JournalContact]
    {
        var skipped = 0
        var read: [JournalContact] = []
        let offset = max(0, offset)
        for span in try chunkSpans(id, db) {
            if read.count >= limit { break }
            let kept = onlyFailed ? span.failed : span.count
            if skipped + kept <= offset {
                skipped += kept
                continue
            }
            for contact in try chunkContacts(id, first: span.first, db)
            where !onlyFailed || contact.outcome == "failed" {
                if skipped < offset {
                    skipped += 1
                } else if read.count < limit {
                    read.append(contact)
                }
            }
        }
        return read
    }

    /// Contacts by outcome word for a `chunks` entry (unanswered ones not counted).
    static func chunkOutcomeCounts(_ id: Int64, _ db: Database) throws -> [String: Int] {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT sum(created), sum(updated), sum(upserted), sum(removed), sum(ignored), sum(failed)
                    FROM journalChunkOutcome WHERE entryID = ?
                    """, arguments: [id])
        else { return [:] }
        var counts: [String: Int] = [:]
        for (index, word) in ChunkAnswer.words.enumerated() {
            let count: Int? = row[index]
            if let count, count > 0 { counts[word] = count }
        }
        return counts
    }
}

/// One chunk's outcomes as stored: its keys (`journalChunk.keys`) and answers
/// (`journalChunkOutcome.outcomes`), read a contact at a time by `forEach` without a
/// string or a `JournalOutcome` per contact.
public struct OutcomeRun: Sendable {
    /// The position of the chunk's first contact.
    public var first: Int
    public var count: Int
    /// Newline-separated; a newline or backslash in a key escaped. When `keysCoded`, each
    /// key starts with a byte saying how many of its first bytes are the previous key's,
    /// and only the rest follow (the chunk's first key shares none).
    var keys: [UInt8]
    var keysCoded = false
    /// Per contact: the word's code, the vendor id's length (2 bytes) and bytes; nil while unanswered.
    var outcomes: [UInt8]?
    var messagesJSON: String?

    /// The outcome words, as `forEach` numbers them.
    public static let words = ChunkAnswer.words

    /// Calls `body` with each contact after `position`, in order: its position, its key's
    /// bytes, its word's index in `words` (nil: no answer yet) and its message, until
    /// `body` returns false.
    public func forEach(
        after position: Int,
        _ body: (_ position: Int, _ key: UnsafeBufferPointer<UInt8>, _ word: Int?, _ message: String?) -> Bool
    ) {
        let messages = ChunkAnswer.messages(fromJSON: messagesJSON)
        let anyMessage = !messages.isEmpty
        keys.withUnsafeBufferPointer { keys in
            (outcomes ?? []).withUnsafeBytes { outcomes in
                var keyStart = 0
                var outcomeAt = 0
                var unescaped: [UInt8] = []
                // The current key made whole, when they are front-coded.
                var whole = UnsafeMutablePointer<UInt8>.allocate(capacity: keysCoded ? 256 : 0)
                var wholeCapacity = keysCoded ? 256 : 0
                var wholeCount = 0
                defer { whole.deallocate() }
                for index in 0..<count {
                    // This contact's key: to the next newline (after the count it shares, when coded).
                    var keyBegin = min(keyStart, keys.count)
                    var shared = 0
                    if keysCoded && keyBegin < keys.count {
                        shared = min(Int(keys[keyBegin]), wholeCount)
                        keyBegin += 1
                    }
                    var keyEnd = keyBegin
                    var escaped = false
                    while keyEnd < keys.count && keys[keyEnd] != 0x0A {
                        if keys[keyEnd] == 0x5C { escaped = true }
                        keyEnd += 1
                    }
                    keyStart = keyEnd + 1
                    var key = UnsafeBufferPointer(rebasing: keys[keyBegin..<keyEnd])
                    if keysCoded {
                        // The previous key's first `shared` bytes, then this one's own.
                        let length = shared + key.count
                        if length > wholeCapacity {
                            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: max(length, 2 * wholeCapacity))
                            grown.update(from: whole, count: shared)
                            whole.deallocate()
                            whole = grown
                            wholeCapacity = max(length, 2 * wholeCapacity)
                        }
                        if let own = key.baseAddress { (whole + shared).update(from: own, count: key.count) }
                        wholeCount = length
                        escaped = escaped || UnsafeBufferPointer(start: whole, count: shared).contains(0x5C)
                        key = UnsafeBufferPointer(start: whole, count: length)
                    }
                    var word: Int?
                    if let entry = ChunkAnswer.entry(outcomes, at: outcomeAt) {
                        word = ChunkAnswer.wordIndex(code: entry.code)
                        outcomeAt = entry.next
                    }
                    guard first + index > position else { continue }
                    let going: Bool
                    if escaped {
                        unescaped = Self.unescape(key)
                        going = unescaped.withUnsafeBufferPointer {
                            body(first + index, $0, word, anyMessage ? messages[index] : nil)
                        }
                    } else {
                        going = body(first + index, key, word, anyMessage ? messages[index] : nil)
                    }
                    if !going { return }
                }
            }
        }
    }

    /// A key of `journalChunk.keys` as it was before escaping.
    static func unescape(_ key: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(key.count)
        var index = 0
        while index < key.count {
            if key[index] == 0x5C, index + 1 < key.count {
                bytes.append(key[index + 1] == UInt8(ascii: "n") ? 0x0A : key[index + 1])
                index += 2
            } else {
                bytes.append(key[index])
                index += 1
            }
        }
        return bytes
    }
}
