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
}
