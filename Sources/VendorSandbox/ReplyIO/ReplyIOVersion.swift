/// The two forms of the Reply.io API the sandbox serves, on the same routes and bodies:
/// v4 (the reference page) authenticates with `X-API-Key`, v3 with `Authorization: Bearer`.
/// Enum words go out PascalCase in v4 answers (`OneThousand`) and camelCase in v3 answers
/// (`oneThousand`), as the vendor's pages for each version show them.
enum ReplyIOVersion: String, CaseIterable, Sendable {
    case v3, v4

    /// A PascalCase enum word as this version writes it.
    func spell(_ word: String) -> String {
        switch self {
        case .v4: word
        case .v3: word.prefix(1).lowercased() + word.dropFirst()
        }
    }
}

/// An enum whose raw values are the vendor's PascalCase words; read in any case.
protocol ReplyIOWord: RawRepresentable, CaseIterable, Sendable where RawValue == String {}

extension ReplyIOWord {
    /// The case whose word matches `text` ignoring case, as the vendor reads enum values.
    init?(word text: String) {
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) else {
            return nil
        }
        self = match
    }

    /// Every word, for validation messages.
    static var wordList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// `companySize`: the organization's employee count range.
enum ReplyIOCompanySize: String, ReplyIOWord {
    case empty = "Empty"
    case selfEmployed = "SelfEmployed"
    case ten = "Ten"
    case fifty = "Fifty"
    case twoHundred = "TwoHundred"
    case fiveHundred = "FiveHundred"
    case oneThousand = "OneThousand"
    case fiveThousand = "FiveThousand"
    case tenThousand = "TenThousand"
    case overTenThousand = "OverTenThousand"
}

/// `phoneStatus`: what the vendor's phone validation made of `phone`.
enum ReplyIOPhoneStatus: String, ReplyIOWord {
    case pending = "Pending"
    case invalid = "Invalid"
    case valid = "Valid"
    case validationFailed = "ValidationFailed"
    case notValidated = "NotValidated"
}

/// A sequence's state; archiving is a separate flag (`isArchived`).
enum ReplyIOSequenceStatus: String, ReplyIOWord {
    case new = "New"
    case active = "Active"
    case paused = "Paused"
}

/// Whether a sequence can run normally.
enum ReplyIOSequenceHealth: String, ReplyIOWord {
    case healthy = "Healthy"
    case stalled = "Stalled"
    case degraded = "Degraded"
    case blocked = "Blocked"
}

/// Where a contact stands in one sequence.
enum ReplyIOEnrollmentStatus: String, ReplyIOWord {
    case active = "Active"
    case paused = "Paused"
    case finished = "Finished"
    case replied = "Replied"
    case bounced = "Bounced"
}
