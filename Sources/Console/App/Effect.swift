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
    /// Follow a campaign's stats samples and cached contact count (replaces the earlier one).
    case observeCampaign(account: String, campaignID: String)
    /// Follow one window of a campaign's cached contacts (replaces the earlier window).
    case observeContacts(account: String, campaignID: String, offset: Int, limit: Int)
    /// Stop following the campaign and its contacts.
    case stopObservingCampaign
    case quit
}
