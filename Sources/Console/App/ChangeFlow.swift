import Foundation
import SwitchboardCore

/// A contact removal waiting for the operator's yes: the dialog names the contact and the campaign.
public struct ContactRemoval: Hashable, Sendable {
    public var account: String
    public var campaignID: String
    public var campaignName: String
    public var contact: Contact
    /// `delete` where the vendor deletes by id, else `remove` (by key).
    public var action: ChangeAction
    /// False for the account's own contacts, which are no campaign.
    public var inCampaign = true
}

/// The journal screen: the latest entries, newest first, as the store delivers them.
public struct JournalPane: Hashable, Sendable {
    public var entries: [JournalEntry]?
    public var table = TableState()
}

/// The results screen of one journal entry: counts and a paged window of its contacts
/// (all or the failed ones) or of its file's rejected rows.
public struct ResultsPane: Hashable, Sendable {
    public var entryID: Int64
    public var filter = ResultsFilter.all
    /// The latest page the store delivered, with the entry and its counts.
    public var results: EntryResults?
    public var table = TableState()
    /// The window's first row (an index into the rows the filter keeps).
    public var windowOffset = 0

    public init(entryID: Int64) { self.entryID = entryID }

    /// Rows the filter keeps: every contact, the failed ones, or the rejected rows kept.
    public var rowCount: Int {
        guard let results else { return 0 }
        switch filter {
        case .all: return results.entry.contactCount
        case .failed: return results.counts["failed"] ?? 0
        case .rejected: return results.rejectRows
        }
    }

    /// The filter `f` turns to: all, failed, then rejected when the entry has rejected rows.
    public var nextFilter: ResultsFilter {
        switch filter {
        case .all: .failed
        case .failed: (results?.entry.rejectedCount ?? 0) > 0 ? .rejected : .all
        case .rejected: .all
        }
    }
}

/// What a change sent from the console came to.
public struct SentChange: Hashable, Sendable {
    public var entry: JournalEntry
    /// The first contact's outcome, for the status line of a one-contact change.
    public var first: JournalContact?
    /// What the operator did, in words ("saved Ana Ruiz", "retried 3 failed contacts").
    public var summary: String

    public init(entry: JournalEntry, first: JournalContact?, summary: String) {
        self.entry = entry
        self.first = first
        self.summary = summary
    }

    /// The status line: the entry, its state, and the vendor's word on the first contact.
    public var text: String {
        var text = "\(summary): journal #\(entry.id ?? 0) \(entry.state.rawValue)"
        if entry.contactCount == 1, let first, let outcome = first.outcome {
            text += ", \(outcome)"
            if let message = first.message, !message.isEmpty { text += ": \(message)" }
        } else if entry.contactCount > 1 {
            text += ", \(entry.answeredCount - entry.failedCount) of \(entry.contactCount) went through"
        }
        if entry.contactCount != 1, let reason = entry.reason { text += " (\(reason))" }
        return text
    }

    public var isError: Bool { entry.state != .done }
}

/// Effects of editing contacts and of the journal and results screens.
public enum ChangeEffect: Hashable, Sendable {
    /// Describe the request `request` would be sent as (no credentials), and what the
    /// vendor would refuse it for.
    case preview(account: String, UpsertRequest)
    /// Journal the change, then send it through the sync engine; `summary` names it.
    case submit(Change, summary: String)
    /// Follow the latest journal entries.
    case observeJournal(limit: Int)
    case stopObservingJournal
    /// Follow one page of an entry's results.
    case observeResults(entryID: Int64, filter: ResultsFilter, offset: Int, limit: Int)
    case stopObservingResults
    /// Send what a pending or interrupted entry still has unsent (`SyncEngine.send`).
    case replay(account: String, entryID: Int64)
    /// Journal and send a new change of the entry's failed contacts.
    case retryFailures(account: String, entryID: Int64)
    /// Write the entry's failed contacts to a CSV (0600), and its rejected rows to another.
    case exportFailures(entryID: Int64)
    /// Read the vendor's tag and field lists for the contact form.
    case fetchFormLists(account: String)
}

/// What those effects report back.
public enum ChangeMsg: Sendable {
    case previewed(account: String, [RequestPreview], problem: String?)
    case sent(Result<SentChange, Failure>)
    case journalObserved([JournalEntry])
    case resultsObserved(entryID: Int64, filter: ResultsFilter, offset: Int, EntryResults?)
    case exported(Result<ExportedFailures, Failure>)
    /// The vendor's tag and field lists (nil: it keeps none).
    case formListsFetched(account: String, Result<ContactFormLists?, Failure>)
}
