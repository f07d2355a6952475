import Foundation
import GRDB

/// One contact's answer, as the sync engine records it.
struct ContactAnswer: Sendable {
    var row: JournalContact
    var result: UpsertOutcome.Result
    var vendorID: String?
    var warnings: [String] = []
    /// The contact's JSON as the journal holds it, when read with it: the cache copies it
    /// rather than encoding the contact again.
    var json: String? = nil

    /// The contact as sent, with the vendor id the answer gave it.
    var sent: Contact {
        var contact = row.contact
        contact.vendorID = vendorID ?? contact.vendorID
        return contact
    }

    /// The reason and the warnings, as the journal and the cache keep them.
    var message: String? { Self.message(result, warnings: warnings) }

    static func message(_ result: UpsertOutcome.Result, warnings: [String]) -> String? {
        guard let reason = result.reason else { return warnings.isEmpty ? nil : warnings.joined(separator: "; ") }
        return warnings.isEmpty ? reason : ([reason] + warnings).joined(separator: "; ")
    }
}

/// What the sync engine writes while it sends an entry.
extension Journal {
    /// Marks the entry `sending` and counts the attempt; nil when there is no such entry.
    func beginSending(_ id: Int64, at date: Date) async throws -> JournalEntry? {
        try await store.pool.write { db in
            guard var entry = try JournalEntry.fetchOne(db, key: id) else { return nil }
            guard JournalState.unsettled.contains(entry.state) else { return entry }
            entry.state = .sending
            entry.attempts += 1
            entry.updatedAt = date
            try entry.update(db)
            return entry
        }
    }

    /// The positions of the entry's contacts that have no outcome yet, in order, as runs of
    /// consecutive positions (an entry never sent is one run however many contacts it has).
    func unansweredRuns(_ id: Int64) async throws -> [Range<Int>] {
        if try await store.pool.read({ db in try Self.isChunks(id, db) }) { return try await unansweredChunks(id) }
        return try await store.pool.read { db in
            let positions = try Int.fetchCursor(
                db, sql: "SELECT position FROM journalContact WHERE entryID = ? AND outcome IS NULL ORDER BY position",
                arguments: [id])
            var runs: [Range<Int>] = []
            while let position = try positions.next() {
                SyncStateMachine.Batch.add(position..<position + 1, to: &runs)
            }
            return runs
        }
    }

    /// The entry's contact rows at these positions, in position order.
    func rows(_ id: Int64, positions: [Int]) async throws -> [JournalContact] {
        try await rowsWithJSON(id, positions: positions).map(\.row)
    }

    /// The same rows, each with its contact's JSON as the journal holds it (what the cache
    /// copies). A batch is usually a run of consecutive positions: it is read as a range
    /// with one cached statement; scattered positions are read by a list.
    func rowsWithJSON(_ id: Int64, positions: [Int]) async throws -> [(row: JournalContact, json: String)] {
        guard let first = positions.min(), let last = positions.max() else { return [] }
        return try await store.pool.read { db in
            if try Self.isChunks(id, db) {
                // A chunks entry's contacts, read back from its bodies, with their JSON as a row holds it.
                let wanted = Set(positions)
                return try Self.chunkContacts(of: id, after: first - 1, limit: last - first + 1, db)
                    .filter { wanted.contains($0.position) }.map { ($0, $0.contact.jsonText) }
            }
            let select = "SELECT \(JournalContact.orderedColumns) FROM journalContact WHERE entryID = ?"
            let rows: RowCursor
            let wanted: Set<Int>?
            if last - first < 2 * positions.count {
                rows = try Row.fetchCursor(
                    db.cachedStatement(sql: select + " AND position BETWEEN ? AND ? ORDER BY position"),
                    arguments: [id, first, last])
                wanted = last - first + 1 == positions.count ? nil : Set(positions)
            } else {
                let marks = Array(repeating: "?", count: positions.count).joined(separator: ",")
                rows = try Row.fetchCursor(
                    db, sql: select + " AND position IN (\(marks)) ORDER BY position",
                    arguments: StatementArguments([id] + positions.map(Int64.init)))
                wanted = nil
            }
            var read: [(row: JournalContact, json: String)] = []
            read.reserveCapacity(positions.count)
            while let row = try rows.next() {
                if let wanted, !wanted.contains(row[1]) { continue }
                read.append(try JournalContact.ordered(row))
            }
            return read
        }
    }

    /// Writes a batch's answers in one transaction: each contact's outcome, the entry's
    /// counts, and the cache (what was sent and what the vendor answered).
    ///
    /// With `addingNew` false (`CachePolicy`), a contact sent through is written to the
    /// cache only when the cache already holds it (kept current); one the cache does not
    /// hold is left for the vendor's listing to show.
    func record(_ answers: [ContactAnswer], of entry: JournalEntry, at date: Date, addingNew: Bool = true)
        async throws
    {
        guard let id = entry.id else { return }
        try await store.pool.write { db in
            let update = try db.cachedStatement(
                sql:
                    "UPDATE journalContact SET outcome = ?, vendorID = ?, message = ?, answeredAt = ? WHERE entryID = ? AND position = ?"
            )
            let stamp = DateStamp.value(date)
            var failed = 0
            for answer in answers {
                try update.execute(arguments: [
                    answer.result.word, answer.vendorID ?? answer.row.contact.vendorID, answer.message, stamp, id,
                    answer.row.position,
                ])
                if answer.result.isFailure { failed += 1 }
            }
            try Self.cache(answers, of: entry, at: date, addingNew: addingNew, db)
            try JournalEntry.filter(key: id).updateAll(
                db, JournalEntry.Columns.answeredCount += answers.count, JournalEntry.Columns.failedCount += failed,
                JournalEntry.Columns.updatedAt.set(to: date))
        }
    }

    /// Keeps the cache in step with a batch's answers (`record`): with `addingNew` false, a
    /// contact sent through is written only when the cache already holds it.
    static func cache(_ answers: [ContactAnswer], of entry: JournalEntry, at date: Date, addingNew: Bool, _ db: Database)
        throws
    {
        let stamp = DateStamp.value(date)
        // Whether each answer caches its contact as sent, then whether it is cached here
        // (with `addingNew` false, only a contact the cache holds).
        let asSent = answers.map { Self.isCachedAsSent($0.result, of: entry) }
        var cachesAsSent = asSent
        if !addingNew, cachesAsSent.contains(true) {
            // Looked up as journaled: the vendor id an answer adds is new, so it matches no row.
            let journaled = answers.indices.filter { cachesAsSent[$0] }.map { answers[$0].row.contact }
            let held = try Store.Found.lookUp(journaled, account: entry.account, campaignID: entry.campaignID, db)
            for index in answers.indices where cachesAsSent[index] {
                cachesAsSent[index] = held.holds(answers[index].row.contact)
            }
        }
        let sent = answers.indices.compactMap { cachesAsSent[$0] ? answers[$0].sent : nil }
        var batch =
            sent.isEmpty
            ? nil : try CachedContactBatch(account: entry.account, campaignID: entry.campaignID, contacts: sent, db)
        for (index, answer) in answers.enumerated() {
            let message = answer.message
            let word = answer.result.word
            if cachesAsSent[index], batch != nil {
                let contact = answer.sent
                let json = CachedContact.json(for: contact, journaled: answer.row.contact, text: answer.json)
                try batch!.write(contact, json: json, sentAt: stamp, result: word, message: message)
            } else if !asSent[index] {
                try Self.cache(answer.sent, result: answer.result, message: message, of: entry, at: date, db)
            }
        }
    }

    /// Whether an answer caches the contact as sent (`CachedContactBatch`), rather than
    /// dropping its row or noting the answer on a row it may have.
    private static func isCachedAsSent(_ result: UpsertOutcome.Result, of entry: JournalEntry) -> Bool {
        switch (entry.action, result) {
        case (.remove, .removed), (.remove, .ignored), (.delete, .removed), (.delete, .ignored): false
        case (_, .created), (_, .updated), (_, .upserted): true
        default: false
        }
    }

    /// Settles the entry once every contact has an outcome: `done`, `partial` or `failed`.
    func settle(_ id: Int64, reason: String?, at date: Date) async throws -> JournalEntry? {
        try await store.pool.write { db in
            guard var entry = try JournalEntry.fetchOne(db, key: id) else { return nil }
            entry.state = JournalState.settled(
                contactCount: entry.contactCount, failedCount: entry.failedCount, reason: reason)
            entry.reason =
                switch entry.state {
                case .done, .pending, .sending: nil
                case .partial, .failed:
                    reason
                        ?? "the vendor refused \(entry.failedCount) of \(entry.contactCount) contacts; each keeps its reason"
                }
            entry.updatedAt = date
            try entry.update(db)
            return entry
        }
    }

    /// Keeps the cache in step with an answer: sent contacts are cached with the vendor's
    /// answer, removed ones dropped; a refused or ignored contact only updates a row that
    /// exists, so it never appears in a campaign it is not in.
    private static func cache(
        _ contact: Contact, result: UpsertOutcome.Result, message: String?, of entry: JournalEntry, at date: Date,
        _ db: Database
    ) throws {
        switch (entry.action, result) {
        case (.remove, .removed), (.remove, .ignored), (.delete, .removed), (.delete, .ignored):
            try CachedContact.delete(contact, account: entry.account, campaignID: entry.campaignID, db)
        case (_, .created), (_, .updated), (_, .upserted):
            var row = CachedContact(account: entry.account, campaignID: entry.campaignID, contact: contact)
            row.lastSentAt = date
            row.lastResult = result.word
            row.lastMessage = message
            try row.write(db)
        default:
            try CachedContact.noteAnswer(
                contact, result: result.word, message: message, at: date, account: entry.account,
                campaignID: entry.campaignID, db)
        }
    }
}
