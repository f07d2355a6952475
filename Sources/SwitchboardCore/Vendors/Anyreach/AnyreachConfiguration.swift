/// A calling window: days of the week and a start and end time (`HH:MM`); it may cross midnight.
public struct AnyreachWindow: Codable, Sendable, Hashable {
    public var days: [String]
    public var start: String
    public var end: String

    public init(days: [String], start: String, end: String) {
        self.days = days
        self.start = start
        self.end = end
    }
}

/// A campaign configuration: schedule, retries, country code, agent (partly documented;
/// the schedule's richer parts are kept as JSON).
public struct AnyreachConfiguration: Codable, Sendable, Hashable {
    public var id: String
    public var name: String?
    public var defaultTimezone: String?
    public var defaultWindows: [AnyreachWindow]?
    public var overrides: JSONValue?
    public var scheduledWindows: JSONValue?
    public var scheduledOverrides: JSONValue?
    public var retryLimit: Int?
    public var defaultCountryCode: String?
    public var agentID: String?
    public var agentNumber: String?
    public var createdAt: String?
    public var updatedAt: String?

    enum CodingKeys: String, CodingKey {
        case id, name, overrides
        case defaultTimezone = "default_timezone"
        case defaultWindows = "default_windows"
        case scheduledWindows = "scheduled_windows"
        case scheduledOverrides = "scheduled_overrides"
        case retryLimit = "retry_limit"
        case defaultCountryCode = "default_country_code"
        case agentID = "agent_id"
        case agentNumber = "agent_number"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// The body of a configuration create or update: only set fields are sent.
public struct AnyreachConfigurationInput: Codable, Sendable, Hashable {
    public var name: String?
    public var defaultTimezone: String?
    public var defaultWindows: [AnyreachWindow]?
    public var overrides: JSONValue?
    public var scheduledWindows: JSONValue?
    public var scheduledOverrides: JSONValue?
    public var retryLimit: Int?
    public var defaultCountryCode: String?
    public var agentID: String?
    public var agentNumber: String?

    public init(
        name: String? = nil, defaultTimezone: String? = nil, defaultWindows: [AnyreachWindow]? = nil,
        overrides: JSONValue? = nil, scheduledWindows: JSONValue? = nil, scheduledOverrides: JSONValue? = nil,
        retryLimit: Int? = nil, defaultCountryCode: String? = nil, agentID: String? = nil, agentNumber: String? = nil
    ) {
        self.name = name
        self.defaultTimezone = defaultTimezone
        self.defaultWindows = defaultWindows
        self.overrides = overrides
        self.scheduledWindows = scheduledWindows
        self.scheduledOverrides = scheduledOverrides
        self.retryLimit = retryLimit
        self.defaultCountryCode = defaultCountryCode
        self.agentID = agentID
        self.agentNumber = agentNumber
    }

    enum CodingKeys: String, CodingKey {
        case name, overrides
        case defaultTimezone = "default_timezone"
        case defaultWindows = "default_windows"
        case scheduledWindows = "scheduled_windows"
        case scheduledOverrides = "scheduled_overrides"
        case retryLimit = "retry_limit"
        case defaultCountryCode = "default_country_code"
        case agentID = "agent_id"
        case agentNumber = "agent_number"
    }
}

struct AnyreachConfigurationList: Codable, Sendable {
    var configurations: [AnyreachConfiguration]
}

/// The org-wide concurrency setting and the calls in flight.
public struct AnyreachConcurrency: Codable, Sendable, Hashable {
    public var concurrencyLimit: Int
    public var activeCalls: Int?

    enum CodingKeys: String, CodingKey {
        case concurrencyLimit = "concurrency_limit"
        case activeCalls = "active_calls"
    }
}

struct AnyreachConcurrencyInput: Codable, Sendable {
    var concurrencyLimit: Int

    enum CodingKeys: String, CodingKey {
        case concurrencyLimit = "concurrency_limit"
    }
}

struct AnyreachTimezones: Codable, Sendable {
    var timezones: [String]
}

/// The answer to a delete.
public struct AnyreachDeleted: Codable, Sendable, Hashable {
    public var id: String?
    public var deleted: Bool?
}
