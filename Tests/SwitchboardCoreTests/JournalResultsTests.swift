import Foundation
import Testing

@testable import SwitchboardCore

/// The results view's reads: counts by outcome, a page of all or only failed contacts,
/// and the failed ones by keyset (what retry and export read).
@Suite struct JournalResultsTests {
    let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func countsAndPagesOfAnEntrysContacts() async throws {
        try await withTemporaryStore { store, _ in
            let contacts = sampleContacts(7)
            let entry = try await store.journal.record(
                Change(account: "acme", campaignID: "k", action: .upsert, contacts: contacts), at: t0)
            let rows = try await store.journal.contacts(of: entry.id!, limit: 100)
            let results: [UpsertOutcome.Result] = [
                .created, .failed(reason: "bad phone"), .updated, .failed(reason: "opted out"), .created,
                .ignored(reason: nil), .failed(reason: "duplicate"),
            ]
            _ = try await store.journal.beginSending(entry.id!, at: t0)
            try await store.journal.record(
                zip(rows, results).map { ContactAnswer(row: $0, result: $1) }, of: entry, at: t0)
            _ = try await store.journal.settle(entry.id!, reason: nil, at: t0)

            let page = try #require(try await store.journal.results(of: entry.id!, filter: .all, offset: 2, limit: 3))
            #expect(page.entry.state == .partial)
            #expect(page.counts == ["created": 2, "updated": 1, "failed": 3, "ignored": 1])
            #expect(page.rows.map(\.position) == [2, 3, 4])
            let failed = try #require(try await store.journal.results(of: entry.id!, filter: .failed, offset: 1, limit: 5))
            #expect(failed.rows.map(\.position) == [3, 6])
            #expect(failed.rows.map(\.message) == ["opted out", "duplicate"])

            let first = try await store.journal.failedContacts(of: entry.id!, limit: 2)
            #expect(first.map(\.position) == [1, 3])
            let rest = try await store.journal.failedContacts(of: entry.id!, after: 3, limit: 2)
            #expect(rest.map(\.contact) == [contacts[6]])
            #expect(try await store.journal.results(of: 999, filter: .all, offset: 0, limit: 5) == nil)
        }
    }

    @Test func anyreachAgentOverridesTravelAsColumnsAndComeBackInData() throws {
        let contact = Contact(
            firstName: "Ann", phoneNumbers: ["+14155550100"],
            data: ["agent_id": .string("ag_1"), "initial_context": .string("VIP"), "tier": .string("gold")])
        let input = AnyreachContactInput(neutral: contact)
        #expect(input.agentID == "ag_1" && input.initialContext == "VIP")
        #expect(input.data == ["tier": .string("gold"), "first_name": .string("Ann")])
    }
}
