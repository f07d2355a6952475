/// Contacts that belong to the account rather than to a campaign (CampaignLark's
/// workspace, Reply.io's contacts). The neutral API addresses them as one campaign,
/// `default`, and the vendor adds and changes contacts there only; they have no status
/// counts.
public struct AccountContacts: Sendable, Hashable {
    /// The campaign id they go by (`default`).
    public var campaignID: String
    /// What the operator calls them ("Workspace contacts").
    public var name: String
    /// Whether the vendor's own campaigns list contacts too (Reply.io's sequences list the
    /// contacts enrolled in them; CampaignLark's campaigns hold none).
    public var campaignsListContacts: Bool

    public init(campaignID: String, name: String, campaignsListContacts: Bool) {
        self.campaignID = campaignID
        self.name = name
        self.campaignsListContacts = campaignsListContacts
    }
}

/// A vendor whose contacts belong to the account (see `AccountContacts`).
public protocol AccountContactsVendor: Sendable {
    var accountContacts: AccountContacts { get }
}
