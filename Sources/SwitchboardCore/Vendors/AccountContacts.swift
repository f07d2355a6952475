/// Contacts that belong to the account rather than to a campaign (CampaignLark's
/// workspace, Reply.io's contacts, Anyreach's ad-hoc contacts). The neutral API addresses
/// them as one campaign, `default`; they have no status counts and are no campaign to
/// start, pause, close or edit.
public struct AccountContacts: Sendable, Hashable {
    /// The campaign id they go by (`default`).
    public var campaignID: String
    /// What the operator calls them ("Workspace contacts").
    public var name: String
    /// Whether the vendor's own campaigns list contacts too (Reply.io's sequences list the
    /// contacts enrolled in them; CampaignLark's campaigns hold none).
    public var campaignsListContacts: Bool
    /// Whether contacts are also added and changed in the campaigns (Anyreach's campaigns
    /// hold their own); else only here (CampaignLark, Reply.io).
    public var campaignsTakeContacts: Bool
    /// Whether no campaign configuration gives the numbers added here a country code, so
    /// the vendor takes E.164 numbers only (Anyreach's `default`).
    public var phonesNeedCountryCode: Bool

    public init(
        campaignID: String, name: String, campaignsListContacts: Bool, campaignsTakeContacts: Bool = false,
        phonesNeedCountryCode: Bool = false
    ) {
        self.campaignID = campaignID
        self.name = name
        self.campaignsListContacts = campaignsListContacts
        self.campaignsTakeContacts = campaignsTakeContacts
        self.phonesNeedCountryCode = phonesNeedCountryCode
    }
}

/// A vendor whose contacts belong to the account (see `AccountContacts`).
public protocol AccountContactsVendor: Sendable {
    var accountContacts: AccountContacts { get }
}
