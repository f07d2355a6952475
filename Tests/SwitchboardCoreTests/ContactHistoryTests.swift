import Foundation
import Testing

@testable import SwitchboardCore

/// A contact's history from the journal: every row that touched it, matched by vendor id
/// (sent or answered), external id, or email for a contact known by nothing stronger.
@Suite struct ContactHistoryTests {
    let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    /// Journals `contacts` in a change and answers each with `results` (nil: leave unanswered).
    @discardableResult
    func send(
        _ store: Store, _ contacts: [Contact], action: ChangeAction = .upsert, campaignID: String = "k",
        account: String = "acme", results: [(UpsertOutcome.Result, String?)?], at date: Date
    ) async throws -> Int64 {
        let entry = try await store.journal.record(
            Change(account: account, campaignID: campaignID, action: action, contacts: contacts), at: date)
        let rows = try await store.journal.contacts(of: entry.id!, limit: 100)
        let answers = zip(rows, results).compactMap { row, result in
            result.map { ContactAnswer(row: row, result: $0.0, vendorID: $0.1) }
        }
        if !answers.isEmpty {
            _ = try await store.journal.beginSending(entry.id!, at: date)
            try await store.journal.record(answers, of: entry, at: date.addingTimeInterval(1))
            if answers.count == contacts.count {
                _ = try await store.journal.settle(entry.id!, reason: nil, at: date.addingTimeInterval(1))
            }
        }
        return entry.id!
    }

    @Test func everyRowThatTouchedTheContactNewestFirst() async throws {
        try await withTemporaryStore { store, _ in
            let ann = Contact(externalID: "crm-1", firstName: "Ann", email: "ann@example.com")
            let bob = Contact(externalID: "crm-2", firstName: "Bob")
            // Sent by external id; the vendor's answer gives the vendor id the cache keys it by.
            let first = try await send(store, [bob, ann], results: [(.created, "v2"), (.created, "v1")], at: t0)
            // Sent by vendor id only, refused with the vendor's words.
            let second = try await send(
                store, [Contact(vendorID: "v1", lastName: "Lee")],
                results: [(.failed(reason: "phone \u{1B}[31minvalid"), nil)], at: t0.addingTimeInterval(60))
            // Still pending; and the same external id in another campaign and another account.
            let third = try await send(store, [ann], action: .remove, results: [nil], at: t0.addingTimeInterval(120))
            try await send(store, [ann], campaignID: "elsewhere", results: [(.created, "v9")], at: t0)
            try await send(store, [ann], account: "other", results: [(.created, "v9")], at: t0)

            let cached = try await store.contactsPage(account: "acme", campaignID: "k", after: nil, limit: 10)
            let row = try #require(cached.first { $0.externalID == "crm-1" })
            #expect(row.key == "id:v1" && row.keys == ["id:v1", "ext:crm-1", "email:ann@example.com"])
            let history = try await store.journal.history(account: "acme", campaignID: "k", keys: row.keys, limit: 50)
            #expect(history.map(\.entryID) == [third, second, first])
            #expect(history.map(\.action) == [.remove, .upsert, .upsert])
            #expect(history.map(\.state) == [.pending, .failed, .done])
            #expect(history.map(\.outcome) == [nil, "failed", "created"])
            #expect(history[1].message == "phone \u{1B}[31minvalid")
            #expect(
                history[2].position == 1 && history[2].recordedAt == t0
                    && history[2].answeredAt == t0.addingTimeInterval(1))
            #expect(
                try await store.journal.history(account: "acme", campaignID: "k", keys: row.keys, limit: 2).count == 2)
        }
    }

    @Test func aContactKnownOnlyByEmailMatchesByEmailIgnoringCase() async throws {
        try await withTemporaryStore { store, _ in
            let id = try await send(
                store, [Contact(email: "Zoë@Example.com"), Contact(email: "someone@example.com")],
                results: [(.ignored(reason: "not in campaign"), nil), nil], at: t0)
            let keys = CachedContact(account: "acme", campaignID: "k", contact: Contact(email: "zoë@example.com")).keys
            let history = try await store.journal.history(account: "acme", campaignID: "k", keys: keys, limit: 10)
            #expect(history.map(\.entryID) == [id] && history.first?.outcome == "ignored")
            #expect(history.first?.message == "not in campaign")
        }
    }

    @Test func theHistoryFollowsTheJournal() async throws {
        try await withTemporaryStore { store, _ in
            let contact = Contact(externalID: "crm-7")
            var history = store.journal.observeHistory(account: "acme", campaignID: "k", keys: ["ext:crm-7"], limit: 10)
                .makeAsyncIterator()
            #expect(try await history.next() == [])
            try await send(store, [contact], results: [nil], at: t0)
            #expect(try await history.next()?.map(\.outcome) == [nil])
        }
    }
}
