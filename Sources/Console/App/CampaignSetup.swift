import SwitchboardCore

/// Campaign actions, the campaign form and the configurations screen: what the console
/// keeps for them between messages.
public struct CampaignSetup: Hashable, Sendable {
    /// The dialog over the screen, if one is open.
    public var modal: CampaignModal?
    /// The account's configurations; nil until fetched.
    public var configurations: [CampaignConfiguration]?
    public var fetchingConfigurations = false
    /// The configurations screen's selection.
    public var configurationTable = TableState()
    /// The account's concurrent call limit and calls in flight, when known.
    public var concurrency: ConcurrencyLimit?
    public var fetchingConcurrency = false
    /// Why the last read of the concurrency setting failed; nil after one that worked.
    public var concurrencyProblem: String?
    /// Campaigns with a change being sent, with their names for the status line (a second
    /// change waits for the first to settle).
    public var sending: [String: String] = [:]
    /// The configurations screen's dialog (form, delete question, concurrency prompt), if open.
    public var settings: SettingsDialog?

    public init() {}
}

/// A dialog of the campaign actions.
public enum CampaignModal: Hashable, Sendable {
    /// Start, pause or close, waiting for y (or Enter) or n (or Esc).
    case confirm(CampaignConfirm)
    case form(CampaignForm)
}

/// A lifecycle command waiting for the operator's confirmation.
public struct CampaignConfirm: Hashable, Sendable {
    public var command: CampaignCommand
    public var campaignID: String
    public var campaignName: String
    public var account: String

    /// What will happen, in the operator's words.
    public var consequences: [String] {
        switch command {
        case .start:
            ["Calls begin within its configuration's calling windows,", "up to the account's concurrency limit."]
        case .pause:
            ["No new calls are placed; contacts keep their state.", "Start it again with t."]
        case .close:
            ["No more calls, and no contacts can be added.", "A closed campaign cannot be restarted."]
        }
    }

    /// The verb as the dialog's title and the status line say it.
    public var verb: String {
        switch command {
        case .start: "Start"
        case .pause: "Pause"
        case .close: "Close"
        }
    }
}

/// The create or edit form: name, external id, configuration.
public struct CampaignForm: Hashable, Sendable {
    public enum Field: Int, CaseIterable, Hashable, Sendable {
        case name, externalID, configuration
    }

    /// nil creates a campaign; else the id of the one being edited.
    public var campaignID: String?
    public var account: String
    public var name: TextField
    public var externalID: TextField
    /// The chosen configuration's id; nil keeps the campaign's (edit) or sets none (create).
    public var configurationID: String?
    public var focus = Field.name
    /// What the fields held when the form opened (an edit sends only what changed).
    public var original: CampaignDraft

    public init(account: String, editing campaign: CachedCampaign? = nil) {
        self.account = account
        campaignID = campaign?.id
        name = TextField(text: campaign?.name ?? "")
        externalID = TextField(text: campaign?.externalID ?? "")
        original = CampaignDraft(name: campaign?.name, externalID: campaign?.externalID)
    }

    public var isCreate: Bool { campaignID == nil }

    /// What is wrong with the form, or nil when it can be sent.
    public var problem: String? {
        let name = self.name.text.trimmingCharacters(in: .whitespaces)
        let external = externalID.text.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { return "a campaign needs a name" }
        if isCreate && external.isEmpty {
            return "a new campaign needs an external id: a resend finds it by that"
        }
        if external.contains(where: { $0.isWhitespace || $0 == "/" }) {
            return "the external id cannot hold spaces or /"
        }
        if !isCreate && draft.isEmpty { return "nothing changed yet" }
        return nil
    }

    /// The fields to send: every set field on create, only the changed ones on edit.
    public var draft: CampaignDraft {
        let name = self.name.text.trimmingCharacters(in: .whitespaces)
        let external = externalID.text.trimmingCharacters(in: .whitespaces)
        if isCreate {
            return CampaignDraft(
                name: name.isEmpty ? nil : name, externalID: external.isEmpty ? nil : external,
                configurationID: configurationID)
        }
        return CampaignDraft(
            name: name == original.name ? nil : name,
            externalID: external == (original.externalID ?? "") ? nil : external,
            configurationID: configurationID)
    }
}

/// Work the campaign actions ask of the effect runner.
public enum CampaignSetupEffect: Hashable, Sendable {
    /// Journal a campaign change (start, pause, close, create, update) and send it
    /// through the sync engine.
    case submit(account: String, campaignID: String, action: ChangeAction, draft: CampaignDraft?)
    case fetchConfigurations(account: String)
    case fetchConcurrency(account: String)
    /// Configuration and concurrency changes (see `SettingsEffect`).
    case settings(SettingsEffect)
}

/// What came back from them.
public enum CampaignSetupMsg: Sendable {
    /// A submitted change settled (or could not be journaled or sent).
    case settled(account: String, campaignID: String, action: ChangeAction, Result<SettledChange, Failure>)
    case configurationsFetched(account: String, Result<[CampaignConfiguration], Failure>)
    case concurrencyFetched(account: String, Result<ConcurrencyLimit, Failure>)
    case settings(SettingsMsg)
}

/// A journal entry as it settled.
public struct SettledChange: Hashable, Sendable {
    public var journalID: Int64
    public var state: JournalState
    public var reason: String?

    public init(journalID: Int64, state: JournalState, reason: String?) {
        self.journalID = journalID
        self.state = state
        self.reason = reason
    }
}
