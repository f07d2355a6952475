import Foundation
import GRDB
import Testing

@testable import SwitchboardCore

/// The store on a temporary database: location, file modes, migrations, durability,
/// observation and paging.
@Suite struct StoreTests {
    @Test func dataDirectoryFollowsTheEnvironment() {
        #expect(
            DataDirectory.path(environment: ["SWITCHBOARD_DATA": "/d", "XDG_DATA_HOME": "/x", "HOME": "/h"]) == "/d")
        #expect(DataDirectory.path(environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"]) == "/x/switchboard")
        #expect(
            DataDirectory.path(environment: ["SWITCHBOARD_DATA": "", "HOME": "/h"]) == "/h/.local/share/switchboard")
    }

    @Test func migrationsCreateTheNamedTables() async throws {
        try await withTemporaryStore { store, _ in
            let (applied, tables) = try await store.pool.read { db in
                (
                    try StoreMigrations.migrator.appliedIdentifiers(db).sorted(),
                    try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                )
            }
            #expect(applied == ["v1 cache", "v1 journal", "v10 journal chunks", "v11 import rejects per JSON contact", "v12 journal chunk bodies in files", "v13 contacts by status", "v14 chunk keys front-coded", "v2 contact lookups", "v3 campaign drafts", "v4 settings changes", "v5 import rejects", "v6 import source", "v7 import rejected rows", "v8 import rejected row fields", "v9 contact tally"])
            #expect(tables.isSuperset(of: ["campaign", "contact", "statsSample", "journalEntry", "journalContact", "journalReject", "contactTally", "journalChunk", "journalChunkOutcome"]))
        }
    }

    @Test func reopeningKeepsDataAndMigratesNothingTwice() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try Store.open(directory: directory.path)
        try await first.journal.record(
            Change(account: "a", campaignID: "c", action: .upsert, contacts: sampleContacts(3)))
        let second = try Store.open(directory: directory.path)
        #expect(try await second.journal.unsettledEntries().map(\.contactCount) == [3])
    }

    @Test func aFileMadeWithSmallerPagesKeepsThemAndOpens() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/old.sqlite"
        do {
            let old = try DatabaseQueue(path: path)
            try await old.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA page_size = 4096")
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "CREATE TABLE earlier (x)")
            }
        }
        let store = try Store.open(path: path)
        try await store.journal.record(
            Change(account: "a", campaignID: "c", action: .upsert, contacts: sampleContacts(2)))
        let pageSize = try await store.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") }
        #expect(pageSize == 4096)
        #expect(try await store.journal.unsettledEntries().map(\.contactCount) == [2])
    }

    @Test func filesArePrivateAndTheJournalIsDurable() async throws {
        try await withTemporaryStore { store, directory in
            try await store.journal.record(
                Change(account: "a", campaignID: "c", action: .upsert, contacts: sampleContacts(2)))
            func mode(_ path: String) throws -> Int {
                try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! Int
            }
            #expect(try mode(directory.path + "/data") == 0o700)
            for suffix in ["", "-wal", "-shm"] {
                #expect(FileManager.default.fileExists(atPath: store.path + suffix), "\(suffix)")
                #expect(try mode(store.path + suffix) == 0o600, "\(suffix)")
            }
            let (journalMode, synchronous, pageSize) = try await store.pool.writeWithoutTransaction { db in
                (
                    try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"),
                    try Int.fetchOne(db, sql: "PRAGMA page_size")
                )
            }
            #expect(journalMode == "wal")
            #expect(synchronous == 2)  // FULL
            #expect(pageSize == Store.pageSize)
        }
    }

    @Test func observationDeliversChanges() async throws {
        try await withTemporaryStore { store, _ in
            let start = Date(timeIntervalSince1970: 1_700_000_000)
            var campaigns = store.observeCampaigns(account: "acme").makeAsyncIterator()
            #expect(try await campaigns.next() == [])
            try await store.saveCampaigns(
                [Campaign(id: "2", name: "Spring", state: .active), Campaign(id: "1", name: "Autumn", state: .paused)],
                account: "acme", seenAt: start)
            var names: [String] = []
            while names.isEmpty { names = try await campaigns.next()?.map(\.name) ?? ["ended"] }
            #expect(names == ["Autumn", "Spring"])

            var samples = store.observeStats(account: "acme", campaignID: "1", limit: 2).makeAsyncIterator()
            #expect(try await samples.next() == [])
            for (offset, total) in [5, 7, 9].enumerated() {
                try await store.recordStats(
                    StatusCounts(total: total, byStatus: [.pending: total]), account: "acme", campaignID: "1",
                    takenAt: start + Double(offset))
            }
            var latest: [Int] = []
            while latest != [7, 9] { latest = try await samples.next()?.map(\.total) ?? [] }
            #expect(latest == [7, 9])
        }
    }

    @Test func contactsPageFromSQLite() async throws {
        try await withTemporaryStore { store, _ in
            let contacts = sampleContacts(25)
            try await store.saveContacts(contacts, account: "acme", campaignID: "k", seenAt: Date())
            var keys: [String] = []
            var after: String?
            while true {
                let page = try await store.contactsPage(account: "acme", campaignID: "k", after: after, limit: 10)
                if page.isEmpty { break }
                #expect(page.count <= 10)
                keys += page.map(\.key)
                after = page.last?.key
            }
            #expect(keys == contacts.map { "ext:" + $0.externalID! }.sorted())

            var window = store.observeContacts(account: "acme", campaignID: "k", offset: 20, limit: 10)
                .makeAsyncIterator()
            #expect(try await window.next()?.map(\.key) == Array(keys[20...]))
            var count = store.observeContactCount(account: "acme", campaignID: "k").makeAsyncIterator()
            #expect(try await count.next() == 25)
        }
    }

    @Test func aVendorIDReplacesTheRowCachedUnderTheExternalID() async throws {
        try await withTemporaryStore { store, _ in
            var contact = sampleContacts(1)[0]
            try await store.saveContacts([contact], account: "a", campaignID: "k", seenAt: Date())
            contact.vendorID = "v-1"
            try await store.saveContacts([contact], account: "a", campaignID: "k", seenAt: Date())
            let rows = try await store.contactsPage(account: "a", campaignID: "k", after: nil, limit: 10)
            #expect(rows.map(\.key) == ["id:v-1"])
            #expect(rows.first?.contact.externalID == "c-0")
        }
    }
}
