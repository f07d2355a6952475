/// What a Replify contacts request does to every contact it carries; unknown words kept.
public enum ReplifyAction: OpenEnum {
    /// Add contacts that are not in the campaign, update those that are (the vendor's default).
    case upsert
    /// Update contacts already in the campaign; ignore the rest.
    case updateOnly
    /// Remove the contacts, identified by email or phone.
    case remove
    case unknown(String)

    public init(rawValue: String) {
        switch rawValue {
        case "upsert": self = .upsert
        case "updateOnly": self = .updateOnly
        case "remove": self = .remove
        default: self = .unknown(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .upsert: "upsert"
        case .updateOnly: "updateOnly"
        case .remove: "remove"
        case .unknown(let raw): raw
        }
    }
}

/// A Replify contact's status. `completed` and `disqualified` stop further outreach;
/// the vendor allows other words (they change nothing), and they are kept as sent.
public enum ReplifyContactStatus: OpenEnum {
    case completed, disqualified
    case unknown(String)

    public init(rawValue: String) {
        switch rawValue {
        case "completed": self = .completed
        case "disqualified": self = .disqualified
        default: self = .unknown(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .completed: "completed"
        case .disqualified: "disqualified"
        case .unknown(let raw): raw
        }
    }
}

/// What Replify did with a contact it accepted (`created`, `updated`); unknown words kept.
public enum ReplifyResultAction: OpenEnum {
    case created, updated
    case unknown(String)

    public init(rawValue: String) {
        switch rawValue {
        case "created": self = .created
        case "updated": self = .updated
        default: self = .unknown(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .created: "created"
        case .updated: "updated"
        case .unknown(let raw): raw
        }
    }
}
