import Foundation
import GRDB
import Testing

@testable import SwitchboardCore

/// The per-campaign count of cached contacts that triggers keep (migration "v9 contact
/// tally"), and the windows read from the end with it.
@Suite struct ContactTallyTests {
    /// The tally and a real count, per campaign.
    func counts(_ store: Store) async throws -> (tally: [String: Int], rows: [String: Int]) {
        try await store.pool.read { db in
            let tally = try Row.fetchAll(db, sql: "SELECT account || '/' || campaignID AS c, n FROM contactTally")
            let rows = try Row.fetchAll(
                db, sql: "SELECT account || '/' || campaignID AS c, COUNT(*) AS n FROM contact GROUP BY account, campaignID")
            func map(_ rows: [Row]) -> [String: Int] {
                Dictionary(uniqueKeysWithValues: rows.compactMap { row in
                    let n: Int = row["n"]
                    return n == 0 ? nil : (row["c"] as String, n)
                })
            }
            return (map(tally), map(rows))
        }
    }

    @Test func theTallyFollowsEveryWayContactsAreWritten() async throws {
        try await withTemporaryStore { store, _ in
            let date = Date(timeIntervalSince1970: 1_800_000_000)
            var contacts = sampleContacts(30)
            try await store.saveContacts(contacts, account: "acme", campaignID: "a", seenAt: date)
            try await store.saveContacts(sampleContacts(5), account: "acme", campaignID: "b", seenAt: date)
            try await store.saveContacts(sampleContacts(7), account: "other", campaignID: "a", seenAt: date)
            var (tally, rows) = try await counts(store)
            #expect(tally == ["acme/a": 30, "acme/b": 5, "other/a": 7] && tally == rows)

            // Seen again (an update), and seen with a vendor id (a new key: its old row goes).
            for index in 0..<10 { contacts[index].vendorID = "v-\(index)" }
            try await store.saveContacts(contacts, account: "acme", campaignID: "a", seenAt: date)
            (tally, rows) = try await counts(store)
            #expect(tally["acme/a"] == 30 && tally == rows)

            // Removed one at a time, and answers noted on rows that stay.
            let seen = contacts
            try await store.pool.write { db in
                for contact in seen.prefix(4) {
                    try CachedContact.delete(contact, account: "acme", campaignID: "a", db)
                }
                try CachedContact.noteAnswer(
                    seen[20], result: "failed", message: "no", at: date, account: "acme", campaignID: "a", db)
            }
            (tally, rows) = try await counts(store)
            #expect(tally["acme/a"] == 26 && tally == rows)

            // Rows moved to another campaign, and a whole campaign dropped.
            try await store.pool.write { db in
                try db.execute(sql: "UPDATE contact SET campaignID = 'c' WHERE account = 'acme' AND campaignID = 'b'")
                try db.execute(sql: "DELETE FROM contact WHERE account = 'other'")
            }
            (tally, rows) = try await counts(store)
            #expect(tally == ["acme/a": 26, "acme/c": 5] && tally == rows)
        }
    }

    @Test func aWindowReadFromTheEndIsTheWindowReadFromTheStart() async throws {
        try await withTemporaryStore { store, _ in
            try await store.saveContacts(sampleContacts(37), account: "acme", campaignID: "a", seenAt: Date())
            try await store.pool.read { db in
                for limit in [1, 5, 10, 40] {
                    for offset in 0...42 {
                        let read = try Store.contacts(
                            account: "acme", campaignID: "a", filter: .all, offset: offset, limit: limit, db)
                        let plain = try CachedContact.all().inCampaign(account: "acme", campaignID: "a")
                            .order(CachedContact.Columns.key).limit(limit, offset: offset).fetchAll(db)
                        #expect(read == plain, "offset \(offset) limit \(limit)")
                    }
                }
                #expect(try Store.contacts(account: "acme", campaignID: "none", filter: .all, offset: 5, limit: 5, db).isEmpty)
            }
        }
    }

    @Test func theCountIsObservedThroughTheTally() async throws {
        try await withTemporaryStore { store, _ in
            var seen: [Int] = []
            for try await count in store.observeContactCount(account: "acme", campaignID: "a") {
                seen.append(count)
                if count == 0 {
                    try await store.saveContacts(sampleContacts(3), account: "acme", campaignID: "a", seenAt: Date())
                } else if count == 3 {
                    try await store.pool.write { db in try db.execute(sql: "DELETE FROM contact WHERE key LIKE 'ext:c-1%'") }
                } else {
                    break
                }
            }
            #expect(seen == [0, 3, 2])
        }
    }

    @Test func aStoreFromV8IsTalliedWhenMigrated() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/" + Store.fileName
        let old = try DatabasePool(path: path)
        try StoreMigrations.migrator.migrate(old, upTo: "v8 import rejected row fields")
        try await old.write { db in
            for index in 0..<12 {
                try db.execute(
                    sql: "INSERT INTO contact (account, campaignID, key, contact) VALUES ('acme', ?, ?, '{}')",
                    arguments: [index < 9 ? "a" : "b", "ext:\(index)"])
            }
        }
        try old.close()
        let store = try Store.open(path: path)
        let (tally, rows) = try await counts(store)
        #expect(tally == ["acme/a": 9, "acme/b": 3] && tally == rows)
    }
}
