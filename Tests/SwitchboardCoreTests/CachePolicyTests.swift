import Foundation
import GRDB
import Testing

@testable import SwitchboardCore

/// Which sent contacts the sync engine caches (`SyncEngine.cachesNewContacts`): every one
/// where the store is the record (no listing route), or where the change fits one request;
/// for a bulk change to a vendor that lists contacts, only those the cache already holds.
@Suite struct CachePolicyTests {
    static let settings = SyncSettings(concurrency: 2, retry: RetryPolicy(maxAttempts: 1, baseDelay: 1, maxDelay: 1))

    static func cached(_ store: Store) async throws -> [CachedContact] {
        try await store.pool.read { db in try CachedContact.order(Column("key")).fetchAll(db) }
    }

    @Test func aBulkChangeToAListingVendorKeepsHeldRowsCurrentAndAddsNoOthers() async throws {
        try await withTemporaryStore { store, _ in
            // Three of the twenty were listed before, one of them by its vendor id only.
            var listed = Array(sampleContacts(3))
            listed[2].vendorID = "v-c-2"
            listed[2].externalID = nil
            listed = listed.map { var old = $0; old.firstName = "Old"; return old }
            try await store.saveContacts(listed, account: "a", campaignID: "k", seenAt: Date())
            let engine = SyncEngine(
                store: store, client: FakeVendorClient(maxContactsPerRequest: 7, lists: true), settings: Self.settings,
                environment: TestClock().environment)
            var contacts = sampleContacts(20)
            contacts[2].vendorID = "v-c-2"
            let entry = try await engine.submit(Change(account: "a", campaignID: "k", action: .upsert, contacts: contacts))
            #expect(entry.state == .done)
            #expect(entry.answeredCount == 20)

            let rows = try await Self.cached(store)
            #expect(rows.map(\.externalID).sorted { ($0 ?? "") < ($1 ?? "") } == ["c-0", "c-1", "c-2"])
            for row in rows {
                #expect(row.contact.firstName?.hasPrefix("First") == true)
                #expect(row.lastResult == "created")  // the vendor did not have them
                #expect(row.lastSentAt != nil)
                #expect(row.vendorID?.hasPrefix("v-c-") == true)
            }
            // The journal keeps every contact's outcome all the same.
            let journaled = try await store.journal.contacts(of: entry.id!, limit: 100)
            #expect(journaled.count == 20)
            #expect(journaled.allSatisfy { $0.outcome == "created" || $0.outcome == "updated" })
        }
    }

    @Test func aChangeThatFitsOneRequestIsCachedWhole() async throws {
        try await withTemporaryStore { store, _ in
            let engine = SyncEngine(
                store: store, client: FakeVendorClient(maxContactsPerRequest: 7, lists: true), settings: Self.settings,
                environment: TestClock().environment)
            let entry = try await engine.submit(
                Change(account: "a", campaignID: "k", action: .upsert, contacts: sampleContacts(7)))
            #expect(entry.state == .done)
            let rows = try await Self.cached(store)
            #expect(rows.count == 7)
            #expect(rows.allSatisfy { $0.lastResult == "created" && $0.vendorID != nil })
        }
    }

    @Test func whereTheStoreIsTheRecordABulkChangeIsCachedWhole() async throws {
        try await withTemporaryStore { store, _ in
            let engine = SyncEngine(
                store: store, client: FakeVendorClient(maxContactsPerRequest: 7), settings: Self.settings,
                environment: TestClock().environment)
            let entry = try await engine.submit(
                Change(account: "a", campaignID: "k", action: .upsert, contacts: sampleContacts(20)))
            #expect(entry.state == .done)
            #expect(try await Self.cached(store).count == 20)
        }
    }

    @Test func aBulkRemoveStillDropsTheRowsItRemoved() async throws {
        try await withTemporaryStore { store, _ in
            let client = FakeVendorClient(maxContactsPerRequest: 7, lists: true)
            let engine = SyncEngine(
                store: store, client: client, settings: Self.settings, environment: TestClock().environment)
            let contacts = sampleContacts(20)
            _ = try await engine.submit(Change(account: "a", campaignID: "k", action: .upsert, contacts: contacts))
            try await store.saveContacts(Array(contacts.prefix(5)), account: "a", campaignID: "k", seenAt: Date())
            #expect(try await Self.cached(store).count == 5)
            let removed = try await engine.submit(
                Change(account: "a", campaignID: "k", action: .remove, contacts: contacts))
            #expect(removed.state == .done)
            #expect(try await Self.cached(store).isEmpty)
        }
    }
}
