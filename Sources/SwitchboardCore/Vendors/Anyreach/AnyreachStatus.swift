/// Anyreach campaign status (`active`, `paused`, `closed`); unknown words kept.
public enum AnyreachCampaignStatus: OpenEnum {
    case active, paused, closed
    case unknown(String)

    public init(rawValue: String) {
        switch rawValue {
        case "active": self = .active
        case "paused": self = .paused
        case "closed": self = .closed
        default: self = .unknown(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .active: "active"
        case .paused: "paused"
        case .closed: "closed"
        case .unknown(let raw): raw
        }
    }
}

/// Anyreach contact status, from `anyreach-contacts.md`; unknown words kept.
public enum AnyreachContactStatus: OpenEnum {
    case pending, locked, inProgress, completed, exhausted, error
    case unknown(String)

    public init(rawValue: String) {
        switch rawValue {
        case "pending": self = .pending
        case "locked": self = .locked
        case "in_progress": self = .inProgress
        case "completed": self = .completed
        case "exhausted": self = .exhausted
        case "error": self = .error
        default: self = .unknown(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .pending: "pending"
        case .locked: "locked"
        case .inProgress: "in_progress"
        case .completed: "completed"
        case .exhausted: "exhausted"
        case .error: "error"
        case .unknown(let raw): raw
        }
    }

    /// Where the status falls in Switchboard's neutral counts.
    public var normalized: NormalizedStatus {
        switch self {
        case .pending: .pending
        case .locked, .inProgress: .active
        case .completed: .completed
        case .exhausted: .exhausted
        case .error: .failed
        case .unknown: .unknown
        }
    }
}
