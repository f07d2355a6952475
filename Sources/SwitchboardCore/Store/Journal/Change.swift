import Foundation

/// What an operator asked to change in one campaign of one account.
public enum ChangeAction: String, Sendable, Codable, CaseIterable {
    /// Update the contacts that match, add the rest.
    case upsert
    /// Update the contacts that match, ignore the rest.
    case updateOnly
    /// Take the contacts out of the campaign (by key; idempotent).
    case remove
    /// Delete the contacts by vendor id or external id (idempotent: gone is gone).
    case delete
    /// Campaign lifecycle: start, pause or close the campaign.
    case start, pause, close
    /// Create a campaign from the change's `campaign` draft (which carries an external id,
    /// so a resend finds a campaign the first send made instead of making a second).
    case createCampaign
    /// Change the fields the change's `campaign` draft sets.
    case updateCampaign
    /// Account settings (`SettingsChange`, see `isSettingsAction`): create, change or
    /// delete a campaign configuration, set the account's concurrency limit.
    case createConfiguration, updateConfiguration, deleteConfiguration, setConcurrency

    /// The upsert route's action, for the actions sent through `VendorClient.upsert`.
    public var upsertAction: UpsertAction? {
        switch self {
        case .upsert: .upsert
        case .updateOnly: .updateOnly
        case .remove: .remove
        case .delete, .start, .pause, .close, .createCampaign, .updateCampaign: nil
        case .createConfiguration, .updateConfiguration, .deleteConfiguration, .setConcurrency: nil
        }
    }

    /// True for the actions that change a campaign, not contacts: one request, no contacts.
    public var isCampaignAction: Bool { campaignCommand != nil || self == .createCampaign || self == .updateCampaign }

    /// The lifecycle command, for campaign actions.
    public var campaignCommand: CampaignCommand? {
        switch self {
        case .start: .start
        case .pause: .pause
        case .close: .close
        case .upsert, .updateOnly, .remove, .delete, .createCampaign, .updateCampaign: nil
        case .createConfiguration, .updateConfiguration, .deleteConfiguration, .setConcurrency: nil
        }
    }
}

/// One change as the form, the importer or the CLI hands it over: written to the journal
/// before anything is sent.
public struct Change: Sendable, Hashable {
    /// The account's name in the accounts file (never its credential).
    public var account: String
    public var campaignID: String
    public var action: ChangeAction
    /// Upserts only: change just the fields present on each contact.
    public var partial: Bool
    /// The contacts it carries; empty for campaign actions.
    public var contacts: [Contact]
    /// Campaign create and update only: the fields to set.
    public var campaign: CampaignDraft?
    /// Settings changes only (configurations, the concurrency limit): what to send.
    public var settings: SettingsChange?
    /// Recording the same key twice records the change once.
    public var idempotencyKey: String

    public init(
        account: String, campaignID: String, action: ChangeAction, partial: Bool = false, contacts: [Contact] = [],
        campaign: CampaignDraft? = nil, settings: SettingsChange? = nil, idempotencyKey: String = UUID().uuidString
    ) {
        self.account = account
        self.campaignID = campaignID
        self.action = action
        self.partial = partial
        self.contacts = contacts
        self.campaign = campaign
        self.settings = settings
        self.idempotencyKey = idempotencyKey
    }
}
