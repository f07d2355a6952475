import Foundation
import SwitchboardCore
import Testing

/// A file streamed into one journal entry batch by batch, and the dry run's prediction
/// from the same stream (what the CLI's upsert and the console's import share).
@Suite struct ImportJournalingTests {
    /// 25 rows; rows 5 and 17 have a bad email, row 9 a bad phone; crm-2 is cached.
    static let csv: String = {
        var text = "external_id,email,phone\n"
        for row in 1...25 {
            let email = [5, 17].contains(row) ? "nobody@@example" : "p\(row)@example.com"
            let phone = row == 9 ? "12" : "+1415555\(1000 + row)"
            text += "crm-\(row),\(email),\(phone)\n"
        }
        return text
    }()

    func source() throws -> ContactImport {
        var options = ImportOptions(vendor: .anyreach, defaultCountryCode: "+1")
        options.batchSize = 10
        return try ContactImport(path: ImportFixture.file(Self.csv), options: options)
    }

    @Test func aDryRunPredictsFromTheCacheAndJournalsNothing() async throws {
        try await withTemporaryStore { store, _ in
            try await store.saveContacts(
                [Contact(externalID: "crm-2", phoneNumbers: ["+14155551002"])], account: "acme", campaignID: "k",
                seenAt: Date())
            var prediction = ImportPrediction(keep: 2)
            let change = Change(account: "acme", campaignID: "k", action: .upsert)
            let id = try await store.journalImport(try source(), as: change, dryRun: true) { batch, cached, entryID in
                #expect(entryID == nil)
                prediction.add(batch, cached: cached, action: .upsert)
            }
            #expect(id == nil)
            #expect(try await store.journal.unsettledEntries().isEmpty)
            #expect(prediction.counts == [.created: 21, .updated: 1])
            #expect(prediction.valid == 22)
            #expect(prediction.rejected == 3)
            #expect(prediction.firstRejects.map(\.line) == [6, 10], "the first two kept, with their file lines")
            #expect(prediction.firstRejects.map(\.column) == ["email", "phone"])
        }
    }

    @Test func aRowWithSeveralProblemsIsOneRejectedRow() throws {
        let problems = [
            ImportProblem(file: "f.csv", line: 2, column: "phone", reason: "bad"),
            ImportProblem(file: "f.csv", line: 2, column: "email", reason: "bad"),
            ImportProblem(file: "f.csv", line: 5, column: "email", reason: "bad"),
        ]
        let batch = ImportBatch(contacts: [Contact(externalID: "x")], rowNumbers: [3], problems: problems)
        #expect(batch.rejectedRows == 2)
        var prediction = ImportPrediction(keep: 50)
        prediction.add(batch, cached: [false], action: .upsert)
        #expect(prediction.rejected == 2)
        #expect(prediction.problemCount == 3)
        #expect(prediction.firstRejects.count == 3, "every problem is kept to show why")
    }

    @Test func theFileGoesIntoOnePendingEntryBatchByBatch() async throws {
        try await withTemporaryStore { store, _ in
            var seen: [(contacts: Int, problems: Int, entryID: Int64?)] = []
            let change = Change(account: "acme", campaignID: "k", action: .updateOnly, partial: true)
            let id = try await store.journalImport(try source(), as: change) { batch, cached, entryID in
                #expect(cached.count == batch.contacts.count)
                seen.append((batch.contacts.count, batch.problems.count, entryID))
            }
            let entryID = try #require(id)
            #expect(seen.map(\.contacts) == [10, 10, 2])
            #expect(seen.map(\.problems).reduce(0, +) == 3)
            #expect(seen.allSatisfy { $0.entryID == entryID }, "each batch is journaled before it is reported")
            let entry = try #require(try await store.journal.entry(entryID))
            #expect(entry.state == .pending)
            #expect(entry.contactCount == 22)
            #expect(entry.action == .updateOnly && entry.partial)
            let rows = try await store.journal.contacts(of: entryID, limit: 100)
            #expect(rows.map(\.position) == Array(0..<22))
            #expect(rows.first?.contact.externalID == "crm-1")
            #expect(!rows.contains { ["crm-5", "crm-9", "crm-17"].contains($0.contact.externalID) })
            // The rejected rows are kept on the entry, so its results count them after a restart.
            #expect(entry.rejectedCount == 3)
            let results = try #require(try await store.journal.results(of: entryID, filter: .all, offset: 0, limit: 5))
            #expect(results.counts["rejected"] == 3)
        }
    }

    @Test func theEntryKeepsTheFileItImported() async throws {
        try await withTemporaryStore { store, _ in
            let change = Change(account: "acme", campaignID: "k", action: .upsert)
            let id = try #require(
                try await store.journalImport(try source(), as: change, sourcePath: "/home/op/leads/spring.csv") { _, _, _ in })
            #expect(try await store.journal.entry(id)?.sourcePath == "/home/op/leads/spring.csv")
            let another = Change(account: "acme", campaignID: "k", action: .upsert)  // its own idempotency key
            let none = try #require(try await store.journalImport(try source(), as: another) { _, _, _ in })
            #expect(none != id)
            #expect(try await store.journal.entry(none)?.sourcePath == nil)
        }
    }

    @Test func failedContactsAreExportedNextToTheImportedFile() {
        let next = FailureExport.path(
            entryID: 7, sourcePath: "/home/op/leads/spring.csv", dataDirectory: "/data", stamp: 100) { _ in true }
        #expect(next == "/home/op/leads/spring-failed-journal-7-100.csv")
        let unwritable = FailureExport.path(
            entryID: 7, sourcePath: "/readonly/spring.csv", dataDirectory: "/data", stamp: 100) { _ in false }
        #expect(unwritable == "/data/exports/failed-journal-7-100.csv")
        let noFile = FailureExport.path(entryID: 8, sourcePath: nil, dataDirectory: "/data", stamp: 5) { _ in true }
        #expect(noFile == "/data/exports/failed-journal-8-5.csv")
    }

    @Test func rejectsBeforeTheFirstValidRowWaitForTheEntry() async throws {
        try await withTemporaryStore { store, _ in
            let csv = "external_id,phone,email\nbad-1,12,\nbad-2,,nope\nok-1,+14155550101,\n"
            var options = ImportOptions(vendor: .anyreach, defaultCountryCode: "+1")
            options.batchSize = 1  // the two rejects come in batches of their own, before any entry
            let source = try ContactImport(path: ImportFixture.file(csv), options: options)
            let change = Change(account: "acme", campaignID: "k", action: .upsert)
            let id = try #require(try await store.journalImport(source, as: change) { _, _, _ in })
            #expect(try await store.journal.entry(id)?.rejectedCount == 2)
        }
    }

    @Test func predictionsFollowTheAction() {
        #expect(UpsertAction.upsert.predictedOutcome(cached: false) == .created)
        #expect(UpsertAction.upsert.predictedOutcome(cached: true) == .updated)
        #expect(UpsertAction.updateOnly.predictedOutcome(cached: false) == .ignored)
        #expect(UpsertAction.remove.predictedOutcome(cached: true) == .removed)
        #expect(UpsertAction.remove.predictedOutcome(cached: false) == .ignored)
    }
}
