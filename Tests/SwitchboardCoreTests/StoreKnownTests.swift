import Foundation
import Testing

@testable import SwitchboardCore

/// `Store.cached`: which contacts of a batch the campaign's cache holds, matched as the
/// cache writes match (any key, vendor id, external id), one query per chunk.
@Suite struct StoreKnownTests {
    @Test func matchesByEveryKeyAndOnlyInTheCampaign() async throws {
        try await withTemporaryStore { store, _ in
            try await store.saveContacts(
                [
                    Contact(vendorID: "v-1", externalID: "e-1"),
                    Contact(email: "Ann@Example.com"),
                    Contact(phoneNumbers: ["+14155550100"]),
                ], account: "a", campaignID: "c", seenAt: Date())
            try await store.saveContacts([Contact(externalID: "other")], account: "a", campaignID: "d", seenAt: Date())
            let asked = [
                Contact(externalID: "e-1"),  // by external id (cached under its vendor id)
                Contact(vendorID: "v-1"),  // by vendor id
                Contact(email: "ann@example.com"),  // by email key, case-folded
                Contact(externalID: "new", phoneNumbers: ["+14155550100"]),  // by phone key
                Contact(externalID: "other"),  // cached in another campaign only
                Contact(email: "nobody@example.com"),
                Contact(),
            ]
            #expect(try await store.cached(asked, account: "a", campaignID: "c") == [true, true, true, true, false, false, false])
            #expect(try await store.cached(asked, account: "b", campaignID: "c") == Array(repeating: false, count: 7))
            #expect(try await store.cached([], account: "a", campaignID: "c") == [])
        }
    }

    @Test func largeBatchesAreAskedInChunks() async throws {
        try await withTemporaryStore { store, _ in
            let contacts = sampleContacts(1500)
            try await store.saveContacts(Array(contacts[0..<700]), account: "a", campaignID: "c", seenAt: Date())
            let flags = try await store.cached(contacts, account: "a", campaignID: "c")
            #expect(flags == (0..<1500).map { $0 < 700 })
        }
    }

    @Test func aFullChunkOfContactsWithEveryKeyFillsEverySlot() async throws {
        try await withTemporaryStore { store, _ in
            // 1000 contacts with a vendor id, external id, email and phone: four keys each,
            // every key slot of a 500-contact chunk used.
            let contacts = sampleContacts(1000).enumerated().map { index, contact in
                var contact = contact
                contact.vendorID = "v-\(index)"
                return contact
            }
            // Cached under one kind of key each (the sample phones are all different).
            try await store.saveContacts(
                [Contact(vendorID: "v-3"), Contact(externalID: "c-498"), Contact(phoneNumbers: [contacts[499].phoneNumbers[0]]),
                 Contact(email: "c999@example.com")],
                account: "a", campaignID: "c", seenAt: Date())
            let flags = try await store.cached(contacts, account: "a", campaignID: "c")
            #expect(flags.indices.filter { flags[$0] } == [3, 498, 499, 999])
        }
    }
}
