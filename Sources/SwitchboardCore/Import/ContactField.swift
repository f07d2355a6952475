/// Where an import column (or a JSON key) goes in the neutral `Contact`.
public enum ContactField: Sendable, Hashable, CustomStringConvertible {
    case email
    /// One more phone number; phone columns are dialled in column order.
    case phone
    case firstName
    case lastName
    case externalID
    /// The vendor's own id of an existing contact (`Contact.vendorID`).
    case id
    case timezone
    case scheduledAt
    case status
    /// Tag ids or names, comma- or semicolon-separated, kept as `data["tags"]`.
    case tags
    /// A key of the contact's free-form `data`.
    case data(String)
    /// Left out of the import.
    case skip

    /// The names an explicit mapping may use, as `COLUMN=FIELD`.
    public static let mappingNames = [
        "email", "phone", "first_name", "last_name", "external_id", "id", "timezone", "scheduled_at", "status", "tags",
        "data", "data.KEY", "skip",
    ]

    /// The field a header names, as Anyreach's uploader recognises headers (case, spaces,
    /// dashes and underscores ignored; a phone header may end in digits, as in `phone 2`);
    /// nil for a header that goes to `data`.
    public init?(header: String) {
        let key = Self.comparable(header)
        if let field = Self.named[key] {
            self = field
            return
        }
        let base = String(key.reversed().drop(while: \.isNumber).reversed())
        guard base != key, Self.phoneNames.contains(base) else { return nil }
        self = .phone
    }

    /// The field a `COLUMN=FIELD` mapping names: any header word above, `data` (keep the
    /// column's own name), `data.KEY`, or `skip`. Nil for a name it does not know.
    public init?(mappingName name: String, column: String) {
        let trimmed = name.trimmingSpaces
        if let field = Self.named[Self.comparable(trimmed)] {
            self = field
        } else if Self.comparable(trimmed) == "data" {
            self = .data(column)
        } else if trimmed.lowercased().hasPrefix("data."), trimmed.count > 5 {
            self = .data(String(trimmed.dropFirst(5)))
        } else if ["skip", "ignore"].contains(trimmed.lowercased()) {
            self = .skip
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .email: "email"
        case .phone: "phone"
        case .firstName: "first_name"
        case .lastName: "last_name"
        case .externalID: "external_id"
        case .id: "id"
        case .timezone: "timezone"
        case .scheduledAt: "scheduled_at"
        case .status: "status"
        case .tags: "tags"
        case .data(let key): "data.\(key)"
        case .skip: "skip"
        }
    }

    /// True for the fields a contact has one of (everything but phone, data and skip).
    var isSingle: Bool {
        switch self {
        case .phone, .data, .skip: false
        default: true
        }
    }

    private static let phoneNames: Set<String> = [
        "phone", "phonenumber", "phonenumbers", "mobile", "mobilephone", "mobilenumber", "cell", "cellphone", "tel",
        "telephone",
    ]

    private static let named: [String: ContactField] = {
        var names: [String: ContactField] = [
            "email": .email, "emailaddress": .email, "firstname": .firstName, "lastname": .lastName,
            "externalid": .externalID, "id": .id, "contactid": .id, "anyreachid": .id, "timezone": .timezone,
            "scheduledat": .scheduledAt, "status": .status, "tags": .tags,
        ]
        for name in phoneNames { names[name] = .phone }
        return names
    }()

    /// Lowercased, without spaces, dashes or underscores.
    static func comparable(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { !" -_\t".unicodeScalars.contains($0) })
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let bytes = utf8
        guard let head = bytes.first, let tail = bytes.last else { return self }
        if head != 0x20 && head != 0x09 && tail != 0x20 && tail != 0x09 { return self }
        guard let first = firstIndex(where: { $0 != " " && $0 != "\t" }),
            let last = lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        return String(self[first...last])
    }
}
