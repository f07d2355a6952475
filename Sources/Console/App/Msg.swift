import Foundation
import SwitchboardCore

/// Everything that can happen to the console: each arrives on the terminal thread as a
/// message and goes through `update`.
public enum Msg: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// The refresh interval passed.
    case tick(Date)
    /// A campaign listing was fetched and saved to the store (or failed).
    case campaignsFetched(account: String, Result<Int, Failure>, at: Date)
    case campaignsObserved(account: String, [CachedCampaign])
    case statsFetched(account: String, campaignID: String, Result<StatusCounts, Failure>, at: Date)
    case samplesObserved(account: String, campaignID: String, [StatsSample])
    case contactCountObserved(account: String, campaignID: String, Int)
    /// How many contacts `filter` keeps.
    case matchCountObserved(account: String, campaignID: String, filter: ContactFilter, Int)
    case contactStatusesObserved(account: String, campaignID: String, [ContactStatus])
    case contactsObserved(
        account: String, campaignID: String, filter: ContactFilter = .all, offset: Int, [CachedContact])
    /// The journal rows that touched the contact cached under `key`.
    case historyObserved(account: String, campaignID: String, key: String, [ContactHistoryEntry])
    /// A page of contacts was fetched and saved: the vendor's total and the next offset.
    case contactsFetched(account: String, campaignID: String, Result<ContactsFetched, Failure>)
    /// The start-up replay of changes a crash or a cut link left unsent has finished.
    case replayFinished(Result<ReplaySummary, Failure>)
    /// Campaign actions, configurations and the concurrency setting answered.
    case campaignSetup(CampaignSetupMsg)
    /// A contact change, the journal or a results page reported back.
    case change(ChangeMsg)
    /// The bulk import's file, dry run and sending reported back.
    case bulkImport(ImportMsg)
}

/// What the start-up replay of the journal did.
public struct ReplaySummary: Hashable, Sendable {
    /// The replayed entries by the state they settled in (`done`, `partial`, `failed`).
    public var settled: [JournalState: Int]
    /// Entries left unsent because the accounts file has no account of that name.
    public var unknownAccounts: [String: Int]

    public init(settled: [JournalState: Int], unknownAccounts: [String: Int]) {
        self.settled = settled
        self.unknownAccounts = unknownAccounts
    }

    /// The status line's words, or nil when there was nothing to replay.
    public var text: String? {
        let total = settled.values.reduce(0, +)
        var parts: [String] = []
        if total > 0 {
            let states = JournalState.allCases.compactMap { state in settled[state].map { "\($0) \(state.rawValue)" } }
            parts.append("replayed \(total) unsent change\(total == 1 ? "" : "s") from the journal: " + states.joined(separator: ", "))
        }
        for (account, count) in unknownAccounts.sorted(by: { $0.key < $1.key }) {
            parts.append("\(count) unsent change\(count == 1 ? "" : "s") for account \"\(account)\", not in the accounts file")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// True when some replayed change did not fully go through.
    public var hasFailures: Bool { (settled[.partial] ?? 0) + (settled[.failed] ?? 0) + (settled[.pending] ?? 0) + (settled[.sending] ?? 0) > 0 }
}

/// A failed effect, as words for the status line (vendor errors never carry credentials).
public struct Failure: Error, Hashable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// What a contacts fetch learned.
public struct ContactsFetched: Hashable, Sendable {
    public var total: Int?
    public var nextOffset: Int?
    public init(total: Int?, nextOffset: Int?) {
        self.total = total
        self.nextOffset = nextOffset
    }
}
