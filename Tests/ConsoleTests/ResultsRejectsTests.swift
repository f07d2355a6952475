import Foundation
import GRDB
import SwitchboardCore
import Testing

@testable import Console

/// The results screen's rejected rows: `f` turns to them after the failures, the screen
/// lists line, column and reason (escaped), and `x` writes them to a CSV of their own.
@Suite struct ResultsRejectsTests {
    static let entry: JournalEntry = {
        var entry = ChangeFixtures.entry
        entry.rejectedCount = 3
        entry.sourcePath = "/home/op/leads.csv"
        return entry
    }()

    static let rejects = [
        JournalReject(entryID: 12, line: 3, column: "Email \u{202E}", reason: "not an email: \"ann@\u{1B}[31m\""),
        JournalReject(
            entryID: 12, line: 7, column: "Mobile, Email",
            reason: "column \"Mobile\": too short for a phone number; column \"Email\": not an email address: \"x\""),
        JournalReject(entryID: 12, line: 11, column: nil, reason: "the row has 2 fields; the header has 4"),
    ]

    static func results(_ filter: ResultsFilter) -> EntryResults {
        var results = ChangeFixtures.results
        results.entry = entry
        results.counts["rejected"] = 3
        results.rejectRows = 3
        if filter == .rejected {
            results.rows = []
            results.rejects = rejects
        }
        return results
    }

    /// The results of an import with failures and rejected rows, turned to its rejected rows.
    static func rejectedState(width: Int, height: Int) -> AppState {
        var state = ChangeFixtures.resultsState(width: width, height: height)
        _ = update(&state, .change(.resultsObserved(entryID: 12, filter: .all, offset: 0, results(.all))))
        _ = update(&state, .key(.character("f")))
        _ = update(&state, .key(.character("f")))
        _ = update(&state, .change(.resultsObserved(entryID: 12, filter: .rejected, offset: 0, results(.rejected))))
        return state
    }

    @Test func fTurnsAllThenFailedThenRejectedThenAll() {
        var state = ChangeFixtures.resultsState(width: 80, height: 24)
        _ = update(&state, .change(.resultsObserved(entryID: 12, filter: .all, offset: 0, Self.results(.all))))
        let rows = state.resultRows
        #expect(
            update(&state, .key(.character("f"))) == [
                .change(.observeResults(entryID: 12, filter: .failed, offset: 0, limit: rows))
            ])
        #expect(state.status?.text == "showing only failed contacts (f shows the rejected rows)")
        #expect(
            update(&state, .key(.character("f"))) == [
                .change(.observeResults(entryID: 12, filter: .rejected, offset: 0, limit: rows))
            ])
        #expect(state.status?.text == "showing the rows rejected before sending (f shows all)")
        _ = update(
            &state, .change(.resultsObserved(entryID: 12, filter: .rejected, offset: 0, Self.results(.rejected))))
        #expect(state.results?.rowCount == 3)
        #expect(
            update(&state, .key(.character("f"))) == [
                .change(.observeResults(entryID: 12, filter: .all, offset: 0, limit: rows))
            ])
        #expect(state.status?.text == "showing every contact")
    }

    @Test func withoutRejectedRowsFOnlyTogglesTheFailures() {
        var state = ChangeFixtures.resultsState(width: 80, height: 24)
        _ = update(&state, .key(.character("f")))
        #expect(state.status?.text == "showing only failed contacts (f shows all)")
        _ = update(&state, .key(.character("f")))
        #expect(state.results?.filter == .all)
    }

    @Test func scrollingTheRejectedRowsFollowsTheNextPage() {
        var state = Self.rejectedState(width: 80, height: 24)
        var many = Self.results(.rejected)
        many.rejectRows = 500
        _ = update(&state, .change(.resultsObserved(entryID: 12, filter: .rejected, offset: 0, many)))
        let rows = state.resultRows
        #expect(
            update(&state, .key(.end)) == [
                .change(.observeResults(entryID: 12, filter: .rejected, offset: 500 - rows, limit: rows))
            ])
    }

    @Test func xExportsTheRejectedRowsEvenWithoutFailures() {
        var state = Self.rejectedState(width: 80, height: 24)
        var noFailures = Self.results(.rejected)
        noFailures.entry.failedCount = 0
        _ = update(&state, .change(.resultsObserved(entryID: 12, filter: .rejected, offset: 0, noFailures)))
        #expect(update(&state, .key(.character("x"))) == [.change(.exportFailures(entryID: 12))])
        let exported = ExportedFailures(
            path: "/home/op/leads-failed-journal-12-1.csv", count: 2,
            rejectsPath: "/home/op/leads-rejected-journal-12-1.csv", rejectCount: 3)
        _ = update(&state, .change(.exported(.success(exported))))
        #expect(
            state.status?.text
                == "wrote 2 failed contacts to /home/op/leads-failed-journal-12-1.csv and 3 rejected rows (the reasons, then the rows to fix and import again) to /home/op/leads-rejected-journal-12-1.csv"
        )
        _ = update(
            &state,
            .change(.exported(.success(ExportedFailures(path: nil, count: 0, rejectsPath: "/r.csv", rejectCount: 1)))))
        #expect(state.status?.text == "wrote 1 rejected row (the reasons, then the rows to fix and import again) to /r.csv")
    }

    @Test(arguments: GoldenScreenTests.sizes) func rejectedRowsGolden(width: Int, height: Int) {
        expectGolden(Self.rejectedState(width: width, height: height), "results-rejected")
    }

    @Test(arguments: GoldenScreenTests.sizes) func rejectsJournaledBeforeTheyWereKeptGolden(width: Int, height: Int) {
        var state = Self.rejectedState(width: width, height: height)
        var old = Self.results(.rejected)
        old.rejects = []
        old.rejectRows = 0
        _ = update(&state, .change(.resultsObserved(entryID: 12, filter: .rejected, offset: 0, old)))
        expectGolden(state, "results-rejected-unkept")
    }

    @Test func theExportWritesTheRejectedRowsNextToTheFailedContacts() async throws {
        let directory = NSTemporaryDirectory() + "switchboard-rejects-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try Store.open(directory: directory + "/data")
        try FileManager.default.createDirectory(atPath: directory + "/leads", withIntermediateDirectories: true)
        let csv =
            "external_id,email,phone\nok-1,a@example.com,+14155550101\nbad-1,\"x,y\",+14155550102\nok-2,,+14155550103\nbad-2,nope,12\n"
        let file = directory + "/leads/spring.csv"
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        var options = ImportOptions(vendor: .anyreach, defaultCountryCode: "+1")
        options.batchSize = 1
        let id = try #require(
            try await store.journalImport(
                try ContactImport(path: file, options: options),
                as: Change(account: "acme", campaignID: "k", action: .upsert),
                sourcePath: file
            ) { _, _, _ in })
        try await store.pool.write { db in
            try db.execute(
                sql:
                    "UPDATE journalContact SET outcome = 'failed', message = 'opted out' WHERE entryID = ? AND position = 1",
                arguments: [id])
        }
        let date = Date(timeIntervalSince1970: 1_800_000_000)
        let exported = try await store.journal.exportFailures(of: id, at: date)
        let failedPath = directory + "/leads/spring-failed-journal-\(id)-1800000000.csv"
        let rejectsPath = directory + "/leads/spring-rejected-journal-\(id)-1800000000.csv"
        #expect(exported == ExportedFailures(path: failedPath, count: 1, rejectsPath: rejectsPath, rejectCount: 2))
        let failed = try String(contentsOfFile: failedPath, encoding: .utf8)
        #expect(failed.hasPrefix(FailureCSV.header) && failed.contains("ok-2,") && failed.contains("opted out"))
        let rejected = try String(contentsOfFile: rejectsPath, encoding: .utf8).components(separatedBy: "\n")
        #expect(rejected.first == "rejected_line,rejected_column,rejected_reason,external_id,email,phone")
        #expect(rejected.count == 4 && rejected[3].isEmpty)
        // Each rejected row keeps its fields as the file had them, after its notes.
        #expect(rejected[1].hasPrefix("3,email,") && rejected[1].hasSuffix(",bad-1,\"x,y\",+14155550102"))
        #expect(rejected[2].hasPrefix("5,") && rejected[2].hasSuffix(",bad-2,nope,12"))
        let rejects = try await store.journal.rejects(of: id, limit: 10)
        let header = ["external_id", "email", "phone"]
        #expect(rejected[1] == RejectCSV.line(rejects[0], source: header).dropLast(), "\(rejected[1])")
        let mode = try FileManager.default.attributesOfItem(atPath: rejectsPath)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        // Without failed contacts, only the rejected rows' file is written.
        try await store.pool.write { db in try db.execute(sql: "UPDATE journalContact SET outcome = 'created'") }
        let later = Date(timeIntervalSince1970: 1_800_000_100)
        let onlyRejects = try await store.journal.exportFailures(of: id, at: later)
        #expect(onlyRejects.path == nil && onlyRejects.count == 0 && onlyRejects.rejectCount == 2)
        #expect(
            !FileManager.default.fileExists(atPath: directory + "/leads/spring-failed-journal-\(id)-1800000100.csv"))
    }

    @Test func theRejectCSVQuotesWhatNeedsIt() {
        let reject = JournalReject(entryID: 1, line: 4, column: "Mobile, Email", reason: "column \"Mobile\": bad")
        #expect(RejectCSV.line(reject, source: nil) == "4,\"Mobile, Email\",\"column \"\"Mobile\"\": bad\"\n")
        #expect(RejectCSV.header(source: nil) == "rejected_line,rejected_column,rejected_reason\n")
    }

    @Test func aRejectedRowIsPaddedToTheHeaderAndKeepsExtraFields() {
        let header = ["a", "b", "c"]
        var reject = JournalReject(entryID: 1, line: 2, column: nil, reason: "the row has 2 fields; the header has 3")
        reject.fields = ["1", "2"]
        #expect(RejectCSV.line(reject, source: header) == "2,,the row has 2 fields; the header has 3,1,2,\n")
        reject.fields = ["1", "2", "3", "4"]
        #expect(RejectCSV.line(reject, source: header).hasSuffix(",1,2,3,4\n"))
        // A row the reader could not read whole has empty cells under the header.
        reject.fields = nil
        #expect(RejectCSV.line(reject, source: header).hasSuffix("header has 3,,,\n"))
    }
}
