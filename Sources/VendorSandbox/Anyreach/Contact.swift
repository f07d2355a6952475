import Foundation

/// Where a contact stands in the dialing queue.
enum ContactStatus: String, Codable, Sendable, CaseIterable {
    case pending, locked
    case inProgress = "in_progress"
    case completed, exhausted, error
}

/// How one call attempt ended.
enum AttemptOutcome: String, Codable, Sendable {
    case completed
    case noAnswer = "no_answer"
    case busy, voicemail, failed
}

/// One call attempt; `endedAt` and `outcome` stay null while the call is live.
struct Attempt: Encodable, Equatable, Sendable {
    var number: Int
    var phoneNumber: String
    var startedAt: Date
    var endedAt: Date?
    var outcome: AttemptOutcome?

    enum CodingKeys: String, CodingKey {
        case number, outcome
        case phoneNumber = "phone_number"
        case startedAt = "started_at"
        case endedAt = "ended_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(number, forKey: .number)
        try container.encode(phoneNumber, forKey: .phoneNumber)
        try container.encode(Timestamp.string(startedAt), forKey: .startedAt)
        try container.encode(endedAt.map(Timestamp.string), forKey: .endedAt)
        try container.encode(outcome, forKey: .outcome)
    }
}

/// A stored contact; `campaignID` is nil for contacts in the `default` bucket.
struct Contact: Encodable, Equatable, Sendable {
    var id: String
    var campaignID: String?
    var externalID: String?
    var phoneNumbers: [String]
    var data: [String: JSONValue]
    var timezone: String?
    var scheduledAt: Date?
    var status: ContactStatus
    var attempts: [Attempt]
    var agentID: String?
    var agentConfig: JSONValue?
    var agentNumber: String?
    var agentVersion: String?
    var initialContext: String?
    var createdAt: Date
    var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, data, timezone, status, attempts
        case campaignID = "campaign_id"
        case externalID = "external_id"
        case phoneNumbers = "phone_numbers"
        case scheduledAt = "scheduled_at"
        case attemptCount = "attempt_count"
        case agentID = "agent_id"
        case agentConfig = "agent_config"
        case agentNumber = "agent_number"
        case agentVersion = "agent_version"
        case initialContext = "initial_context"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(campaignID, forKey: .campaignID)
        try container.encode(externalID, forKey: .externalID)
        try container.encode(phoneNumbers, forKey: .phoneNumbers)
        try container.encode(data, forKey: .data)
        try container.encode(timezone, forKey: .timezone)
        try container.encode(scheduledAt.map(Timestamp.string), forKey: .scheduledAt)
        try container.encode(status, forKey: .status)
        try container.encode(attempts.count, forKey: .attemptCount)
        try container.encode(attempts, forKey: .attempts)
        try container.encode(agentID, forKey: .agentID)
        try container.encode(agentConfig, forKey: .agentConfig)
        try container.encode(agentNumber, forKey: .agentNumber)
        try container.encode(agentVersion, forKey: .agentVersion)
        try container.encode(initialContext, forKey: .initialContext)
        try container.encode(Timestamp.string(createdAt), forKey: .createdAt)
        try container.encode(Timestamp.string(updatedAt), forKey: .updatedAt)
    }
}
