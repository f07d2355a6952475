import Foundation
import SwitchboardCore

/// An account as the console knows it: never its credential.
public struct AccountInfo: Hashable, Sendable {
    public var name: String
    public var vendorName: String
    public var capabilities: VendorCapabilities
    /// Campaign ids named in the accounts file, for vendors with no listing route.
    public var configuredCampaigns: [String]
    /// No change keys for this account (`--readonly`, or `readonly = true` in the accounts file).
    public var readonly: Bool
    /// The vendor's contact form; empty when its client describes none.
    public var contactFields: [ContactFormField]
    /// The country code national phone numbers get (`default_country_code`).
    public var defaultCountryCode: String?
    /// Where the vendor keeps contacts that belong to the account, not to a campaign.
    public var accountContacts: AccountContacts?

    public init(
        name: String, vendorName: String, capabilities: VendorCapabilities, configuredCampaigns: [String],
        readonly: Bool = false, contactFields: [ContactFormField] = [], defaultCountryCode: String? = nil,
        accountContacts: AccountContacts? = nil
    ) {
        self.name = name
        self.vendorName = vendorName
        self.capabilities = capabilities
        self.configuredCampaigns = configuredCampaigns
        self.readonly = readonly
        self.contactFields = contactFields
        self.defaultCountryCode = defaultCountryCode
        self.accountContacts = accountContacts
    }
}

/// Whether the current account's vendor answered the last request.
public enum Connection: Hashable, Sendable {
    case connecting
    /// The vendor has no route the console polls (nothing to ask).
    case notContacted
    case online
    case failed(String)
}

/// What the screen shows; `AppState.stack` keeps the way back.
public enum Screen: Hashable, Sendable {
    case campaigns
    case campaign(id: String)
    case contact(campaignID: String, key: String)
    /// The account's campaign configurations with the selected one's week grid.
    case configurations
    /// The journal's latest entries (`:journal`).
    case journal
    /// What became of each contact of one journal entry.
    case results(entryID: Int64)
}

/// A message on the status line.
public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var isError: Bool
}

/// Status counts that changed at the last refresh, and when, for a brief highlight.
public struct ChangeMark: Hashable, Sendable {
    public var columns: Set<SortColumn>
    public var at: Date
}

/// The pane of a campaign screen that j/k scroll (Tab switches).
public enum CampaignFocus: Hashable, Sendable {
    /// The stats panel: j/k move through the stats samples.
    case stats
    case contacts
}

/// The open campaign: its stats samples and the window of contacts shown.
public struct CampaignPane: Hashable, Sendable {
    public var campaignID: String
    public var samples: [StatsSample] = []
    /// The sample the stats panel shows while focused; nil follows the latest.
    public var sampleCursor: Date?
    public var focus = CampaignFocus.contacts
    /// Contacts cached in the store for this campaign.
    public var cachedCount: Int?
    /// The contacts filter as typed after `/` (a leading `!` keeps the others).
    public var textFilter = ""
    /// The status bucket `s` chose; nil shows every status.
    public var statusFilter: NormalizedStatus?
    /// The vendor status words the cached contacts have, with their buckets.
    public var statuses: [ContactStatus] = []
    /// Contacts the filter keeps; nil while they are being counted.
    public var matchCount: Int?
    /// Contacts the vendor says the campaign has.
    public var vendorTotal: Int?
    /// The vendor offset of the next page to fetch, nil when all are fetched.
    public var nextVendorOffset: Int? = 0
    public var fetchingContacts = false
    /// The rows from `windowOffset` that the store observation delivered.
    public var window: [CachedContact] = []
    public var windowOffset = 0
    public var table = TableState()

    public init(campaignID: String) { self.campaignID = campaignID }

    /// True when the filter keeps fewer than every contact (a lone `!` keeps them all).
    public var isFiltered: Bool { !filter.isEmpty }

    /// True when a text or status filter is typed or chosen (Esc clears them first).
    public var hasFilterSet: Bool { !textFilter.isEmpty || statusFilter != nil }

    /// The filter as the store runs it: the chosen bucket's status words, the text.
    public var filter: ContactFilter {
        var text = textFilter
        let excludes = text.hasPrefix("!")
        if excludes { text.removeFirst() }
        let words = statusFilter.map { bucket in statuses.filter { $0.normalized == bucket }.map(\.raw) }
        return ContactFilter(statuses: words, text: text, excludesText: excludes && !text.isEmpty)
    }

    /// How many rows the contacts table has: the filter's matches, or every cached contact.
    public var listCount: Int? { isFiltered ? matchCount : cachedCount }
}

/// The open contact: its journal history and how far the screen is scrolled.
public struct ContactPane: Hashable, Sendable {
    public var key: String
    /// Journal rows that touched the contact, newest first; nil until read.
    public var history: [ContactHistoryEntry]?
    /// The first line of the contact sheet shown.
    public var scroll = 0

    public init(key: String) { self.key = key }
}

/// Everything the console shows, as a value: `update` changes it, views draw it.
public struct AppState: Hashable, Sendable {
    public var width: Int
    public var height: Int
    public var now: Date
    public var accounts: [AccountInfo]
    public var accountIndex = 0
    public var connection = Connection.connecting
    public var lastRefresh: Date?
    public var stack: [Screen] = [.campaigns]
    /// The current account's campaigns from the store; nil until the first observation.
    public var campaigns: [CachedCampaign]?
    public var stats: [String: StatusCounts] = [:]
    public var changes: [String: ChangeMark] = [:]
    /// Campaigns whose stats request is in flight (a refresh never starts twice).
    public var refreshing: Set<String> = []
    public var fetchingCampaigns = false
    public var campaignTable = TableState()
    public var sort = CampaignSort(column: .name, ascending: true)
    public var filter = ""
    /// The field being edited on the bottom row: the filter or the command line.
    public var editing: Editing?
    public var completions: [String] = []
    public var campaign: CampaignPane?
    public var contactPane: ContactPane?
    /// Campaign actions, the campaign form and the configurations screen.
    public var setup = CampaignSetup()
    /// The contact form, over the current screen.
    public var contactForm: ContactForm?
    /// Each account's tag and field lists as last read for the contact form.
    public var contactFormLists: [String: ContactFormLists] = [:]
    /// A removal waiting for the operator's yes.
    public var removal: ContactRemoval?
    public var journalPane: JournalPane?
    public var results: ResultsPane?
    /// The bulk import (`i`), shown over the campaign screen or running out of sight.
    public var importFlow: ImportFlow?
    public var showingHelp = false
    public var status: StatusMessage?
    public var refreshInterval: Duration
    public var paused = false
    public var quitting = false

    /// What the bottom row is editing.
    public enum Editing: Hashable, Sendable {
        case filter(TextField)
        case command(TextField)
    }

    /// Stats samples kept for sparklines.
    public static let sampleLimit = 60
    /// Contacts asked of the vendor per request.
    public static let vendorPageSize = 100
    /// Journal rows a contact screen shows.
    public static let historyLimit = 100

    public init(
        accounts: [AccountInfo], width: Int, height: Int, now: Date, refreshInterval: Duration = .seconds(2)
    ) {
        self.accounts = accounts
        self.width = width
        self.height = height
        self.now = now
        self.refreshInterval = refreshInterval
    }

    public var account: AccountInfo? { accounts.indices.contains(accountIndex) ? accounts[accountIndex] : nil }
    public var screen: Screen { stack.last ?? .campaigns }

    /// The context whose keys apply now.
    public var keyContext: KeyContext {
        if let contactForm { return contactForm.stage == .confirmingDiscard ? .confirm : .contactForm }
        if removal != nil { return .confirm }
        if let dialog = setup.settings { return dialog.keyContext }
        if importFlow?.isShown == true { return .bulkImport }
        switch screen {
        case .campaigns: return .campaigns
        case .campaign: return .campaign
        case .contact: return .contact
        case .configurations: return .configurations
        case .journal: return .journal
        case .results: return .results
        }
    }

    /// How often the loop sends `.tick`, or nil when live refresh is paused.
    public var tickInterval: Duration? { paused || quitting ? nil : refreshInterval }
}

/// The campaigns table's sort: a column and a direction.
public struct CampaignSort: Hashable, Sendable {
    public var column: SortColumn
    public var ascending: Bool
}
