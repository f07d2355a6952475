import GRDB

/// Which of a campaign's cached contacts to show: those with one of some vendor status
/// words, and those whose name, phone numbers, email or external id contain a text.
/// Runs in SQLite, so a window of a million contacts is filtered without loading them.
public struct ContactFilter: Hashable, Sendable {
    /// Vendor status words to keep (any of them); nil keeps every status, empty none.
    public var statuses: [String]?
    /// Text to look for (ASCII letters in any case); empty keeps every contact.
    public var text: String
    /// Keep the contacts the text does not match instead.
    public var excludesText: Bool

    public init(statuses: [String]? = nil, text: String = "", excludesText: Bool = false) {
        self.statuses = statuses
        self.text = text
        self.excludesText = excludesText
    }

    /// Every contact.
    public static let all = ContactFilter()

    /// True when it keeps every contact.
    public var isEmpty: Bool { statuses == nil && text.isEmpty }

    /// The filter as an SQL condition on the `contact` table, nil when it keeps everything.
    var condition: SQLExpression? {
        var parts: [SQLExpression] = []
        if let statuses { parts.append(statuses.contains(Column("status"))) }
        if !text.isEmpty { parts.append(excludesText ? !textMatch : textMatch) }
        return parts.isEmpty ? nil : parts.joined(operator: .and)
    }

    /// Name ("first last"), every phone, email or external id contains the text. A cheap
    /// LIKE over the stored JSON first keeps the JSON from being parsed for rows that
    /// cannot match: each space-free piece of the text must appear in it verbatim,
    /// unless JSON escapes (quote, backslash, slash, control characters) could hide it.
    private var textMatch: SQLExpression {
        let pattern = "%" + Self.escapedForLike(text) + "%"
        let exact: SQL = """
            (coalesce(json_extract(contact, '$.firstName'), '') || ' ' \
            || coalesce(json_extract(contact, '$.lastName'), '') LIKE \(pattern) ESCAPE '\\' \
            OR coalesce(email, '') LIKE \(pattern) ESCAPE '\\' \
            OR coalesce(externalID, '') LIKE \(pattern) ESCAPE '\\' \
            OR coalesce(json_extract(contact, '$.phoneNumbers'), '') LIKE \(pattern) ESCAPE '\\')
            """
        let unsafe = text.unicodeScalars.contains { $0.value < 0x20 || "\"\\/".unicodeScalars.contains($0) }
        let pieces = text.split(separator: " ").map(String.init)
        guard !unsafe, !pieces.isEmpty else { return exact.sqlExpression }
        let prefilter = pieces.map { piece -> SQL in
            "contact LIKE \("%" + Self.escapedForLike(piece) + "%") ESCAPE '\\'"
        }
        return (prefilter + [exact]).joined(operator: .and)
    }

    /// The text with LIKE's wildcards (and the escape character) taken literally.
    static func escapedForLike(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { out.append("\\") }
            out.append(character)
        }
        return out
    }
}

extension DerivableRequest<CachedContact> {
    /// The contacts `filter` keeps.
    public func matching(_ filter: ContactFilter) -> Self {
        guard let condition = filter.condition else { return self }
        return self.filter(condition)
    }
}
