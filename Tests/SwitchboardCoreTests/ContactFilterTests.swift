import Foundation
import GRDB
import Testing

@testable import SwitchboardCore

/// The console's contact filter in SQLite: by status word, by text over name, phones,
/// email and external id (inverted with `excludesText`), paged and counted.
@Suite struct ContactFilterTests {
    static let statuses = [
        ContactStatus(raw: "queued", normalized: .pending), ContactStatus(raw: "dialing", normalized: .active),
        ContactStatus(raw: "done", normalized: .completed), ContactStatus(raw: "no_answer", normalized: .exhausted),
    ]

    /// 40 contacts: every fourth has each status; a few with names, phones and ids to find.
    static var contacts: [Contact] {
        var contacts = (0..<40).map { index in
            Contact(
                vendorID: String(format: "v%03d", index), firstName: "Pat", lastName: "Doe\(index)",
                email: "pat\(index)@example.com", phoneNumbers: ["+1555000\(String(format: "%04d", index))"],
                status: statuses[index % 4])
        }
        contacts[3].firstName = "Ann"
        contacts[3].lastName = "Smith"
        contacts[7].phoneNumbers.append("+4930123456")
        contacts[8].externalID = "CRM-100%"
        contacts[9].email = "Ann.Other@Example.com"
        contacts[10].lastName = "O\"Brien/Ü"
        contacts[11].status = nil
        return contacts
    }

    func withContacts(_ body: (Store) async throws -> Void) async throws {
        try await withTemporaryStore { store, _ in
            try await store.saveContacts(Self.contacts, account: "acme", campaignID: "k", seenAt: Date())
            try await store.saveContacts(
                sampleContacts(5, prefix: "ann"), account: "acme", campaignID: "other", seenAt: Date())
            try await body(store)
        }
    }

    /// The vendor ids of the whole filtered list, read in windows of 7, and its count.
    func filtered(_ store: Store, _ filter: ContactFilter) async throws -> (ids: [String], count: Int) {
        var ids: [String] = []
        var offset = 0
        while true {
            var window = store.observeContacts(
                account: "acme", campaignID: "k", filter: filter, offset: offset, limit: 7
            )
            .makeAsyncIterator()
            let rows = try await window.next() ?? []
            ids += rows.compactMap(\.vendorID)
            if rows.count < 7 { break }
            offset += 7
        }
        var count = store.observeContactCount(account: "acme", campaignID: "k", filter: filter).makeAsyncIterator()
        return (ids, try await count.next() ?? -1)
    }

    @Test func statusWordsKeepTheirContactsInKeyOrder() async throws {
        try await withContacts { (store: Store) async throws in
            let result = try await filtered(store, ContactFilter(statuses: ["done"]))
            #expect(result.ids == stride(from: 2, to: 40, by: 4).map { String(format: "v%03d", $0) })
            #expect(result.count == 10)
            let two = try await filtered(store, ContactFilter(statuses: ["queued", "dialing"]))
            #expect(two.count == 20 && two.ids == two.ids.sorted())
            #expect(try await filtered(store, .all).count == 40)
            #expect(try await filtered(store, ContactFilter(statuses: [])).count == 0, "no words: no contacts")
        }
    }

    /// A window and the count of one status word are read from the status index, in key
    /// order, not by walking every cached contact of the campaign.
    @Test func oneStatusIsReadFromTheStatusIndex() async throws {
        try await withContacts { (store: Store) async throws in
            let plans = try await store.pool.read { db -> [String] in
                let request = CachedContact.all().inCampaign(account: "acme", campaignID: "k")
                    .matching(ContactFilter(statuses: ["done"]))
                var plans: [String] = []
                for prepared in [
                    try request.order(CachedContact.Columns.key).limit(7, offset: 3)
                        .makePreparedRequest(db, forSingleResult: false),
                    try request.select(SQL(sql: "COUNT(*)")).makePreparedRequest(db, forSingleResult: true),
                ] {
                    let statement = prepared.statement
                    plans.append(
                        try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + statement.sql, arguments: statement.arguments)
                            .map { $0["detail"] as String }.joined(separator: "; "))
                }
                return plans
            }
            #expect(plans.count == 2)
            for plan in plans {
                #expect(plan.contains("contact_byStatus"), "\(plan)")
                #expect(!plan.contains("TEMP B-TREE"), "\(plan)")
            }
        }
    }

    @Test func textMatchesNamePhonesEmailAndExternalIdIgnoringASCIICase() async throws {
        try await withContacts { (store: Store) async throws in
            #expect(
                try await filtered(store, ContactFilter(text: "ann smi")).ids == ["v003"], "across first and last name")
            #expect(try await filtered(store, ContactFilter(text: "ANN")).ids == ["v003", "v009"], "name or email")
            #expect(try await filtered(store, ContactFilter(text: "4930123")).ids == ["v007"], "a second phone")
            #expect(try await filtered(store, ContactFilter(text: "crm-100%")).ids == ["v008"], "% is literal")
            #expect(try await filtered(store, ContactFilter(text: "100_")).ids.isEmpty, "_ is literal")
            #expect(try await filtered(store, ContactFilter(text: "o\"brien/Ü")).ids == ["v010"], "JSON-escaped text")
            #expect(try await filtered(store, ContactFilter(text: "example.com")).count == 40)
            #expect(try await filtered(store, ContactFilter(text: "nobody")).ids.isEmpty)
        }
    }

    @Test func excludedTextAndStatusCombine() async throws {
        try await withContacts { (store: Store) async throws in
            let others = try await filtered(store, ContactFilter(text: "ann", excludesText: true))
            #expect(others.count == 38 && !others.ids.contains("v003") && !others.ids.contains("v009"))
            let both = try await filtered(store, ContactFilter(statuses: ["dialing"], text: "ann", excludesText: true))
            #expect(both.count == 9 && !both.ids.contains("v009"))
            #expect(try await filtered(store, ContactFilter(statuses: ["done"], text: "smith")).ids.isEmpty)
        }
    }

    @Test func statusesPresentComeWithTheirBucketInBucketOrder() async throws {
        try await withContacts { (store: Store) async throws in
            var statuses = store.observeContactStatuses(account: "acme", campaignID: "k").makeAsyncIterator()
            #expect(try await statuses.next() == Self.statuses)
            try await store.saveContacts(
                [Contact(vendorID: "z", status: ContactStatus(raw: "bounced", normalized: .failed))], account: "acme",
                campaignID: "k", seenAt: Date())
            #expect(try await statuses.next() == Self.statuses + [ContactStatus(raw: "bounced", normalized: .failed)])
        }
    }

    @Test func theCountFollowsChanges() async throws {
        try await withContacts { (store: Store) async throws in
            var count = store.observeContactCount(
                account: "acme", campaignID: "k", filter: ContactFilter(text: "smith")
            )
            .makeAsyncIterator()
            #expect(try await count.next() == 1)
            try await store.saveContacts(
                [Contact(vendorID: "new", firstName: "Jo", lastName: "Smithers")], account: "acme", campaignID: "k",
                seenAt: Date())
            #expect(try await count.next() == 2)
        }
    }
}
