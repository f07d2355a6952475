/// What a campaign create or update sets: only the fields that are not nil are sent.
/// Journaled with the change (`ChangeAction.createCampaign`, `.updateCampaign`).
public struct CampaignDraft: Codable, Sendable, Hashable {
    public var name: String?
    /// The operator's own key. A create carries one: it is how a resend (a retry or a
    /// replay after a lost answer) finds the campaign the first send made.
    public var externalID: String?
    public var configurationID: String?
    /// The campaign's description (the CLI sets it; absent from entries journaled before it).
    public var description: String?

    public init(name: String? = nil, externalID: String? = nil, configurationID: String? = nil, description: String? = nil) {
        self.name = name
        self.externalID = externalID
        self.configurationID = configurationID
        self.description = description
    }

    /// True when it sets nothing.
    public var isEmpty: Bool { name == nil && externalID == nil && configurationID == nil && description == nil }
}

/// A calling window: days of the week (`mon` ... `sun`) and a start and end time
/// (`HH:MM`); an end before the start crosses midnight.
public struct ScheduleWindow: Codable, Sendable, Hashable {
    public var days: [String]
    public var start: String
    public var end: String

    public init(days: [String], start: String, end: String) {
        self.days = days
        self.start = start
        self.end = end
    }
}

/// A campaign configuration as the console shows it: its name and calling schedule.
public struct CampaignConfiguration: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String?
    public var timezone: String?
    /// The default calling windows; empty means no calls.
    public var windows: [ScheduleWindow]
    public var retryLimit: Int?
    public var countryCode: String?

    public init(
        id: String, name: String? = nil, timezone: String? = nil, windows: [ScheduleWindow] = [],
        retryLimit: Int? = nil, countryCode: String? = nil
    ) {
        self.id = id
        self.name = name
        self.timezone = timezone
        self.windows = windows
        self.retryLimit = retryLimit
        self.countryCode = countryCode
    }
}

/// The account's limit on calls at once, and how many are in flight.
public struct ConcurrencyLimit: Sendable, Hashable {
    public var limit: Int
    public var activeCalls: Int?

    public init(limit: Int, activeCalls: Int?) {
        self.limit = limit
        self.activeCalls = activeCalls
    }
}
