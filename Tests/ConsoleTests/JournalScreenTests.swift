import Foundation
import SwitchboardCore
import Testing

@testable import Console

/// The journal and results screens, message by message.
@Suite struct JournalScreenTests {
    @Test func journalIsACommandWithCompletion() {
        var state = ChangeFixtures.campaignState(width: 80, height: 24)
        _ = update(&state, .key(.character(":")))
        ChangeFixtures.type(&state, "jo")
        _ = update(&state, .key(.tab))
        #expect(state.editing == .command(TextField(text: "journal ")))
        let effects = update(&state, .key(.enter))
        #expect(effects == [.stopObservingCampaign, .change(.observeJournal(limit: AppState.journalLimit))])
        #expect(state.screen == .journal && state.campaign == nil)
    }

    @Test func enterOpensAnEntrysResultsPagedFromTheJournal() {
        var state = ChangeFixtures.campaignState(width: 80, height: 24)
        _ = update(&state, .key(.character(":")))
        ChangeFixtures.type(&state, "journal")
        _ = update(&state, .key(.enter))
        _ = update(&state, .change(.journalObserved([ChangeFixtures.entry])))
        let effects = update(&state, .key(.enter))
        #expect(state.screen == .results(entryID: 12))
        #expect(effects == [.change(.observeResults(entryID: 12, filter: .all, offset: 0, limit: state.resultRows))])
        #expect(update(&state, .key(.escape)) == [.change(.stopObservingResults)])
        #expect(state.screen == .journal)
        #expect(update(&state, .key(.escape)) == [.change(.stopObservingJournal)])
        #expect(state.screen == .campaigns)
    }

    @Test func fFiltersToFailuresAndFollowsTheNewPage() {
        var state = ChangeFixtures.resultsState(width: 80, height: 24)
        #expect(state.results?.rowCount == 4)
        let effects = update(&state, .key(.character("f")))
        #expect(effects == [.change(.observeResults(entryID: 12, filter: .failed, offset: 0, limit: state.resultRows))])
        #expect(state.results?.results != nil, "the old page stays until the new one comes")
        let failed = EntryResults(
            entry: ChangeFixtures.entry, counts: ChangeFixtures.results.counts, offset: 0,
            rows: ChangeFixtures.results.rows.filter { $0.outcome == "failed" })
        _ = update(&state, .change(.resultsObserved(entryID: 12, filter: .all, offset: 0, ChangeFixtures.results)))
        #expect(state.results?.results?.rows.count == 4, "a page for the old filter is dropped")
        _ = update(&state, .change(.resultsObserved(entryID: 12, filter: .failed, offset: 0, failed)))
        #expect(state.results?.rowCount == 2 && state.results?.results?.rows.count == 2)
    }

    @Test func scrollingPastTheWindowFollowsTheNextPage() {
        var state = ChangeFixtures.resultsState(width: 80, height: 24)
        var entry = ChangeFixtures.entry
        entry.contactCount = 5000
        var big = ChangeFixtures.results
        big.entry = entry
        _ = update(&state, .change(.resultsObserved(entryID: 12, filter: .all, offset: 0, big)))
        let rows = state.resultRows
        #expect(ChangeFixtures.press(&state, Array(repeating: .character("j"), count: rows - 1)).isEmpty)
        #expect(update(&state, .key(.character("j"))) == [.change(.observeResults(entryID: 12, filter: .all, offset: 1, limit: rows))])
        #expect(update(&state, .key(.end)) == [.change(.observeResults(entryID: 12, filter: .all, offset: 5000 - rows, limit: rows))])
    }

    @Test func rRetriesXExportsAndPReplaysOnlyWhatIsUnsent() {
        var state = ChangeFixtures.resultsState(width: 80, height: 24)
        #expect(update(&state, .key(.character("r"))) == [.change(.retryFailures(account: "acme-calls", entryID: 12))])
        #expect(update(&state, .key(.character("x"))) == [.change(.exportFailures(entryID: 12))])
        _ = update(&state, .change(.exported(.success(ExportedFailures(path: "/data/exports/failed-journal-12-1.csv", count: 2)))))
        #expect(state.status == StatusMessage(text: "wrote 2 failed contacts to /data/exports/failed-journal-12-1.csv", isError: false))
        #expect(update(&state, .key(.character("p"))).isEmpty, "a partial entry has nothing left to send")
        #expect(state.status?.text == "journal #12 is partial, nothing left to send; r retries its failed contacts as a new change")
        var pending = ChangeFixtures.results
        pending.entry.state = .sending
        _ = update(&state, .change(.resultsObserved(entryID: 12, filter: .all, offset: 0, pending)))
        #expect(update(&state, .key(.character("p"))) == [.change(.replay(account: "acme-calls", entryID: 12))])
    }

    @Test func anEntryWithoutFailuresHasNothingToRetry() {
        var state = ChangeFixtures.resultsState(width: 80, height: 24)
        var done = ChangeFixtures.results
        done.entry.failedCount = 0
        _ = update(&state, .change(.resultsObserved(entryID: 12, filter: .all, offset: 0, done)))
        #expect(update(&state, .key(.character("r"))).isEmpty)
        #expect(update(&state, .key(.character("x"))).isEmpty)
        #expect(state.status?.text == "journal #12 has no failed contacts or rejected rows to export")
    }

    @Test func theFailureCSVQuotesWhatNeedsIt() {
        let row = ChangeFixtures.row(
            3, Contact(externalID: "e,1", firstName: "Ana \"A\"", phoneNumbers: ["+15550100", "+15550101"]),
            outcome: "failed", message: "bad\nnumber")
        #expect(FailureCSV.line(row) == "e,1".csvQuoted + ",\"Ana \"\"A\"\"\",,,+15550100,+15550100 +15550101,,,,3,failed,\"bad\nnumber\"\n")
    }
}

extension String {
    fileprivate var csvQuoted: String { "\"" + self + "\"" }
}
