import Foundation
import SwitchboardCore

/// The configurations screen's dialogs (Anyreach): the configuration form, the delete
/// question and the concurrency prompt. Each is a value `update` changes and a view draws.
public enum SettingsDialog: Hashable, Sendable {
    case form(ConfigurationForm)
    case delete(ConfigurationDeletion)
    case concurrency(ConcurrencyPrompt)

    /// The keys that apply while it is open.
    var keyContext: KeyContext {
        switch self {
        case .form(let form): form.stage == .confirmingDiscard ? .confirm : .settingsForm
        case .delete: .confirm
        case .concurrency(let prompt): prompt.stage == .confirmingDiscard ? .confirm : .settingsForm
        }
    }
}

/// Where a settings dialog with a preview stands.
public enum SettingsStage: Hashable, Sendable {
    case editing
    /// Esc with typed changes: asks before anything typed is thrown away.
    case confirmingDiscard
    /// The change and the request, waiting for Enter; the request arrives as a message.
    case preview
    /// Handed to the journal and the sync engine; the outcome comes back as a message.
    case sending
}

/// The configuration form: name, time zone, calling windows, retry limit, country code,
/// checked as typed; then a preview; then the change goes through the journal.
public struct ConfigurationForm: Hashable, Sendable {
    public enum Field: Int, CaseIterable, Hashable, Sendable {
        case name, timezone, windows, retryLimit, countryCode

        public var label: String {
            switch self {
            case .name: "Name"
            case .timezone: "Timezone"
            case .windows: "Windows"
            case .retryLimit: "Retry limit"
            case .countryCode: "Country code"
            }
        }

        public var hint: String {
            switch self {
            case .name: "what campaigns and the configurations screen call it"
            case .timezone: "IANA zone the windows are in, e.g. America/New_York (Tab completes)"
            case .windows:
                "e.g. mon-fri 09:00-17:00, sat 10:00-14:00 · none: no calls · empty on a new one: the vendor's default"
            case .retryLimit: "attempts per contact after the first (a whole number)"
            case .countryCode: "for numbers written without one, e.g. +1 or +44"
            }
        }
    }

    public var account: String
    /// The configuration being edited; nil creates one.
    public var original: CampaignConfiguration?
    public var inputs: [TextField]
    public var focus = Field.name
    public var stage = SettingsStage.editing
    /// Tab's candidates for the time zone when more than one matches.
    public var completions: [String] = []
    /// The request the vendor will get; nil until the effect runner describes it.
    public var request: RequestPreview?
    /// The first preview line shown (the preview scrolls with ↑/↓).
    public var scroll = 0

    public init(account: String, editing configuration: CampaignConfiguration? = nil) {
        self.account = account
        original = configuration
        inputs = Field.allCases.map { TextField(text: Self.text(of: $0, in: configuration)) }
    }

    public var isNew: Bool { original == nil }

    /// A field's value in `configuration`, as the form shows it (empty for a new one).
    static func text(of field: Field, in configuration: CampaignConfiguration?) -> String {
        guard let configuration else { return "" }
        switch field {
        case .name: return configuration.name ?? ""
        case .timezone: return configuration.timezone ?? ""
        case .windows: return ScheduleWindow.text(configuration.windows)
        case .retryLimit: return configuration.retryLimit.map(String.init) ?? ""
        case .countryCode: return configuration.countryCode ?? ""
        }
    }

    func typed(_ field: Field) -> String { inputs[field.rawValue].text.trimmingCharacters(in: .whitespaces) }

    /// True when anything typed differs from what the form opened with.
    public var isChanged: Bool {
        Field.allCases.contains { inputs[$0.rawValue].text != Self.text(of: $0, in: original) }
    }

    // MARK: Checks

    /// Why the field's text cannot be sent, or nil.
    public func problem(_ field: Field) -> String? {
        let text = typed(field)
        if text.isEmpty {
            if field == .name { return "a configuration needs a name" }
            if !Self.text(of: field, in: original).isEmpty {
                return field == .windows
                    ? "type none for no calling windows" : "it cannot be emptied here; type a value"
            }
            return nil
        }
        switch field {
        case .name: return nil
        case .timezone: return FieldChecks.timezone(text)
        case .windows:
            do { _ = try ScheduleWindow.parseList(text) } catch { return error.description }
            return nil
        case .retryLimit:
            guard let value = Int(text), value >= 0 else { return "\"\(text)\" is not a whole number of 0 or more" }
            return nil
        case .countryCode:
            let digits = text.dropFirst()
            guard text.hasPrefix("+"), (1...3).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                digits.first != "0"
            else { return "\"\(text)\" is not a country code: + and 1 to 3 digits, e.g. +1 or +44" }
            return nil
        }
    }

    /// Every field's problem, in form order, as "Label: reason".
    public var problems: [String] {
        Field.allCases.compactMap { field in problem(field).map { "\(field.label): \($0)" } }
    }

    /// The windows as they will be sent, when typed differently from that.
    public var normalizedWindows: String? {
        let text = typed(.windows)
        guard !text.isEmpty, let windows = try? ScheduleWindow.parseList(text) else { return nil }
        let shown = ScheduleWindow.text(windows)
        return shown == text ? nil : shown
    }

    // MARK: The change

    /// The fields to send: every set one on create, only the changed ones on edit
    /// (valid fields only; check `problems` first).
    public var draft: ConfigurationDraft {
        func value(_ field: Field) -> String? {
            let text = typed(field)
            guard !text.isEmpty, problem(field) == nil else { return nil }
            if let original, text == Self.text(of: field, in: original) { return nil }
            return text
        }
        return ConfigurationDraft(
            name: value(.name), timezone: value(.timezone),
            windows: value(.windows).flatMap { try? ScheduleWindow.parseList($0) },
            retryLimit: value(.retryLimit).flatMap { Int($0) },
            countryCode: value(.countryCode))
    }

    /// The change the form sends.
    public func change(idempotencyKey: String) -> Change {
        if let original {
            return .updateConfiguration(account: account, id: original.id, draft, idempotencyKey: idempotencyKey)
        }
        return .createConfiguration(account: account, draft, idempotencyKey: idempotencyKey)
    }

    /// Each field whose value changes, as (label, old, new) texts, the new one normalized.
    public var differences: [(label: String, old: String, new: String)] {
        let draft = self.draft
        return Field.allCases.compactMap { field in
            let new: String? =
                switch field {
                case .name: draft.name
                case .timezone: draft.timezone
                case .windows: draft.windows.map(ScheduleWindow.text)
                case .retryLimit: draft.retryLimit.map(String.init)
                case .countryCode: draft.countryCode
                }
            guard let new else { return nil }
            return (field.label, Self.text(of: field, in: original), new)
        }
    }

    /// Tab on the time zone: completes it from the IANA names (as the contact form does).
    public mutating func complete() -> Bool {
        guard focus == .timezone else { return false }
        let completed = PrefixCompletion.complete(inputs[focus.rawValue].text, from: ContactForm.timezoneNames)
        completions = completed.matches
        if let text = completed.text { inputs[focus.rawValue].replace(with: text) }
        return true
    }
}

/// `d` on the configurations screen: the configuration to delete, waiting for y.
public struct ConfigurationDeletion: Hashable, Sendable {
    public var account: String
    public var configuration: CampaignConfiguration
}

/// `c` on the configurations screen: the account's concurrency limit, as a number.
public struct ConcurrencyPrompt: Hashable, Sendable {
    public var account: String
    /// The limit and active calls as last read; nil when unknown.
    public var current: ConcurrencyLimit?
    public var input: TextField
    public var stage = SettingsStage.editing
    public var request: RequestPreview?

    public init(account: String, current: ConcurrencyLimit?) {
        self.account = account
        self.current = current
        input = TextField(text: current.map { String($0.limit) } ?? "")
    }

    /// The documented range (Anyreach: 1 to 10,000).
    public static let range = 1...10_000

    public var problem: String? {
        let text = input.text.trimmingCharacters(in: .whitespaces)
        guard let value = Int(text) else {
            return text.isEmpty ? "type the new limit" : "\"\(text)\" is not a whole number"
        }
        guard Self.range.contains(value) else {
            return "\(value) is outside \(Self.range.lowerBound) to \(Self.range.upperBound)"
        }
        if value == current?.limit { return "the limit is \(value) already" }
        return nil
    }

    public var limit: Int? { problem == nil ? Int(input.text.trimmingCharacters(in: .whitespaces)) : nil }

    public var isChanged: Bool { input.text != (current.map { String($0.limit) } ?? "") }
}

/// Work the settings dialogs ask of the effect runner.
public enum SettingsEffect: Hashable, Sendable {
    /// Describe the request `change` would be sent as (no credentials).
    case preview(account: String, Change)
    /// Journal the change, then send it through the sync engine; `name` names it on the status line.
    case submit(account: String, Change, name: String)
}

/// What came back.
public enum SettingsMsg: Sendable {
    case previewed(account: String, Result<RequestPreview, Failure>)
    /// A submitted settings change settled (or could not be journaled or sent).
    case settled(account: String, action: ChangeAction, name: String, Result<SettledSettings, Failure>)
}

/// A settings change's journal entry as it settled, with what the vendor said.
public struct SettledSettings: Hashable, Sendable {
    public var journalID: Int64
    public var state: JournalState
    public var reason: String?
    public var outcome: String?

    public init(journalID: Int64, state: JournalState, reason: String?, outcome: String?) {
        self.journalID = journalID
        self.state = state
        self.reason = reason
        self.outcome = outcome
    }
}
