/// A CampaignLark contact's status. The first five are the values the upsert accepts;
/// `BOUNCED` is seen on contacts the vendor returns. Unknown words kept.
public enum CampaignLarkContactStatus: OpenEnum {
    case subscribed, unsubscribed, unconfirmed, cleaned, complained, bounced
    case unknown(String)

    public init(rawValue: String) {
        switch rawValue {
        case "SUBSCRIBED": self = .subscribed
        case "UNSUBSCRIBED": self = .unsubscribed
        case "UNCONFIRMED": self = .unconfirmed
        case "CLEANED": self = .cleaned
        case "COMPLAINED": self = .complained
        case "BOUNCED": self = .bounced
        default: self = .unknown(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .subscribed: "SUBSCRIBED"
        case .unsubscribed: "UNSUBSCRIBED"
        case .unconfirmed: "UNCONFIRMED"
        case .cleaned: "CLEANED"
        case .complained: "COMPLAINED"
        case .bounced: "BOUNCED"
        case .unknown(let raw): raw
        }
    }

    /// True for the statuses the upsert accepts (everything but `BOUNCED` and unknown words).
    public var isAcceptedOnUpsert: Bool {
        switch self {
        case .bounced, .unknown: false
        default: true
        }
    }

    /// Where the status falls in Switchboard's neutral counts: subscribed and unconfirmed
    /// contacts are still to be reached; the rest stopped (opt-out, bounce, complaint, cleaned).
    public var normalized: NormalizedStatus {
        switch self {
        case .subscribed, .unconfirmed: .pending
        case .unsubscribed, .cleaned, .complained, .bounced: .failed
        case .unknown: .unknown
        }
    }
}

/// A CampaignLark campaign's status, from NOTES.md; unknown words kept.
public enum CampaignLarkCampaignStatus: OpenEnum {
    case draft, preprocessing, inReview, queued, processing, paused, completed, cancelled, archived
    case unknown(String)

    public init(rawValue: String) {
        switch rawValue {
        case "DRAFT": self = .draft
        case "PREPROCESSING": self = .preprocessing
        case "IN_REVIEW": self = .inReview
        case "QUEUED": self = .queued
        case "PROCESSING": self = .processing
        case "PAUSED": self = .paused
        case "COMPLETED": self = .completed
        case "CANCELLED": self = .cancelled
        case "ARCHIVED": self = .archived
        default: self = .unknown(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .draft: "DRAFT"
        case .preprocessing: "PREPROCESSING"
        case .inReview: "IN_REVIEW"
        case .queued: "QUEUED"
        case .processing: "PROCESSING"
        case .paused: "PAUSED"
        case .completed: "COMPLETED"
        case .cancelled: "CANCELLED"
        case .archived: "ARCHIVED"
        case .unknown(let raw): raw
        }
    }

    /// The neutral state: everything between review and sending is active; the three
    /// end states are closed.
    public var neutral: CampaignState {
        switch self {
        case .draft: .draft
        case .preprocessing, .inReview, .queued, .processing: .active
        case .paused: .paused
        case .completed, .cancelled, .archived: .closed
        case .unknown(let raw): .unknown(raw)
        }
    }
}

/// The type of a workspace field (`TEXT`, `NUMBER`, `BOOL`, `DATE`, `MULTI`); unknown words kept.
public enum CampaignLarkFieldType: OpenEnum {
    case text, number, bool, date, multi
    case unknown(String)

    public init(rawValue: String) {
        switch rawValue {
        case "TEXT": self = .text
        case "NUMBER": self = .number
        case "BOOL": self = .bool
        case "DATE": self = .date
        case "MULTI": self = .multi
        default: self = .unknown(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .text: "TEXT"
        case .number: "NUMBER"
        case .bool: "BOOL"
        case .date: "DATE"
        case .multi: "MULTI"
        case .unknown(let raw): raw
        }
    }
}

/// What contacts search sorts by (`created_at`, `updated_at`); unknown words kept.
public enum CampaignLarkSortField: OpenEnum {
    case createdAt, updatedAt
    case unknown(String)

    public init(rawValue: String) {
        switch rawValue {
        case "created_at": self = .createdAt
        case "updated_at": self = .updatedAt
        default: self = .unknown(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .createdAt: "created_at"
        case .updatedAt: "updated_at"
        case .unknown(let raw): raw
        }
    }
}

/// Sort direction for contacts search (`asc`, `desc`); unknown words kept.
public enum CampaignLarkSortOrder: OpenEnum {
    case ascending, descending
    case unknown(String)

    public init(rawValue: String) {
        switch rawValue {
        case "asc": self = .ascending
        case "desc": self = .descending
        default: self = .unknown(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .ascending: "asc"
        case .descending: "desc"
        case .unknown(let raw): raw
        }
    }
}
