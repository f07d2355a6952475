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
