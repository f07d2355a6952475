import Foundation
import GRDB

/// Which lane an import takes, from `SWITCHBOARD_IMPORT_LANE`: `chunks` (the default) lets
/// an eligible import take the bulk lane, `rows` forces the regular path (to compare them,
/// or to step around the lane).
public enum ImportLane: String, Sendable {
    case rows, chunks

    public static var current: ImportLane {
        ImportLane(rawValue: ProcessInfo.processInfo.environment["SWITCHBOARD_IMPORT_LANE"] ?? "") ?? .chunks
    }
}

extension Store {
    /// The bulk lane's plan for this import, or nil when it takes the regular path: the lane
    /// is for a CSV upsert (not partial) to Anyreach whose every mapped column the encoder takes.
    func bulkLanePlan(_ source: ContactImport, as change: Change, lane: ImportLane = .current) async throws
        -> BulkPlan?
    {
        guard lane == .chunks, source.options.vendor == .anyreach, let mapping = source.mapping,
            change.action == .upsert, !change.partial
        else { return nil }
        guard let plan = try? BulkPlan(mapping: mapping, defaultCountryCode: source.options.defaultCountryCode),
            plan.countryCode.count <= 4
        else { return nil }
        return plan
    }

    /// What the bulk lane journaled, for handing the batches to the caller after the commit.
    private struct ChunksWritten: Sendable {
        var entryID: Int64
        /// Each chunk's first position and size, and the end of its problems in `problems`.
        var chunks: [(first: Int, count: Int, problemEnd: Int)]
        var problems: [ImportProblem]
        var rejectedFields: [Int: [String]]
    }

    /// Journals the file as one `chunks` entry in one transaction (the entry, every chunk,
    /// every rejected row), then hands `each` one batch per chunk (its lines and rejected
    /// rows; no `Contact` models) and one for rejected rows after the last chunk. Nil, with
    /// nothing journaled, when the file is one the lane cannot take exactly.
    func journalChunks(
        _ source: ContactImport, plan: BulkPlan, as change: Change, sourcePath: String?,
        each: (ImportBatch, _ cached: [Bool], _ entryID: Int64?) async throws -> Void
    ) async throws -> Int64? {
        let path = source.path
        let vendor = source.options.vendor
        let header = try source.mapping.map { String(decoding: try JSONEncoder().encode($0.header), as: UTF8.self) }
        let written: ChunksWritten? = try await pool.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            // The entry's bodies file while it is written: removed if the entry does not commit.
            var bodiesFile: ChunkBodyFile?
            do {
                guard
                    try JournalEntry.filter(JournalEntry.Columns.idempotencyKey == change.idempotencyKey)
                        .fetchCount(db) == 0
                else {
                    try db.execute(sql: "ROLLBACK")
                    return nil
                }
                var entry = JournalEntry(change: change, at: Date())
                entry.contactCount = 0
                entry.storage = .chunks
                entry.sourcePath = sourcePath
                try entry.insert(db)
                let entryID = entry.id!
                if sourcePath != nil || header != nil {
                    try db.execute(
                        sql: "UPDATE journalEntry SET sourcePath = ?, sourceHeader = ? WHERE id = ?",
                        arguments: [sourcePath, header, entryID])
                }
                let insert = try db.makeStatement(
                    sql: """
                        INSERT INTO journalChunk
                            (entryID, first, count, body, keys, keysCoded, lines, namesIDs, bodyAt, bodyLength)
                        VALUES (?, ?, ?, x'', ?, 1, ?, ?, ?, ?)
                        """
                )
                try ChunkBodyFile.removeOrphans(db)
                let bodies = try ChunkBodyFile(db, entryID: entryID)
                bodiesFile = bodies
                var encoder = try BulkEncoder(path: path, file: path, plan: plan, vendor: vendor)
                defer { encoder.release() }
                var chunks: [(first: Int, count: Int, problemEnd: Int)] = []
                var contacts = 0
                while let count = try encoder.nextChunk() {
                    if Task.isCancelled { throw CancellationError() }
                    let bodyAt = try bodies.append(encoder.body.base, count: encoder.body.count)
                    let keys = Data(bytesNoCopy: encoder.keys.base, count: encoder.keys.count, deallocator: .none)
                    let lines = Data(bytesNoCopy: encoder.lines.base, count: encoder.lines.count, deallocator: .none)
                    try insert.execute(arguments: [
                        entryID, contacts, count, keys, lines, plan.idColumn != nil, bodyAt, encoder.body.count,
                    ])
                    chunks.append((contacts, count, encoder.problems.count))
                    contacts += count
                }
                // A file without a valid contact journals nothing: the regular path says so. A
                // change of one request caches its new contacts as sent
                // (`SyncEngine.cachesNewContacts`): the regular path does that too.
                guard contacts > AnyreachClient.maxContactsPerUpsert else { throw BulkLaneFallback() }
                try Journal.insertRejected(
                    ImportReject.rows(encoder.problems, fields: encoder.rejectedFields), to: entryID, db)
                try db.execute(
                    sql: "UPDATE journalEntry SET contactCount = ? WHERE id = ?", arguments: [contacts, entryID])
                // The bodies are durable before the entry that names them commits.
                try bodies.sync()
                bodies.close()
                bodiesFile = nil
                try db.execute(sql: "COMMIT")
                return ChunksWritten(
                    entryID: entryID, chunks: chunks, problems: encoder.problems,
                    rejectedFields: encoder.rejectedFields)
            } catch is BulkLaneFallback {
                bodiesFile?.discard()
                try db.execute(sql: "ROLLBACK")
                return nil
            } catch {
                bodiesFile?.discard()
                try? db.execute(sql: "ROLLBACK")
                throw error
            }
        }
        guard let written else { return nil }
        // The batches, as the regular path hands them: each chunk's lines and the rows left out among them.
        var problemStart = 0
        func batch(problemEnd: Int) -> ImportBatch {
            let problems = Array(written.problems[problemStart..<problemEnd])
            problemStart = problemEnd
            var fields: [Int: [String]] = [:]
            for problem in problems { fields[problem.line] = written.rejectedFields[problem.line] }
            return ImportBatch(problems: problems, rejectedFields: fields)
        }
        // Which contacts the cache holds: only looked up (the chunk's contacts read back) when
        // the campaign's cache holds any (one probe), as `cached(_:account:campaignID:)` does.
        let holdsAny = try await pool.read { db in
            try Self.cacheHoldsAny(account: change.account, campaignID: change.campaignID, db)
        }
        for page in stride(from: 0, to: written.chunks.count, by: 64) {
            let chunks = written.chunks[page..<min(page + 64, written.chunks.count)]
            let lines = try await journal.chunkLines(written.entryID, firsts: chunks.map(\.first))
            for (chunk, chunkLines) in zip(chunks, lines) {
                try Task.checkCancellation()
                var next = batch(problemEnd: chunk.problemEnd)
                next.rowNumbers = chunkLines
                next.encodedCount = chunk.count
                var cachedFlags = [Bool](repeating: false, count: chunk.count)
                if holdsAny {
                    let contacts = try await journal.contacts(
                        of: written.entryID, after: chunk.first - 1, limit: chunk.count)
                    cachedFlags = try await cached(
                        contacts.map(\.contact), account: change.account, campaignID: change.campaignID)
                }
                try await each(next, cachedFlags, written.entryID)
            }
        }
        if problemStart < written.problems.count {
            try await each(batch(problemEnd: written.problems.count), [], written.entryID)
        }
        return written.entryID
    }
}
