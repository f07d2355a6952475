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
    /// A line under the fields on what the vendor requires here, or nil.
    public var note: String?
    /// Tab's candidates for the focused field when more than one matches.
    public var completions: [String] = []
    /// The request the vendor will get; nil until the effect runner describes it.
    public var requests: [RequestPreview]?
    /// Why the vendor would refuse the contact as a whole (no email, no phone...).
    public var vendorProblem: String?
    /// The first preview line shown (the preview scrolls with j/k).
    public var scroll = 0
    /// The vendor's tag and field lists, for `.tags` and `.mergeTagValues` fields.
    public var lists: ListsState
    /// Tab cycling through tag names: the field, the candidates and the one shown.
    public var cycle: Cycle?

    /// Where the vendor's lists are: a form without list fields needs none.
    public enum ListsState: Hashable, Sendable {
        case notNeeded
        case loading
        case loaded(ContactFormLists)
        case unavailable(String)
    }

    public struct Cycle: Hashable, Sendable {
        public var field: Int
        public var candidates: [String]
        public var index: Int
    }

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
        lists = Self.needsLists(fields) ? .loading : .notNeeded
    }

    /// True when some field picks from the vendor's lists.
    static func needsLists(_ fields: [ContactFormField]) -> Bool {
        fields.contains { $0.kind == .tags || $0.kind == .mergeTagValues }
    }

    /// The lists, once read.
    public var vendorLists: ContactFormLists? {
        if case .loaded(let lists) = lists { lists } else { nil }
    }

    /// The vendor's lists arrived: tags resolve by name, and each of the vendor's fields no
    /// row sets yet gets one (before the free-form row), filled from the contact. Pairs
    /// already typed into the free-form row for those fields move to their rows.
    public mutating func apply(_ newLists: ContactFormLists) {
        lists = .loaded(newLists)
        let claimed = Set(Self.claimedKeys(fields))
        let rows = newLists.fields.filter { $0.needsRow && !claimed.contains($0.key) }.map { field in
            ContactFormField(
                field.label, .data(field.key), field.kind,
                hint: "merge tag \(field.key)" + (field.required ? " (required in this workspace)" : ""))
        }
        guard !rows.isEmpty else { return }
        let contact = original ?? Contact()
        let free = fields.firstIndex { if case .otherData = $0.slot { true } else { false } }
        let at = free ?? fields.firstIndex { $0.slot == .partialUpdate } ?? fields.count
        let before = fields
        fields.insert(contentsOf: rows, at: at)
        var added = rows.map { TextField(text: Self.text(of: $0, in: contact, fields: fields)) }
        if let free {
            let typed = inputs[free].text
            if typed == Self.text(of: before[free], in: contact, fields: before) {
                inputs[free] = TextField(text: Self.text(of: before[free], in: contact, fields: fields))
            } else {
                var kept: [String] = []
                for pair in Self.pieces(typed, separator: ";") {
                    if let equals = pair.firstIndex(of: "="),
                        let row = rows.firstIndex(where: { $0.slot == .data(pair[..<equals].trimmingCharacters(in: .whitespaces)) })
                    {
                        added[row] = TextField(text: pair[pair.index(after: equals)...].trimmingCharacters(in: .whitespaces))
                    } else {
                        kept.append(pair)
                    }
                }
                inputs[free] = TextField(text: kept.joined(separator: "; "))
            }
        }
        inputs.insert(contentsOf: added, at: at)
        if focus >= at { focus += rows.count }
        cycle = nil
    }

    /// The lists could not be read: the form still works, tags by id and merge tags unchecked.
    public mutating func listsFailed(_ reason: String) {
        if vendorLists == nil { lists = .unavailable(reason) }
    }

    /// Where the vendor's lists are, for the form's title line; nil when it uses none.
    public var listsNote: String? {
        switch lists {
        case .notNeeded: return nil
        case .loading: return "reading tags and fields…"
        case .loaded(let lists): return "\(lists.tags.count) tags, \(lists.fields.count) fields in the workspace"
        case .unavailable(let reason): return "tags and fields unavailable: \(reason)"
        }
    }

    /// The focused field's hint, with where the vendor's lists are for the fields that use them.
    public func hint(at index: Int) -> String {
        let field = fields[index]
        guard field.kind == .tags || field.kind == .mergeTagValues else { return field.hint }
        switch lists {
        case .loading: return field.hint + " · reading the workspace's tags and fields…"
        case .unavailable(let reason):
            return field.hint + " · tag and field lists unavailable (\(reason)): tags by id, merge tags unchecked"
        case .loaded, .notNeeded: return field.hint
        }
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
            return display(value, kind: field.kind)
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

    /// A `data` value as the form shows it for a field of `kind`.
    static func display(_ value: JSONValue, kind: ContactFormField.Kind) -> String {
        switch kind {
        case .tags: return tags(in: value).map { $0.name ?? String($0.id) }.joined(separator: ", ")
        case .jsonObject: return value.jsonText
        case .list:
            guard case .array(let items) = value else { return value.description }
            return items.map(\.description).joined(separator: ", ")
        default: return value.description
        }
    }

    /// Tags from `[1, 2]` or `[{"id": 1, "name": "vip"}, ...]`.
    static func tags(in value: JSONValue) -> [(id: Int, name: String?)] {
        guard case .array(let items) = value else { return [] }
        return items.compactMap { item in
            switch item {
            case .number(let id): Int(exactly: id).map { ($0, nil) }
            case .object(let members):
                if case .number(let id)? = members["id"], let id = Int(exactly: id) {
                    (id, members["name"]?.stringValue)
                } else {
                    nil
                }
            default: nil
            }
        }
    }

    /// The tag a piece of the Tags field names: from the vendor's list once read, else an
    /// id, or a name among the contact's own tags.
    func tag(_ piece: String) -> (id: Int, name: String?)? {
        if let lists = vendorLists { return lists.tag(piece).map { ($0.id, $0.name) } }
        let known = original.flatMap { $0.data["tags"] }.map(Self.tags(in:)) ?? []
        if let id = Int(piece) { return (id, known.first { $0.id == id }?.name) }
        return known.first { $0.name?.caseInsensitiveCompare(piece) == .orderedSame }
    }

    /// Why a piece of the Tags field names no tag, or nil.
    func tagProblem(_ piece: String) -> String? {
        guard tag(piece) == nil else { return nil }
        switch lists {
        case .loaded:
            return "\"\(piece)\" is not a tag in this workspace (Tab lists them)"
        case .loading:
            return "\"\(piece)\": the workspace's tag list is still being read; give the tag's id or wait"
        case .unavailable(let reason):
            return "\"\(piece)\": the workspace's tag list could not be read (\(reason)); give the tag's id"
        case .notNeeded:
            return "\"\(piece)\" is not a tag id (a number)"
        }
    }

    /// The vendor's field the form's field at `index` sets: its row, or the form's own field.
    func listed(_ index: Int) -> ContactFormLists.Field? {
        guard let lists = vendorLists else { return nil }
        let field = fields[index]
        if case .data(let key) = field.slot, let listed = lists.fields.first(where: { $0.key == key }) { return listed }
        return lists.fields.first { $0.formField == field.label }
    }

    /// Why a merge tag typed into the free-form row cannot be sent, or nil.
    func mergeTagProblem(_ key: String) -> String? {
        if fields.contains(where: { $0.slot == .data(key) }) { return "\"\(key)\" has its own row" }
        guard let lists = vendorLists else { return nil }
        if lists.fields.contains(where: { $0.key == key }) { return nil }
        return "\"\(key)\" is not a merge tag in this workspace's field list"
    }

    /// True for `YYYY-MM-DD` naming a real day.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month)
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }

    // MARK: Checks

    /// Why the field's text cannot be sent, or nil.
    public func problem(at index: Int) -> String? {
        let text = inputs[index].text.trimmingCharacters(in: .whitespaces)
        if text.isEmpty, isNew || !partial, let listed = listed(index), listed.required {
            return "required in this workspace (\(listed.key)) on a create or a full replace"
        }
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
        case .tags:
            return Self.pieces(text, separator: ",").lazy.compactMap { tagProblem($0) }.first
        case .number:
            return text.isEmpty || Double(text).map(\.isFinite) == true ? nil : "\"\(text)\" is not a number"
        case .boolean:
            return text.isEmpty || ["true", "false"].contains(text.lowercased()) ? nil : "\"\(text)\": true or false"
        case .date:
            return text.isEmpty || Self.isDate(text) ? nil : "\"\(text)\" is not a date (YYYY-MM-DD)"
        case .list:
            return nil
        case .mergeTagValues:
            for pair in Self.pieces(text, separator: ";") {
                guard let equals = pair.firstIndex(of: "="),
                    !pair[..<equals].trimmingCharacters(in: .whitespaces).isEmpty
                else { return "\"\(pair)\" is not MERGE_TAG=value" }
                if let problem = mergeTagProblem(pair[..<equals].trimmingCharacters(in: .whitespaces)) { return problem }
            }
            return nil
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
                // Pairs naming a field with its own row are refused (`mergeTagProblem`).
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
        if let before, text == Self.display(before, kind: kind) { return before }
        switch kind {
        case .tags:
            return .array(
                Self.pieces(text, separator: ",").compactMap { tag($0) }.map { tag in
                    // With its name where known, so the preview shows names (the client sends ids).
                    guard let name = tag.name else { return .number(Double(tag.id)) }
                    return .object(["id": .number(Double(tag.id)), "name": .string(name)])
                })
        case .number: return Double(text).map { .number($0) } ?? .string(text)
        case .boolean: return .bool(text.lowercased() == "true")
        case .list: return .array(Self.pieces(text, separator: ",").map { .string($0) })
        case .jsonObject: return (try? JSONReader.value(from: text)) ?? .string(text)
        case .integer: return Int(text).map { .number(Double($0)) } ?? .string(text)
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
        if fields[focus].kind == .tags { return completeTag() }
        let candidates: [String]
        switch fields[focus].kind {
        case .timezone: candidates = Self.timezoneNames
        case .choice(let words): candidates = words
        case .status(let statuses): candidates = statuses.map(\.raw)
        case .partialOrFull: candidates = ["partial", "full"]
        default: return false
        }
        let completed = PrefixCompletion.complete(inputs[focus].text, from: candidates)
        completions = completed.matches
        if let text = completed.text { inputs[focus].replace(with: text) }
        return true
    }

    /// Tab on the Tags field: the last tag typed is completed from the workspace's tag
    /// names (the contact's own while the list is not read); where several match, the
    /// shared start first, then each Tab shows the next.
    mutating func completeTag() -> Bool {
        let names = vendorLists?.tags.map(\.name)
            ?? (original.flatMap { $0.data["tags"] }.map(Self.tags(in:)) ?? []).compactMap(\.name)
        var pieces = inputs[focus].text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        if pieces.isEmpty { pieces = [""] }
        let typed = pieces[pieces.count - 1].trimmingCharacters(in: .whitespaces)
        func show(_ name: String) {
            pieces[pieces.count - 1] = (pieces.count > 1 ? " " : "") + name
            inputs[focus].replace(with: pieces.joined(separator: ","))
        }
        if var cycle, cycle.field == focus, cycle.candidates.indices.contains(cycle.index),
            cycle.candidates[cycle.index] == typed
        {
            cycle.index = (cycle.index + 1) % cycle.candidates.count
            show(cycle.candidates[cycle.index])
            self.cycle = cycle
            completions = cycle.candidates
            return true
        }
        let chosen = Set(pieces.dropLast().map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        let matches = names.filter { $0.lowercased().hasPrefix(typed.lowercased()) && !chosen.contains($0.lowercased()) }
        cycle = nil
        guard let first = matches.first else {
            completions = []
            return true
        }
        var common = first
        for match in matches.dropFirst() {
            common = String(common.prefix(zip(common.lowercased(), match.lowercased()).prefix { $0 == $1 }.count))
        }
        if matches.count == 1 {
            show(first)
            completions = []
        } else if common.count > typed.count {
            show(common)
            completions = Array(matches.prefix(50))
        } else {
            show(first)
            cycle = Cycle(field: focus, candidates: Array(matches.prefix(50)), index: 0)
            completions = Array(matches.prefix(50))
        }
        return true
    }

    /// The IANA names Tab completes from (read once).
    static let timezoneNames: [String] = TimeZone.knownTimeZoneIdentifiers.sorted()
}
