import Foundation
import GRDB
import Testing

@testable import SwitchboardCore

/// The cache writes of a recorded batch (`CachedContactBatch`): the contact's JSON copied
/// from the journal, the delete of rows under other keys run only when some row matches, and
/// the journal read back by position ranges.
@Suite struct JournalCacheWriteTests {
    static let contacts: [Contact] = [
        Contact(externalID: "x-1", firstName: "Zoë", lastName: "O\"Brien 🚀", email: "Z@Example.com",
            phoneNumbers: ["+14155550100"]),
        Contact(),
        Contact(email: "only@example.com"),
        Contact(vendorID: "v-9", externalID: "x-9", firstName: "Ada"),
    ]

    @Test func theJournaledTextIsCopiedOrGetsTheVendorIDSplicedInFront() throws {
        for journaled in Self.contacts {
            let text = journaled.jsonText
            #expect(CachedContact.json(for: journaled, journaled: journaled, text: text) == text)
            var answered = journaled
            answered.vendorID = "v-\"new\"\\1"
            let json = CachedContact.json(for: answered, journaled: journaled, text: text)
            #expect(json == answered.jsonText)
            #expect(try Contact(jsonText: json) == answered)
            #expect(CachedContact.json(for: answered, journaled: journaled, text: nil) == answered.jsonText)
        }
    }

    @Test func theVendorIDMemberIsFoundByItsBytes() {
        #expect(CachedContact.mentionsVendorID(#"{"vendorID":"v"}"#))
        #expect(CachedContact.mentionsVendorID(#"{"a":1,"vendorID":null}"#))
        #expect(!CachedContact.mentionsVendorID(#"{"externalID":"xvendorID"}"#))
        #expect(!CachedContact.mentionsVendorID("{}"))
        #expect(!CachedContact.mentionsVendorID(""))
    }

    @Test func aTextWithAVendorIDMemberIsEncodedAgain() throws {
        // A journaled text from another writer, the vendor id null and not first.
        let journaled = Contact(externalID: "x")
        let text = #"{"externalID":"x","vendorID":null,"phoneNumbers":[],"data":{}}"#
        var answered = journaled
        answered.vendorID = "v"
        #expect(CachedContact.json(for: answered, journaled: journaled, text: text) == answered.jsonText)
    }

    @Test func theCacheHoldsTheJournaledBytesWithTheVendorID() async throws {
        try await withTemporaryStore { store, _ in
            let engine = SyncEngine(
                store: store, client: FakeVendorClient(maxContactsPerRequest: 7),
                settings: SyncSettings(concurrency: 2, retry: RetryPolicy(maxAttempts: 1, baseDelay: 1, maxDelay: 1)),
                environment: TestClock().environment)
            let entry = try await engine.submit(
                Change(account: "a", campaignID: "k", action: .upsert, contacts: sampleContacts(20)))
            #expect(entry.state == .done)
            let pairs = try await store.pool.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT j.contact AS journaled, j.vendorID AS vendorID, c.contact AS cached
                        FROM journalContact j JOIN contact c ON c.key = 'id:' || j.vendorID
                        WHERE j.entryID = ? ORDER BY j.position
                        """, arguments: [entry.id!])
            }
            #expect(pairs.count == 20)
            for pair in pairs {
                var contact = try Contact(jsonText: pair["journaled"])
                contact.vendorID = pair["vendorID"]
                #expect(pair["cached"] as String == contact.jsonText)
            }
        }
    }

    @Test func aRowWrittenEarlierInTheSameBatchUnderAnotherKeyIsReplaced() async throws {
        try await withTemporaryStore { store, _ in
            let first = Contact(externalID: "x", firstName: "One")
            let second = Contact(externalID: "x", firstName: "Two")
            let entry = try await store.journal.record(
                Change(account: "a", campaignID: "k", action: .upsert, contacts: [first, second]))
            let read = try await store.journal.rowsWithJSON(entry.id!, positions: [0, 1])
            #expect(read.map(\.row.contact) == [first, second])
            #expect(read.map(\.json) == [first.jsonText, second.jsonText])
            try await store.journal.record(
                [
                    ContactAnswer(row: read[0].row, result: .created, vendorID: nil, json: read[0].json),
                    ContactAnswer(row: read[1].row, result: .updated, vendorID: "v-x", json: read[1].json),
                ], of: entry, at: Date(timeIntervalSince1970: 1000))
            let cached = try await store.contactsPage(account: "a", campaignID: "k", after: nil, limit: 10)
            #expect(cached.map(\.key) == ["id:v-x"])
            #expect(cached.first?.contact.firstName == "Two")
            #expect(cached.first?.lastResult == "updated")
        }
    }

    @Test func aRowCachedBeforeUnderAnotherKeyIsReplacedAndOthersAreKept() async throws {
        try await withTemporaryStore { store, _ in
            let earlier = try await store.journal.record(
                Change(account: "a", campaignID: "k", action: .upsert, contacts: [Contact(externalID: "x")]))
            let before = try await store.journal.rowsWithJSON(earlier.id!, positions: [0])
            try await store.journal.record(
                [ContactAnswer(row: before[0].row, result: .created, json: before[0].json)], of: earlier,
                at: Date(timeIntervalSince1970: 1000))
            let entry = try await store.journal.record(
                Change(
                    account: "a", campaignID: "k", action: .upsert,
                    contacts: [Contact(externalID: "x", firstName: "B"), Contact(externalID: "y")]))
            let read = try await store.journal.rowsWithJSON(entry.id!, positions: [0, 1])
            try await store.journal.record(
                [
                    ContactAnswer(row: read[0].row, result: .upserted, vendorID: "v-x", json: read[0].json),
                    ContactAnswer(row: read[1].row, result: .failed(reason: "no"), json: read[1].json),
                ], of: entry, at: Date(timeIntervalSince1970: 2000))
            let cached = try await store.contactsPage(account: "a", campaignID: "k", after: nil, limit: 10)
            #expect(cached.map(\.key) == ["id:v-x"])
            #expect(cached.first?.contact.firstName == "B")
        }
    }

    @Test func scatteredPositionsAreReadInOrder() async throws {
        try await withTemporaryStore { store, _ in
            let contacts = sampleContacts(50)
            let entry = try await store.journal.record(
                Change(account: "a", campaignID: "k", action: .upsert, contacts: contacts))
            for positions in [[3, 4, 5], [1, 3, 4], [0, 49], [7], [], Array(0..<50)] {
                let rows = try await store.journal.rows(entry.id!, positions: positions)
                #expect(rows.map(\.position) == positions)
                #expect(rows.map(\.contact) == positions.map { contacts[$0] })
            }
        }
    }
}
