import Testing

@testable import SwitchboardCore

@Suite struct LineRunsTests {
    @Test func oneLineRowsAreOneRunHoweverMany() {
        var runs = LineRuns()
        for line in 2..<1_000_002 { runs.append(line) }
        #expect(runs.count == 1_000_000)
        #expect(runs.runCount == 1)
        #expect(runs.line(at: 0) == 2)
        #expect(runs.line(at: 999_999) == 1_000_001)
        #expect(runs.line(at: 1_000_000) == nil)
        #expect(runs.line(at: -1) == nil)
    }

    @Test func rejectedRowsAndQuotedNewlinesStartNewRuns() {
        // Lines 2-4 valid, 5 rejected, 6 valid, a row on 7-8 (quoted newline), 9 valid.
        let lines = [2, 3, 4, 6, 7, 9]
        var runs = LineRuns()
        for line in lines { runs.append(line) }
        #expect(runs.runCount == 3)
        #expect((0..<lines.count).map { runs.line(at: $0) } == lines)
    }

    @Test func emptyHasNoLines() {
        let runs = LineRuns()
        #expect(runs.count == 0)
        #expect(runs.line(at: 0) == nil)
    }
}

/// `Journal.outcomes`: the report's read, each contact's key taken by SQLite from its JSON.
@Suite struct JournalOutcomesTests {
    @Test func theKeyIsTheExternalIDElseEmailElsePhoneElseVendorID() async throws {
        try await withTemporaryStore { store, _ in
            let contacts = [
                Contact(vendorID: "v-1", externalID: "x-\"1\" 🚀", email: "a@example.com", phoneNumbers: ["+14155550100"]),
                Contact(email: "b@example.com", phoneNumbers: ["+14155550101"]),
                Contact(phoneNumbers: ["+14155550102", "+14155550103"]),
                Contact(vendorID: "v-4"),
                Contact(),
                Contact(externalID: "", email: "e@example.com"),
            ]
            let entry = try await store.journal.record(
                Change(account: "a", campaignID: "k", action: .upsert, contacts: contacts))
            let outcomes = try await store.journal.outcomes(of: entry.id!, limit: 10)
            #expect(outcomes.map(\.key) == ["x-\"1\" 🚀", "b@example.com", "+14155550102", "v-4", "", ""])
            #expect(outcomes.map(\.position) == Array(0..<6))
            #expect(outcomes.allSatisfy { $0.outcome == nil && $0.message == nil })
            // The same keys the decoded contacts give.
            let rows = try await store.journal.contacts(of: entry.id!, limit: 10)
            #expect(
                rows.map { $0.contact.externalID ?? $0.contact.email ?? $0.contact.phoneNumbers.first ?? $0.contact.vendorID ?? "" }
                    == outcomes.map(\.key))
            // Keyset paging.
            #expect(try await store.journal.outcomes(of: entry.id!, after: 3, limit: 10).map(\.position) == [4, 5])
            #expect(try await store.journal.outcomes(of: entry.id!, after: 1, limit: 2).map(\.position) == [2, 3])
        }
    }

    @Test func contactsAreJournaledInOrderAcrossMultiRowInserts() async throws {
        try await withTemporaryStore { store, _ in
            // Two full statements of `insertRows` and a short one, then an append that starts mid-way.
            let first = sampleContacts(2 * Journal.insertRows + 5)
            let entry = try await store.journal.record(Change(account: "a", campaignID: "k", action: .upsert, contacts: first))
            let more = sampleContacts(70, prefix: "m")
            try await store.journal.append(more, to: entry.id!)
            let rows = try await store.journal.contacts(of: entry.id!, limit: 1000)
            #expect(rows.map(\.position) == Array(0..<(first.count + more.count)))
            #expect(rows.map(\.contact) == first + more)
            #expect(try await store.journal.entry(entry.id!)?.contactCount == first.count + more.count)
        }
    }
}

@Suite struct KeysetPagesTests {
    @Test func everyPageInOrderThenStops() async throws {
        let rows = Array(stride(from: 0, to: 25, by: 1))
        var asked: [Int] = []
        var seen: [[Int]] = []
        try await KeysetPages.forEach(
            limit: 10,
            page: { after, limit in
                asked.append(after)
                return Array(rows.filter { $0 > after }.prefix(limit))
            }, key: { $0 }
        ) { seen.append($0) }
        #expect(seen == [Array(0..<10), Array(10..<20), Array(20..<25)])
        #expect(asked == [-1, 9, 19, 24])
    }
}
