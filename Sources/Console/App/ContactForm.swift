import Foundation
import SwitchboardCore

/// The contact form: one text field per vendor field (`ContactFormField`), checked as the
/// operator types, then a preview of what changes and the request, then the change is
/// sent through the journal. A value: `update` changes it, the view draws it.
public struct ContactForm: Hashable, Sendable {
    public enum Stage: Hashable, Sendable {
        case editing
        /// Esc with typed changes: asks before anything typed is thrown away.
        case confirmingDiscard
        /// The change and the request, waiting for Enter; the request preview arrives as a message.
        case preview
        /// Handed to the sync engine; the outcome comes back as a message.
        case sending
    }

    public var account: String
    public var campaignID: String
    public var campaignName: String
    /// The contact being edited, or nil for a new one.
    public var original: Contact?
    public var fields: [ContactFormField]
    public var inputs: [TextField]
    public var focus = 0
    public var stage = Stage.editing
    public var defaultCountryCode: String?
    /// Tab's candidates for the focused field when more than one matches.
    public var completions: [String] = []
    /// The request the vendor will get; nil until the effect runner describes it.
    public var requests: [RequestPreview]?
    /// Why the vendor would refuse the contact as a whole (no email, no phone...).
    public var vendorProblem: String?
    /// The first preview line shown (the preview scrolls with j/k).
    public var scroll = 0

    public init(
        account: String, campaignID: String, campaignName: String, fields: [ContactFormField], original: Contact?,
        defaultCountryCode: String?
    ) {
        self.account = account
        self.campaignID = campaignID
        self.campaignName = campaignName
        self.fields = fields
        self.original = original
        self.defaultCountryCode = defaultCountryCode
        let contact = original ?? Contact()
        inputs = fields.map { TextField(text: Self.text(of: $0, in: contact, fields: fields)) }
    }

    public var isNew: Bool { original == nil }

    /// True when anything typed differs from what the form opened with.
    public var isChanged: Bool {
        let contact = original ?? Contact()
        return fields.indices.contains { inputs[$0].text != Self.text(of: fields[$0], in: contact, fields: fields) }
    }

    // MARK: Values as text

    /// A field's value in `contact`, as the form shows it.
    static func text(of field: ContactFormField, in contact: Contact, fields: [ContactFormField]) -> String {
        switch field.slot {
        case .firstName: return contact.firstName ?? ""
        case .lastName: return contact.lastName ?? ""
        case .email: return contact.email ?? ""
        case .phones: return contact.phoneNumbers.joined(separator: ", ")
        case .externalID: return contact.externalID ?? ""
        case .timezone: return contact.timezone ?? ""
        case .scheduledAt: return contact.scheduledAt ?? ""
        case .status: return contact.status?.raw ?? ""
        case .partialUpdate: return "partial"
        case .data(let key):
            guard let value = contact.data[key], value != .null else { return "" }
            if field.kind == .ids { return ids(in: value).map(String.init).joined(separator: ", ") }
            if field.kind == .jsonObject { return value.jsonText }
            return value.description
        case .otherData(let hidden):
            let claimed = Set(claimedKeys(fields) + hidden)
            return contact.data.keys.filter { !claimed.contains($0) }.sorted()
                .map { "\($0)=\(contact.data[$0]!.description)" }.joined(separator: "; ")
        }
    }

    /// The `data` keys fields of their own hold.
    static func claimedKeys(_ fields: [ContactFormField]) -> [String] {
        fields.compactMap { if case .data(let key) = $0.slot { key } else { nil } }
    }

    /// Tag ids from `[1, 2]` or `[{"id": 1, ...}]`.
    static func ids(in value: JSONValue) -> [Int] {
        guard case .array(let items) = value else { return [] }
        return items.compactMap { item in
            switch item {
            case .number(let id): Int(exactly: id)
            case .object(let members): if case .number(let id)? = members["id"] { Int(exactly: id) } else { nil }
            default: nil
            }
        }
    }

    // MARK: Checks

    /// Why the field's text cannot be sent, or nil.
    public func problem(at index: Int) -> String? {
        let text = inputs[index].text.trimmingCharacters(in: .whitespaces)
        switch fields[index].kind {
        case .text: return nil
        case .email: return text.isEmpty ? nil : FieldChecks.email(text)
        case .phones(let limit):
            let parts = Self.pieces(text, separator: ",")
            if let limit, parts.count > limit {
                return "at most \(limit) phone number\(limit == 1 ? "" : "s") here; this has \(parts.count)"
            }
            for part in parts {
                do { _ = try PhoneNumber.e164(part, defaultCountryCode: defaultCountryCode) } catch {
                    return error.description
                }
            }
            return nil
        case .timezone: return text.isEmpty ? nil : FieldChecks.timezone(text)
        case .isoTime: return text.isEmpty ? nil : FieldChecks.isoTime(text)
        case .status(let statuses):
            guard !text.isEmpty, status(text, in: statuses) == nil else { return nil }
            return "\"\(text)\" is not a status here (\(statuses.map(\.raw).joined(separator: ", ")))"
        case .choice(let words):
            return text.isEmpty || words.contains(text) ? nil : "\"\(text)\" is not one of \(words.joined(separator: ", "))"
        case .integer: return text.isEmpty || Int(text) != nil ? nil : "\"\(text)\" is not a whole number"
        case .ids:
            let bad = Self.pieces(text, separator: ",").first { Int($0) == nil }
            return bad.map { "\"\($0)\" is not a tag id (a number)" }
        case .keyValues:
            for pair in Self.pieces(text, separator: ";") {
                guard let equals = pair.firstIndex(of: "="),
                    !pair[..<equals].trimmingCharacters(in: .whitespaces).isEmpty
                else { return "\"\(pair)\" is not key=value" }
            }
            return nil
        case .partialOrFull: return ["partial", "full"].contains(text) ? nil : "partial or full"
        case .jsonObject:
            guard !text.isEmpty else { return nil }
            let value: JSONValue
            do { value = try JSONReader.value(from: text) } catch { return String(describing: error) }
            guard case .object = value else { return "a JSON object is needed ({\"key\": value, ...}), not \(value.jsonText)" }
            return nil
        }
    }

    /// Every field's problem, in form order, as "Label: reason".
    public var problems: [String] {
        fields.indices.compactMap { index in problem(at: index).map { "\(fields[index].label): \($0)" } }
    }

    public var isValid: Bool { problems.isEmpty }

    /// The phone numbers in E.164, as they will be sent, when the field is fine.
    public func normalized(at index: Int) -> String? {
        guard case .phones = fields[index].kind, problem(at: index) == nil else { return nil }
        let parts = Self.pieces(inputs[index].text, separator: ",")
        let numbers = parts.compactMap { try? PhoneNumber.e164($0, defaultCountryCode: defaultCountryCode) }
        let shown = numbers.joined(separator: ", ")
        return shown == inputs[index].text ? nil : shown
    }

    private func status(_ text: String, in statuses: [ContactStatus]) -> ContactStatus? {
        statuses.first { $0.raw.caseInsensitiveCompare(text) == .orderedSame }
    }

    static func pieces(_ text: String, separator: Character) -> [String] {
        text.split(separator: separator).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    // MARK: The change

    /// The contact the form describes (valid fields only; check `isValid` first).
    public var contact: Contact {
        var contact = original ?? Contact()
        for (index, field) in fields.enumerated() where problem(at: index) == nil {
            let text = inputs[index].text.trimmingCharacters(in: .whitespaces)
            let value: String? = text.isEmpty ? nil : text
            switch field.slot {
            case .firstName: contact.firstName = value
            case .lastName: contact.lastName = value
            case .email: contact.email = value
            case .externalID: contact.externalID = value
            case .timezone: contact.timezone = value
            case .scheduledAt: contact.scheduledAt = value
            case .partialUpdate: break
            case .phones:
                contact.phoneNumbers = Self.pieces(text, separator: ",").compactMap {
                    try? PhoneNumber.e164($0, defaultCountryCode: defaultCountryCode)
                }
            case .status:
                // Empty leaves the vendor's status as it is: no vendor takes "no status".
                if case .status(let statuses) = field.kind, let value { contact.status = status(value, in: statuses) }
            case .data(let key):
                contact.data[key] = value.map { dataValue($0, kind: field.kind, before: original?.data[key]) }
            case .otherData(let hidden):
                let claimed = Set(Self.claimedKeys(fields) + hidden)
                for key in contact.data.keys where !claimed.contains(key) { contact.data.removeValue(forKey: key) }
                for pair in Self.pieces(text, separator: ";") {
                    let equals = pair.firstIndex(of: "=")!
                    let key = pair[..<equals].trimmingCharacters(in: .whitespaces)
                    let raw = pair[pair.index(after: equals)...].trimmingCharacters(in: .whitespaces)
                    contact.data[key] = dataValue(raw, kind: .text, before: original?.data[key])
                }
            }
        }
        return contact
    }

    /// A typed value as JSON: unchanged values keep their type; numbers for `integer`, id
    /// lists for `ids`; otherwise a string.
    private func dataValue(_ text: String, kind: ContactFormField.Kind, before: JSONValue?) -> JSONValue {
        if let before, text == (kind == .ids ? Self.ids(in: before).map(String.init).joined(separator: ", ") : before.description) {
            return before
        }
        switch kind {
        case .jsonObject: return (try? JSONReader.value(from: text)) ?? .string(text)
        case .integer: return Int(text).map { .number(Double($0)) } ?? .string(text)
        case .ids: return .array(Self.pieces(text, separator: ",").compactMap(Int.init).map { .number(Double($0)) })
        default: return .string(text)
        }
    }

    /// Upserts change only the fields sent where the form has an `Update` field set to partial.
    public var partial: Bool {
        fields.indices.contains { fields[$0].slot == .partialUpdate && inputs[$0].text.trimmingCharacters(in: .whitespaces) == "partial" }
    }

    /// The change the form sends: one contact, upserted.
    public func change(idempotencyKey: String) -> Change {
        Change(
            account: account, campaignID: campaignID, action: .upsert, partial: partial, contacts: [contact],
            idempotencyKey: idempotencyKey)
    }

    /// Each field whose value changes, as (label, old, new) texts.
    public var differences: [(label: String, old: String, new: String)] {
        let before = original ?? Contact()
        let after = contact
        return fields.compactMap { field in
            let old = Self.text(of: field, in: before, fields: fields)
            let new = field.slot == .partialUpdate
                ? inputs[fields.firstIndex(of: field)!].text : Self.text(of: field, in: after, fields: fields)
            return old == new || (field.slot == .partialUpdate && original == nil) ? nil : (field.label, old, new)
        }
    }

    // MARK: Typing

    /// Tab: completes a time zone or a word of the field's list; true when it did something.
    public mutating func complete() -> Bool {
        let candidates: [String]
        switch fields[focus].kind {
        case .timezone: candidates = Self.timezoneNames
        case .choice(let words): candidates = words
        case .status(let statuses): candidates = statuses.map(\.raw)
        case .partialOrFull: candidates = ["partial", "full"]
        default: return false
        }
        let typed = inputs[focus].text
        let matches = candidates.filter { $0.lowercased().hasPrefix(typed.lowercased()) }
        guard let first = matches.first else {
            completions = []
            return true
        }
        var common = first
        for match in matches.dropFirst() {
            common = String(common.prefix(zip(common.lowercased(), match.lowercased()).prefix { $0 == $1 }.count))
        }
        completions = matches.count > 1 ? Array(matches.prefix(50)) : []
        inputs[focus].replace(with: common.count >= typed.count ? common : typed)
        return true
    }

    /// The IANA names Tab completes from (read once).
    static let timezoneNames: [String] = TimeZone.knownTimeZoneIdentifiers.sorted()
}
