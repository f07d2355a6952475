import Foundation

/// A weekly call window: on these days, from `start` to `end` (`HH:MM`; `end` before
/// `start` crosses midnight).
struct CallWindow: Codable, Equatable, Sendable {
    var days: [String]
    var start: String
    var end: String
}

/// A call window on one calendar date (`YYYY-MM-DD`).
struct ScheduledWindow: Codable, Equatable, Sendable {
    var date: String
    var start: String
    var end: String
}

/// A stored configuration: schedule, retries, country code and agent defaults of a campaign.
struct Configuration: Encodable, Equatable, Sendable {
    var id: String
    var name: String
    var defaultTimezone: String
    var defaultWindows: [CallWindow]
    var overrides: [String: [CallWindow]]
    var scheduledWindows: [ScheduledWindow]
    var scheduledOverrides: [String: [ScheduledWindow]]
    /// Further attempts after the first: a contact is dialed at most `retryLimit + 1` times.
    var retryLimit: Int
    var defaultCountryCode: String
    var agentID: String?
    var agentNumber: String?
    var createdAt: Date
    var updatedAt: Date

    static let weekdayWindows = [
        CallWindow(days: ["mon", "tue", "wed", "thu", "fri"], start: "09:00", end: "17:00")
    ]

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

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(defaultTimezone, forKey: .defaultTimezone)
        try container.encode(defaultWindows, forKey: .defaultWindows)
        try container.encode(overrides, forKey: .overrides)
        try container.encode(scheduledWindows, forKey: .scheduledWindows)
        try container.encode(scheduledOverrides, forKey: .scheduledOverrides)
        try container.encode(retryLimit, forKey: .retryLimit)
        try container.encode(defaultCountryCode, forKey: .defaultCountryCode)
        try container.encode(agentID, forKey: .agentID)
        try container.encode(agentNumber, forKey: .agentNumber)
        try container.encode(Timestamp.string(createdAt), forKey: .createdAt)
        try container.encode(Timestamp.string(updatedAt), forKey: .updatedAt)
    }
}
