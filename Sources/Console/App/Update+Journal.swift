import Foundation
import SwitchboardCore

extension AppState {
    /// Journal entries the journal screen follows.
    static let journalLimit = 500

    /// Rows of the results table (below the counts and the table's titles).
    var resultRows: Int { max(1, layout.main.height - 4) }
    var journalRows: Int { max(1, layout.main.height - 1) }

    /// `:journal`: the latest entries, newest first.
    mutating func openJournal() -> [Effect] {
        var effects = closeChangeScreens()
        if campaign != nil { effects.append(.stopObservingCampaign) }
        stack = [.campaigns, .journal]
        campaign = nil
        contactPane = nil
        journalPane = JournalPane()
        return effects + [.change(.observeJournal(limit: Self.journalLimit))]
    }

    /// Opens an entry's results over the current screen.
    mutating func openResults(_ entryID: Int64) -> [Effect] {
        stack.append(.results(entryID: entryID))
        results = ResultsPane(entryID: entryID)
        return [observeResults()].compactMap { $0 }
    }

    /// Stops following the journal and results screens (leaving them).
    mutating func closeChangeScreens() -> [Effect] {
        var effects: [Effect] = []
        if journalPane != nil { effects.append(.change(.stopObservingJournal)) }
        if results != nil { effects.append(.change(.stopObservingResults)) }
        journalPane = nil
        results = nil
        return effects
    }

    func observeResults() -> Effect? {
        guard let pane = results else { return nil }
        return .change(
            .observeResults(
                entryID: pane.entryID, filter: pane.filter, offset: pane.windowOffset, limit: resultRows))
    }

    /// Moves the journal or results table's selection.
    mutating func moveChangeTable(_ change: (inout TableState, Int, Int) -> Void) -> [Effect] {
        switch screen {
        case .journal:
            guard var pane = journalPane else { return [] }
            change(&pane.table, pane.entries?.count ?? 0, journalRows)
            journalPane = pane
            return []
        case .results:
            guard var pane = results else { return [] }
            change(&pane.table, pane.rowCount, resultRows)
            let scrolled = pane.table.offset != pane.windowOffset
            pane.windowOffset = pane.table.offset
            results = pane
            return scrolled ? [observeResults()].compactMap { $0 } : []
        default:
            return []
        }
    }

    /// The journal entry the journal screen has selected.
    var selectedEntry: JournalEntry? {
        guard let entries = journalPane?.entries, let index = journalPane?.table.selected,
            entries.indices.contains(index)
        else { return nil }
        return entries[index]
    }

    /// `f`, `r`, `x`, `p` on the results screen (`f` turns all → failed → rejected rows → all).
    mutating func performOnResults(_ action: Action) -> [Effect] {
        guard var pane = results, let entry = pane.results?.entry else { return [] }
        switch action {
        case .onlyFailures:
            pane.filter = pane.nextFilter
            pane.table = TableState()
            pane.windowOffset = 0
            results = pane
            let text =
                switch pane.filter {
                case .all: "showing every contact"
                case .failed where pane.nextFilter == .rejected:
                    "showing only failed contacts (f shows the rejected rows)"
                case .failed: "showing only failed contacts (f shows all)"
                case .rejected: "showing the rows rejected before sending (f shows all)"
                }
            status = StatusMessage(text: text, isError: false)
            return [observeResults()].compactMap { $0 }
        case .retryFailures:
            guard entry.failedCount > 0 else {
                status = StatusMessage(text: "journal #\(pane.entryID) has no failed contacts to retry", isError: false)
                return []
            }
            status = StatusMessage(text: "retrying \(entry.failedCount) failed contacts…", isError: false)
            return [.change(.retryFailures(account: entry.account, entryID: pane.entryID))]
        case .exportFailures:
            guard entry.failedCount > 0 || (pane.results?.rejectRows ?? 0) > 0 else {
                status = StatusMessage(
                    text: "journal #\(pane.entryID) has no failed contacts or rejected rows to export", isError: false)
                return []
            }
            return [.change(.exportFailures(entryID: pane.entryID))]
        case .replayEntry:
            guard JournalState.unsettled.contains(entry.state) else {
                let hint = entry.failedCount > 0 ? "; r retries its failed contacts as a new change" : ""
                status = StatusMessage(
                    text: "journal #\(pane.entryID) is \(entry.state.rawValue), nothing left to send\(hint)", isError: false)
                return []
            }
            status = StatusMessage(text: "replaying journal #\(pane.entryID)…", isError: false)
            return [.change(.replay(account: entry.account, entryID: pane.entryID))]
        default:
            return []
        }
    }

    /// What the change effects reported.
    mutating func receive(_ msg: ChangeMsg) -> [Effect] {
        switch msg {
        case .formListsFetched(let account, let result):
            switch result {
            case .success(let lists?):
                contactFormLists[account] = lists
                if contactForm?.account == account { contactForm?.apply(lists) }
            case .success(nil):
                if contactForm?.account == account { contactForm?.listsFailed("the vendor keeps no lists") }
            case .failure(let failure):
                if contactForm?.account == account { contactForm?.listsFailed(failure.message) }
            }
            return []
        case .previewed(let account, let requests, let problem):
            guard var form = contactForm, form.account == account, form.stage == .preview else { return [] }
            form.requests = requests
            form.vendorProblem = problem
            contactForm = form
            return []
        case .sent(let result):
            switch result {
            case .success(let sent):
                status = StatusMessage(text: sent.text, isError: sent.isError)
                if contactForm?.stage == .sending { contactForm = nil }
            case .failure(let failure):
                status = StatusMessage(text: "not sent: \(failure.message) (the journal keeps it; :journal replays)", isError: true)
                if contactForm?.stage == .sending { contactForm?.stage = .preview }
            }
            return []
        case .journalObserved(let entries):
            guard var pane = journalPane else { return [] }
            pane.entries = entries
            pane.table.select(pane.table.selected, count: entries.count, visible: journalRows)
            journalPane = pane
            return []
        case .resultsObserved(let entryID, let filter, let offset, let found):
            guard var pane = results, pane.entryID == entryID, pane.filter == filter,
                pane.windowOffset == offset
            else { return [] }
            pane.results = found
            if found == nil { status = StatusMessage(text: "no journal entry #\(entryID)", isError: true) }
            results = pane
            return []
        case .exported(let result):
            switch result {
            case .success(let exported):
                status = StatusMessage(text: exported.text, isError: false)
            case .failure(let failure):
                status = StatusMessage(text: "export failed: \(failure.message)", isError: true)
            }
            return []
        }
    }
}
