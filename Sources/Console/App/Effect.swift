import SwitchboardCore

/// Work `update` asks for; the effect runner does it off the terminal thread and posts
/// the results back as messages. Values, so tests can say which were asked for.
public enum Effect: Hashable, Sendable {
    /// List the account's campaigns from the vendor and save them to the store.
    case fetchCampaigns(account: String)
    /// Read a campaign's status counts and store them as a sample.
    case fetchStats(account: String, campaignID: String)
    /// Fetch a page of a campaign's contacts from the vendor and save them to the store.
    case fetchContacts(account: String, campaignID: String, offset: Int, limit: Int)
    /// Follow the account's cached campaigns (replaces any earlier campaigns observation).
    case observeCampaigns(account: String)
    /// Follow a campaign's stats samples, cached contact count and the status words its
    /// contacts have (replaces the earlier one).
    case observeCampaign(account: String, campaignID: String)
    /// Follow one window of the campaign's cached contacts that `filter` keeps (replaces
    /// the earlier window).
    case observeContacts(account: String, campaignID: String, filter: ContactFilter = .all, offset: Int, limit: Int)
    /// Follow how many contacts `filter` keeps (replaces the earlier count; an empty
    /// filter just stops it).
    case observeMatchCount(account: String, campaignID: String, filter: ContactFilter)
    /// Follow the journal rows that touched a contact, known by `keys` (replaces the earlier one).
    case observeHistory(account: String, campaignID: String, key: String, keys: [String])
    case stopObservingHistory
    /// Stop following the campaign, its contacts and any contact's history.
    case stopObservingCampaign
    /// Send again the journal's changes left `pending` or `sending` (a crash, a kill or a
    /// cut link stopped them), once, when the console opens.
    case replayJournal
    /// Campaign actions (through the journal), configurations, the concurrency setting.
    case campaignSetup(CampaignSetupEffect)
    /// Editing contacts, the journal and results screens (see `ChangeEffect`).
    case change(ChangeEffect)
    /// The bulk import: path completion, the header, the dry run, the send (see `ImportEffect`).
    case bulkImport(ImportEffect)
    case quit
}
