import Foundation
import GRDB
import Testing
import VendorSandbox

@testable import SwitchboardCore

/// `Journal.prune`: settled entries older than a date go, with every row that hangs off them
/// and their request bodies file; an entry still to be sent and the contact cache stay.
@Suite struct JournalPruneTests {
    let lane = BulkLaneTests()

    /// Rows per journal table for the given entries.
    func rows(_ store: Store, _ ids: [Int64]) async throws -> [String: Int] {
        try await store.pool.read { db in
            var counts: [String: Int] = [:]
            for table in ["journalEntry", "journalContact", "journalChunk", "journalChunkOutcome", "journalReject"] {
                let column = table == "journalEntry" ? "id" : "entryID"
                counts[table] = try Int.fetchOne(
                    db, SQLRequest<Int>(literal: "SELECT count(*) FROM \(sql: table) WHERE \(sql: column) IN \(ids)"))
            }
            return counts
        }
    }

    @Test func settledEntriesOlderThanTheDateGoWithTheirRowsAndBodies() async throws {
        try await withTemporaryStore { store, directory in
            let now = Date()
            let old = now.addingTimeInterval(-40 * 86_400)
            let journal = store.journal
            var ids: [String: Int64] = [:]
            for name in ["done-old", "done-new", "failed-old", "partial-old", "pending-old", "sending-old"] {
                let change = Change(account: "a", campaignID: "c", action: .upsert, contacts: sampleContacts(3, prefix: name))
                ids[name] = try await journal.record(change).id!
            }
            // A bulk import's entry: chunk rows, rejected rows, a bodies file, and an outcome row.
            let account = SandboxCredentials.Anyreach.account("http://127.0.0.1:9")
            let path = directory.path + "/bulk.csv"
            try lane.writeCSV(path, count: 2_500, prefix: "bulk")
            let bulk = try await lane.journalChunks(store, account: account, campaignID: "c", path: path)
            ids["bulk-done-old"] = bulk
            let bodies = ChunkBodyFile.path(directory: store.path + ".bodies", entryID: bulk)
            let named = ids
            let bodySize = try #require(try FileManager.default.attributesOfItem(atPath: bodies)[.size] as? Int)
            try await store.pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO journalChunkOutcome (entryID, first, outcomes, created, answeredAt)
                        VALUES (?, 0, x'63', 1, ?)
                        """, arguments: [bulk, now])
                let states: [String: (JournalState, Date)] = [
                    "done-old": (.done, old), "done-new": (.done, now), "failed-old": (.failed, old),
                    "partial-old": (.partial, old), "pending-old": (.pending, old), "sending-old": (.sending, old),
                    "bulk-done-old": (.done, old),
                ]
                for (name, (state, date)) in states {
                    try db.execute(
                        sql: "UPDATE journalEntry SET state = ?, updatedAt = ? WHERE id = ?",
                        arguments: [state, date, named[name]!])
                }
                let cached = CachedContact(account: "a", campaignID: "c", contact: Contact(externalID: "kept"))
                try cached.insert(db)
            }
            let before = try await rows(store, [bulk])
            #expect(before["journalChunk"]! > 0 && before["journalReject"]! > 0 && before["journalChunkOutcome"] == 1)
            let bulkContacts = try #require(try await journal.entry(bulk)?.contactCount)

            // A dry run says what would go and removes nothing.
            let cutoff = now.addingTimeInterval(-30 * 86_400)
            let preview = try await journal.prune(before: cutoff, dryRun: true)
            #expect(preview.entryIDs == [ids["done-old"]!, bulk])
            #expect(preview.contacts == 3 + bulkContacts)
            #expect(preview.bodyBytes == Int64(bodySize))
            #expect(try await rows(store, [bulk]) == before)
            #expect(FileManager.default.fileExists(atPath: bodies))

            // Done and old: gone, rows and bodies file; every other entry stays.
            #expect(try await journal.prune(before: cutoff) == preview)
            #expect(try await rows(store, [ids["done-old"]!, bulk]).values.allSatisfy { $0 == 0 })
            #expect(!FileManager.default.fileExists(atPath: bodies))
            let left = try await store.pool.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM journalEntry ORDER BY id") }
            #expect(
                left == ["done-new", "failed-old", "partial-old", "pending-old", "sending-old"].map { ids[$0]! })

            // Failed and partial go when asked; an entry still to be sent never does, even asked.
            let settled = try await journal.prune(before: cutoff, states: Set(JournalState.allCases))
            #expect(settled.entryIDs == [ids["failed-old"]!, ids["partial-old"]!])
            let still = try await store.pool.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM journalEntry ORDER BY id") }
            #expect(still == ["done-new", "pending-old", "sending-old"].map { ids[$0]! })
            #expect(try await journal.unsettledEntries().count == 2)
            // The cache is not the journal's to prune.
            let cached = try await store.pool.read { db in try CachedContact.fetchCount(db) }
            #expect(cached == 1)
            // Nothing left to prune: an empty answer.
            #expect(try await journal.prune(before: cutoff, states: Set(JournalState.allCases)) == JournalPrune())
        }
    }
}
