/// One field of the contact form a vendor's contacts are edited with: where its value
/// lives in the neutral `Contact`, and what the vendor takes there. Each vendor folder
/// lists its own (see `ContactFormVendor`), from the vendor's documents.
public struct ContactFormField: Hashable, Sendable {
    /// Where in `Contact` (or the change) the value goes.
    public enum Slot: Hashable, Sendable {
        case firstName, lastName, email, phones, externalID, timezone, scheduledAt, status
        /// One key of `Contact.data`.
        case data(String)
        /// Every `Contact.data` key no other field claims, except `hidden` ones (set by the
        /// vendor, never sent back), as `key=value` pairs.
        case otherData(hidden: [String])
        /// `Change.partial`: change only the fields sent, or replace the record.
        case partialUpdate
    }

    /// What the field takes, for inline checks and completion.
    public enum Kind: Hashable, Sendable {
        case text
        case email
        /// Phone numbers, comma-separated in order, normalized to E.164; at most `limit`.
        case phones(limit: Int?)
        /// An IANA time zone, completed with Tab.
        case timezone
        /// An ISO 8601 date and time with a zone.
        case isoTime
        /// One of the vendor's status words, or empty to leave it unset.
        case status([ContactStatus])
        /// One of these words (empty allowed), completed with Tab.
        case choice([String])
        /// A whole number.
        case integer
        /// Tags from the vendor's tag list (`ContactFormLists`), by name or id, comma-separated.
        case tags
        /// `key=value` pairs separated by `;`.
        case keyValues
        /// A JSON object typed as text (`{"key": value, ...}`), or empty to leave it unset.
        case jsonObject
        /// `MERGE_TAG=value` pairs separated by `;`, merge tags from the vendor's field list.
        case mergeTagValues
        /// A number; decimals allowed.
        case number
        /// `true` or `false`.
        case boolean
        /// A calendar date, `YYYY-MM-DD`.
        case date
        /// Values separated by commas, sent as a list.
        case list
        /// `partial` or `full`.
        case partialOrFull
    }

    public var label: String
    public var slot: Slot
    public var kind: Kind
    /// A word on what the vendor does with it, shown under the form when the field has focus.
    public var hint: String

    public init(_ label: String, _ slot: Slot, _ kind: Kind = .text, hint: String = "") {
        self.label = label
        self.slot = slot
        self.kind = kind
        self.hint = hint
    }
}

/// The vendor's own lists a contact form picks from: the tags it knows and the fields it
/// keeps (CampaignLark's `GET /tags` and `GET /fields`). Read when the form opens.
public struct ContactFormLists: Hashable, Sendable {
    public struct Tag: Hashable, Sendable {
        public var id: Int
        public var name: String

        public init(id: Int, name: String) {
            self.id = id
            self.name = name
        }
    }

    /// One of the vendor's fields, by the key requests use (its merge tag).
    public struct Field: Hashable, Sendable {
        public var key: String
        public var label: String
        public var kind: ContactFormField.Kind
        /// The vendor refuses a create or a full replace without it.
        public var required: Bool
        /// The label of the form's own field that sets it (`First name`), or nil when the
        /// form gives it a row of its own.
        public var formField: String?

        public init(
            key: String, label: String, kind: ContactFormField.Kind, required: Bool, formField: String? = nil
        ) {
            self.key = key
            self.label = label
            self.kind = kind
            self.required = required
            self.formField = formField
        }

        /// True when no field of the form sets it.
        public var needsRow: Bool { formField == nil }
    }

    public var tags: [Tag]
    public var fields: [Field]

    public init(tags: [Tag], fields: [Field]) {
        self.tags = tags
        self.fields = fields
    }

    /// The tag `text` names: its id, or its name (letter case aside).
    public func tag(_ text: String) -> Tag? {
        if let id = Int(text) { return tags.first { $0.id == id } }
        return tags.first { $0.name.caseInsensitiveCompare(text) == .orderedSame }
    }
}

/// A request as it will go out, without credentials (headers are never shown): the
/// method, the route and the JSON body.
public struct RequestPreview: Hashable, Sendable {
    public var method: String
    public var path: String
    public var body: String

    public init(method: String, path: String, body: String) {
        self.method = method
        self.path = path
        self.body = body
    }
}

/// A vendor client that can describe its contact form and show the request an upsert
/// would send. Clients adopt it in their own folder; the console asks for it.
public protocol ContactFormVendor: Sendable {
    /// The fields an operator can set on one contact, in the order the form shows them.
    var contactFormFields: [ContactFormField] { get }
    /// The request(s) `request` would be sent as, body as indented JSON.
    func requestPreview(_ request: UpsertRequest) -> [RequestPreview]
    /// The vendor's tag and field lists (network), for forms with `.tags` or
    /// `.mergeTagValues` fields; nil when the vendor keeps none.
    func contactFormLists() async throws -> ContactFormLists?
}

extension ContactFormVendor {
    public func contactFormLists() async throws -> ContactFormLists? { nil }

    /// JSON bytes as indented text with sorted keys, for a preview.
    static func indented(_ bytes: [UInt8]) -> String {
        guard let value = try? JSONCoding.decode(JSONValue.self, from: bytes) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        return value.indentedJSON(level: 0)
    }

    static func indented<Body: Encodable>(_ body: Body) -> String {
        (try? JSONCoding.encode(body)).map { indented($0) } ?? ""
    }
}

extension JSONValue {
    /// Indented JSON text, keys sorted, two spaces a level.
    public func indentedJSON(level: Int) -> String {
        let pad = String(repeating: "  ", count: level + 1)
        let end = String(repeating: "  ", count: level)
        switch self {
        case .array(let items) where !items.isEmpty:
            return "[\n" + items.map { pad + $0.indentedJSON(level: level + 1) }.joined(separator: ",\n") + "\n\(end)]"
        case .object(let members) where !members.isEmpty:
            let lines = members.keys.sorted().map { key in
                pad + JSONValue.string(key).jsonText + ": " + members[key]!.indentedJSON(level: level + 1)
            }
            return "{\n" + lines.joined(separator: ",\n") + "\n\(end)}"
        case .array: return "[]"
        case .object: return "{}"
        default: return jsonText
        }
    }
}
