import Foundation
import SwitchboardCore

/// The configurations screen's changes (Anyreach): `n`, `e`, `d` and `c`.
public enum SettingsAction: Hashable, Sendable {
    case new, edit, delete, concurrency
}

extension AppState {
    /// The configuration selected on the configurations screen.
    var selectedConfiguration: CampaignConfiguration? {
        let items = setup.configurations ?? []
        return items.indices.contains(setup.configurationTable.selected)
            ? items[setup.configurationTable.selected] : nil
    }

    /// `n`, `e`, `d`, `c` on the configurations screen.
    mutating func performSettings(_ action: SettingsAction) -> [Effect] {
        guard let account, screen == .configurations else { return [] }
        guard account.capabilities.contains(.manageCampaigns) else {
            status = StatusMessage(text: "\(account.vendorName) has no campaign configurations", isError: true)
            return []
        }
        switch action {
        case .new:
            setup.settings = .form(ConfigurationForm(account: account.name))
        case .edit:
            guard let selected = selectedConfiguration else {
                status = StatusMessage(text: "no configuration selected", isError: true)
                return []
            }
            setup.settings = .form(ConfigurationForm(account: account.name, editing: selected))
        case .delete:
            guard let selected = selectedConfiguration else {
                status = StatusMessage(text: "no configuration selected", isError: true)
                return []
            }
            setup.settings = .delete(ConfigurationDeletion(account: account.name, configuration: selected))
        case .concurrency:
            setup.settings = .concurrency(ConcurrencyPrompt(account: account.name, current: setup.concurrency))
        }
        status = nil
        return []
    }

    /// A key while a settings dialog is open: nothing else gets it.
    mutating func settingsKey(_ key: Key) -> [Effect] {
        guard let dialog = setup.settings else { return [] }
        let action = KeyRegistry.bindings.first { $0.context == dialog.keyContext && $0.keys.contains(key) }?.action
        switch dialog {
        case .delete(let deletion):
            switch action {
            case .confirm:
                setup.settings = nil
                let name = deletion.configuration.name ?? deletion.configuration.id
                let change = Change.deleteConfiguration(
                    account: deletion.account, id: deletion.configuration.id,
                    idempotencyKey: Self.settingsKey(.deleteConfiguration, deletion.configuration.id, at: now))
                return submitSettings(change, name: name)
            case .cancel:
                setup.settings = nil
                status = StatusMessage(text: "delete cancelled; nothing was sent", isError: false)
            default: break
            }
            return []
        case .form(var form):
            let effects = formKey(&form, key, action: action)
            if case .form = setup.settings { setup.settings = .form(form) }
            return effects
        case .concurrency(var prompt):
            let effects = promptKey(&prompt, key, action: action)
            if case .concurrency = setup.settings { setup.settings = .concurrency(prompt) }
            return effects
        }
    }

    private mutating func formKey(_ form: inout ConfigurationForm, _ key: Key, action: Action?) -> [Effect] {
        switch form.stage {
        case .sending:
            return []
        case .confirmingDiscard:
            if action == .confirm {
                setup.settings = nil
                status = StatusMessage(text: "configuration form closed; nothing was sent", isError: false)
            }
            if action == .cancel { form.stage = .editing }
            return []
        case .preview:
            switch action {
            case .review:
                guard form.request != nil else {
                    status = StatusMessage(text: "the request is still being prepared", isError: false)
                    return []
                }
                form.stage = .sending
                let name = form.draft.name ?? form.original?.name ?? form.original?.id ?? ""
                return submitSettings(
                    form.change(
                        idempotencyKey: Self.settingsKey(
                            form.isNew ? .createConfiguration : .updateConfiguration,
                            form.original?.id ?? name, at: now)),
                    name: name)
            case .back: form.stage = .editing
            case .down: form.scroll += 1
            case .up: form.scroll = max(0, form.scroll - 1)
            default: break
            }
            return []
        case .editing:
            break
        }
        let fields = ConfigurationForm.Field.allCases
        var effects: [Effect] = []
        switch action {
        case .back:
            if form.isChanged {
                form.stage = .confirmingDiscard
            } else {
                setup.settings = nil
                return []
            }
        case .review:
            if let problem = form.problems.first {
                let count = form.problems.count
                status = StatusMessage(
                    text: "cannot send yet: \(problem)" + (count > 1 ? " (and \(count - 1) more)" : ""), isError: true)
                if let field = fields.first(where: { form.problem($0) != nil }) { form.focus = field }
                return []
            }
            if !form.isNew && form.differences.isEmpty {
                status = StatusMessage(text: "nothing changed; Esc closes the form", isError: false)
                return []
            }
            form.stage = .preview
            form.request = nil
            form.scroll = 0
            status = nil
            effects = [.campaignSetup(.settings(.preview(account: form.account, form.change(idempotencyKey: ""))))]
        case .down: form.focus = fields[(form.focus.rawValue + 1) % fields.count]
        case .up: form.focus = fields[(form.focus.rawValue + fields.count - 1) % fields.count]
        case .complete:
            if !form.complete() { form.focus = fields[(form.focus.rawValue + 1) % fields.count] }
        default:
            guard form.inputs[form.focus.rawValue].edit(key) else { return [] }
        }
        if action != .complete { form.completions = [] }
        return effects
    }

    private mutating func promptKey(_ prompt: inout ConcurrencyPrompt, _ key: Key, action: Action?) -> [Effect] {
        switch prompt.stage {
        case .sending:
            return []
        case .confirmingDiscard:
            if action == .confirm {
                setup.settings = nil
                status = StatusMessage(text: "concurrency unchanged; nothing was sent", isError: false)
            }
            if action == .cancel { prompt.stage = .editing }
            return []
        case .preview:
            switch action {
            case .review:
                guard prompt.request != nil, let limit = prompt.limit else { return [] }
                prompt.stage = .sending
                let change = Change.setConcurrency(
                    account: prompt.account, limit: limit,
                    idempotencyKey: Self.settingsKey(.setConcurrency, String(limit), at: now))
                return submitSettings(change, name: "the concurrency limit")
            case .back: prompt.stage = .editing
            default: break
            }
            return []
        case .editing:
            break
        }
        switch action {
        case .back:
            if prompt.isChanged {
                prompt.stage = .confirmingDiscard
            } else {
                setup.settings = nil
            }
            return []
        case .review:
            if let problem = prompt.problem {
                status = StatusMessage(text: "cannot send yet: \(problem)", isError: true)
                return []
            }
            prompt.stage = .preview
            prompt.request = nil
            status = nil
            let change = Change.setConcurrency(account: prompt.account, limit: prompt.limit ?? 0, idempotencyKey: "")
            return [.campaignSetup(.settings(.preview(account: prompt.account, change)))]
        default:
            if case .character(let character) = key, !character.isNumber { return [] }
            _ = prompt.input.edit(key)
            return []
        }
    }

    private mutating func submitSettings(_ change: Change, name: String) -> [Effect] {
        let verb =
            switch change.action {
            case .createConfiguration: "creating configuration “\(name)”"
            case .updateConfiguration: "saving configuration “\(name)”"
            case .deleteConfiguration: "deleting configuration “\(name)”"
            default: "setting the concurrency limit"
            }
        status = StatusMessage(text: "\(verb)… (journaled, sending)", isError: false)
        return [.campaignSetup(.settings(.submit(account: change.account, change, name: name)))]
    }

    /// The change's idempotency key: confirmed twice within one tick of the clock, it is
    /// journaled once.
    static func settingsKey(_ action: ChangeAction, _ target: String, at now: Date) -> String {
        "console-\(Int64(now.timeIntervalSince1970 * 1000))-\(action.rawValue)-\(target)"
    }

    /// The preview's request, or the outcome of a sent settings change.
    mutating func receive(_ msg: SettingsMsg) -> [Effect] {
        switch msg {
        case .previewed(let account, let result):
            guard account == self.account?.name else { return [] }
            switch (setup.settings, result) {
            case (.form(var form), .success(let request)) where form.stage == .preview:
                form.request = request
                setup.settings = .form(form)
            case (.concurrency(var prompt), .success(let request)) where prompt.stage == .preview:
                prompt.request = request
                setup.settings = .concurrency(prompt)
            case (_, .failure(let failure)):
                status = StatusMessage(text: "cannot preview the request: \(failure.message)", isError: true)
            default: break
            }
            return []
        case .settled(let account, let action, let name, let result):
            if case .form(let form) = setup.settings, form.stage == .sending { setup.settings = nil }
            if case .concurrency(let prompt) = setup.settings, prompt.stage == .sending { setup.settings = nil }
            let what = action == .setConcurrency ? "concurrency limit" : "configuration “\(name)”"
            switch result {
            case .success(let settled) where settled.state == .done:
                let said = settled.outcome.map { ": \($0)" } ?? ""
                status = StatusMessage(text: "journal #\(settled.journalID) done\(said)", isError: false)
            case .success(let settled):
                status = StatusMessage(
                    text:
                        "\(action.rawValue) \(what) \(settled.state.rawValue): \(settled.reason ?? "no reason given") (journal #\(settled.journalID))",
                    isError: true)
            case .failure(let failure):
                status = StatusMessage(text: "\(action.rawValue) \(what) not sent: \(failure.message)", isError: true)
            }
            guard account == self.account?.name, screen == .configurations else { return [] }
            return fetchConfigurations(again: true) + refreshConcurrency()
        }
    }
}
