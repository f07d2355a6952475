/// Compares vendor words without regard to case: v4 answers `OneThousand`, `Valid`,
/// `Active`; v3 answers `oneThousand`, `valid`, `active`.
private func same(_ raw: String, _ known: String) -> Bool {
    raw.caseInsensitiveCompare(known) == .orderedSame
}

/// Organization size ranges (`companySize`). Known values are recognised in either case
/// and sent in the v4 spelling; unknown words kept as sent.
public enum ReplyIOCompanySize: OpenEnum, CaseIterable {
    case empty, selfEmployed, ten, fifty, twoHundred, fiveHundred, oneThousand, fiveThousand, tenThousand,
        overTenThousand
    case unknown(String)

    public static let allCases: [ReplyIOCompanySize] = [
        .empty, .selfEmployed, .ten, .fifty, .twoHundred, .fiveHundred, .oneThousand, .fiveThousand, .tenThousand,
        .overTenThousand,
    ]

    public init(rawValue: String) {
        self = Self.allCases.first { same(rawValue, $0.rawValue) } ?? .unknown(rawValue)
    }

    public var rawValue: String {
        switch self {
        case .empty: "Empty"
        case .selfEmployed: "SelfEmployed"
        case .ten: "Ten"
        case .fifty: "Fifty"
        case .twoHundred: "TwoHundred"
        case .fiveHundred: "FiveHundred"
        case .oneThousand: "OneThousand"
        case .fiveThousand: "FiveThousand"
        case .tenThousand: "TenThousand"
        case .overTenThousand: "OverTenThousand"
        case .unknown(let raw): raw
        }
    }
}

/// Phone validation status (`phoneStatus`); recognised in either case, unknown words kept.
public enum ReplyIOPhoneStatus: OpenEnum, CaseIterable {
    case pending, invalid, valid, validationFailed, notValidated
    case unknown(String)

    public static let allCases: [ReplyIOPhoneStatus] = [.pending, .invalid, .valid, .validationFailed, .notValidated]

    public init(rawValue: String) {
        self = Self.allCases.first { same(rawValue, $0.rawValue) } ?? .unknown(rawValue)
    }

    public var rawValue: String {
        switch self {
        case .pending: "Pending"
        case .invalid: "Invalid"
        case .valid: "Valid"
        case .validationFailed: "ValidationFailed"
        case .notValidated: "NotValidated"
        case .unknown(let raw): raw
        }
    }
}

/// A sequence's status (`new`, `active`, `paused`); recognised in either case, unknown words kept.
public enum ReplyIOSequenceStatus: OpenEnum, CaseIterable {
    case new, active, paused
    case unknown(String)

    public static let allCases: [ReplyIOSequenceStatus] = [.new, .active, .paused]

    public init(rawValue: String) {
        self = Self.allCases.first { same(rawValue, $0.rawValue) } ?? .unknown(rawValue)
    }

    public var rawValue: String {
        switch self {
        case .new: "New"
        case .active: "Active"
        case .paused: "Paused"
        case .unknown(let raw): raw
        }
    }
}

/// A contact's status within one sequence (the answer's `sequences[].status`). Only
/// `Active` appears in the documents; `Paused` and `Finished` are the other states a
/// sequence run has. Recognised in either case; unknown words kept.
public enum ReplyIOContactSequenceStatus: OpenEnum, CaseIterable {
    case active, paused, finished
    case unknown(String)

    public static let allCases: [ReplyIOContactSequenceStatus] = [.active, .paused, .finished]

    public init(rawValue: String) {
        self = Self.allCases.first { same(rawValue, $0.rawValue) } ?? .unknown(rawValue)
    }

    public var rawValue: String {
        switch self {
        case .active: "Active"
        case .paused: "Paused"
        case .finished: "Finished"
        case .unknown(let raw): raw
        }
    }

    /// Where the status falls in Switchboard's neutral counts.
    public var normalized: NormalizedStatus {
        switch self {
        case .active: .active
        case .paused: .pending
        case .finished: .completed
        case .unknown: .unknown
        }
    }
}
