import Foundation
import SwitchboardCore

/// An account as the console knows it: never its credential.
public struct AccountInfo: Hashable, Sendable {
    public var name: String
    public var vendorName: String
    public var capabilities: VendorCapabilities
    /// Campaign ids named in the accounts file, for vendors with no listing route.
    public var configuredCampaigns: [String]

    public init(name: String, vendorName: String, capabilities: VendorCapabilities, configuredCampaigns: [String]) {
        self.name = name
        self.vendorName = vendorName
        self.capabilities = capabilities
        self.configuredCampaigns = configuredCampaigns
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

/// The open campaign: its stats samples and the window of contacts shown.
public struct CampaignPane: Hashable, Sendable {
    public var campaignID: String
    public var samples: [StatsSample] = []
    /// Contacts cached in the store for this campaign.
    public var cachedCount: Int?
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
        switch screen {
        case .campaigns: .campaigns
        case .campaign: .campaign
        case .contact: .contact
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
