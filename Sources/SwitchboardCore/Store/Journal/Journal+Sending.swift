import Foundation
import GRDB

/// One contact's answer, as the sync engine records it.
struct ContactAnswer: Sendable {
    var row: JournalContact
    var result: UpsertOutcome.Result
    var vendorID: String?
    var warnings: [String] = []
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

    /// The positions of the entry's contacts that have no outcome yet, in order.
    func unansweredPositions(_ id: Int64) async throws -> [Int] {
        try await store.pool.read { db in
            try JournalContact.select(JournalContact.Columns.position, as: Int.self)
                .filter(JournalContact.Columns.entryID == id && JournalContact.Columns.outcome == nil)
                .order(JournalContact.Columns.position).fetchAll(db)
        }
    }

    /// The entry's contact rows at these positions, in position order.
    func rows(_ id: Int64, positions: [Int]) async throws -> [JournalContact] {
        try await store.pool.read { db in
            try JournalContact.filter(
                JournalContact.Columns.entryID == id && positions.contains(JournalContact.Columns.position)
            )
            .order(JournalContact.Columns.position).fetchAll(db)
        }
    }

    /// Writes a batch's answers in one transaction: each contact's outcome, the entry's
    /// counts, and the cache (what was sent and what the vendor answered).
    func record(_ answers: [ContactAnswer], of entry: JournalEntry, at date: Date) async throws {
        guard let id = entry.id else { return }
        try await store.pool.write { db in
            let update = try db.cachedStatement(
                sql:
                    "UPDATE journalContact SET outcome = ?, vendorID = ?, message = ?, answeredAt = ? WHERE entryID = ? AND position = ?"
            )
            var failed = 0
            for answer in answers {
                let words = [answer.result.reason].compactMap { $0 } + answer.warnings
                let message = words.isEmpty ? nil : words.joined(separator: "; ")
                var contact = answer.row.contact
                contact.vendorID = answer.vendorID ?? contact.vendorID
                try update.execute(arguments: [
                    answer.result.word, contact.vendorID, message, DateStamp.value(date), id, answer.row.position,
                ])
                if answer.result.isFailure { failed += 1 }
                try Self.cache(contact, result: answer.result, message: message, of: entry, at: date, db)
            }
            try JournalEntry.filter(key: id).updateAll(
                db, JournalEntry.Columns.answeredCount += answers.count, JournalEntry.Columns.failedCount += failed,
                JournalEntry.Columns.updatedAt.set(to: date))
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
