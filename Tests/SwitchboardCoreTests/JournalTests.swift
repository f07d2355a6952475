import Foundation
import Testing

@testable import SwitchboardCore

/// The journal on a temporary database: entries, idempotency keys, appends, paging.
@Suite struct JournalTests {
    @Test func recordsAPendingEntryWithItsContacts() async throws {
        try await withTemporaryStore { store, _ in
            let at = Date(timeIntervalSince1970: 1_700_000_000)
            let entry = try await store.journal.record(
                Change(
                    account: "acme", campaignID: "spring", action: .upsert, contacts: sampleContacts(3),
                    idempotencyKey: "k1"),
                at: at)
            #expect(entry.id != nil)
            #expect(entry.state == .pending)
            #expect(entry.attempts == 0)
            #expect(entry.contactCount == 3)
            #expect(entry.createdAt == at)
            let rows = try await store.journal.contacts(of: entry.id!, limit: 10)
            #expect(rows.map(\.position) == [0, 1, 2])
            #expect(rows.map(\.contact) == sampleContacts(3))
            #expect(rows.allSatisfy { $0.outcome == nil })
        }
    }

    @Test func theSameIdempotencyKeyIsRecordedOnce() async throws {
        try await withTemporaryStore { store, _ in
            let change = Change(
                account: "acme", campaignID: "spring", action: .upsert, contacts: sampleContacts(2),
                idempotencyKey: "same")
            let first = try await store.journal.record(change)
            let second = try await store.journal.record(change)
            #expect(first.id == second.id)
            #expect(try await store.journal.unsettledEntries().count == 1)
            #expect(try await store.journal.contacts(of: first.id!, limit: 10).count == 2)
        }
    }

    @Test func appendsGrowAPendingEntryOnly() async throws {
        try await withTemporaryStore { store, _ in
            let entry = try await store.journal.record(
                Change(account: "a", campaignID: "c", action: .upsert, contacts: sampleContacts(2)))
            try await store.journal.append(sampleContacts(3, prefix: "more"), to: entry.id!)
            let rows = try await store.journal.contacts(of: entry.id!, after: 1, limit: 10)
            #expect(rows.map(\.position) == [2, 3, 4])
            #expect(rows.first?.contact.externalID == "more-0")
            #expect(try await store.journal.entry(entry.id!)?.contactCount == 5)

            _ = try await store.journal.beginSending(entry.id!, at: Date())
            await #expect(throws: JournalError.notPending(entry.id!, .sending)) {
                try await store.journal.append(sampleContacts(1), to: entry.id!)
            }
        }
    }

    @Test func unsettledEntriesArePendingOrSendingForTheAccount() async throws {
        try await withTemporaryStore { store, _ in
            let a = try await store.journal.record(Change(account: "a", campaignID: "c", action: .pause))
            let b = try await store.journal.record(
                Change(account: "b", campaignID: "c", action: .upsert, contacts: sampleContacts(1)))
            let c = try await store.journal.record(Change(account: "a", campaignID: "c", action: .start))
            _ = try await store.journal.beginSending(b.id!, at: Date())
            _ = try await store.journal.settle(c.id!, reason: nil, at: Date())
            #expect(try await store.journal.unsettledEntries().map(\.id) == [a.id, b.id])
            #expect(try await store.journal.unsettledEntries(account: "a").map(\.id) == [a.id])
            #expect(try await store.journal.entry(c.id!)?.state == .done)
        }
    }

    @Test func settledStateFollowsTheCounts() {
        #expect(JournalState.settled(contactCount: 10, failedCount: 0, reason: nil) == .done)
        #expect(JournalState.settled(contactCount: 10, failedCount: 3, reason: "HTTP 500") == .partial)
        #expect(JournalState.settled(contactCount: 10, failedCount: 10, reason: nil) == .failed)
        #expect(JournalState.settled(contactCount: 0, failedCount: 0, reason: nil) == .done)
        #expect(JournalState.settled(contactCount: 0, failedCount: 0, reason: "HTTP 400: closed") == .failed)
    }

    @Test func outcomeWordsRoundTrip() {
        let results: [UpsertOutcome.Result] = [
            .created, .updated, .upserted, .removed, .ignored(reason: "exists"), .ignored(reason: nil),
            .failed(reason: "bad phone"),
        ]
        for result in results {
            #expect(UpsertOutcome.Result(word: result.word, message: result.reason) == result)
        }
    }
}
