import SwitchboardCore

/// The campaign dialogs over the screen: a lifecycle confirmation and the campaign form.
enum CampaignSetupView {
    static func draw(_ state: AppState, into canvas: inout Canvas, area: Rect) {
        switch state.setup.modal {
        case .confirm(let confirm): confirmDialog(confirm).render(into: &canvas, area: area)
        case .form(let form): formDialog(form, state: state).render(into: &canvas, area: area)
        case nil: break
        }
    }

    static func confirmDialog(_ confirm: CampaignConfirm) -> Dialog {
        var lines: [[(text: String, style: Style)]] = [
            [("\(confirm.verb) ", .plain), ("“\(confirm.campaignName)”", .title), ("?", .plain)],
            [("Account \(confirm.account), campaign \(confirm.campaignID)", .muted)],
            [],
        ]
        lines += confirm.consequences.map { [($0, confirm.command == .close ? .error : .plain)] }
        lines += [[], [("It is journaled first, then sent; the result shows below.", .muted)]]
        return Dialog(
            title: "\(confirm.verb) campaign", lines: lines, hint: "y or Enter: \(confirm.command.rawValue) · n or Esc: cancel")
    }

    static func formDialog(_ form: CampaignForm, state: AppState) -> Dialog {
        let width = 34
        var lines: [[(text: String, style: Style)]] = []
        lines.append(field("Name", form.name, focused: form.focus == .name, width: width))
        lines.append(field("External id", form.externalID, focused: form.focus == .externalID, width: width))
        lines.append(configurationLine(form, state: state, width: width))
        lines.append([])
        if let problem = form.problem {
            lines.append([("Not ready: ", .error), (problem, .error)])
        } else {
            lines.append([("Ready: ", .good), (form.isCreate ? "Enter creates it" : "Enter saves the changes", .plain)])
        }
        lines.append([("Sends: ", .muted), (summary(form.draft), .muted)])
        return Dialog(
            title: form.isCreate ? "New campaign" : "Edit campaign", lines: lines,
            hint: "Tab/↓ next · ←/→ choose · Enter saves · Esc cancels")
    }

    private static func label(_ text: String, focused: Bool) -> (text: String, style: Style) {
        (DisplayText.pad(text, toWidth: 15), focused ? .key : .plain)
    }

    /// A text field: the cursor as a reversed cell when it has the focus.
    private static func field(_ name: String, _ field: TextField, focused: Bool, width: Int) -> [(text: String, style: Style)] {
        let characters = Array(DisplayText.truncate(DisplayText.sanitize(field.text), toWidth: width - 1))
        var parts = [label(name, focused: focused)]
        let box = Style(underline: true)
        guard focused else {
            parts.append((DisplayText.pad(String(characters), toWidth: width), box))
            return parts
        }
        let cursor = min(field.cursor, characters.count)
        parts.append((String(characters[..<cursor]), box))
        parts.append((cursor < characters.count ? String(characters[cursor]) : " ", box.selected))
        let rest = cursor < characters.count ? String(characters[(cursor + 1)...]) : ""
        let used = DisplayText.width(of: String(characters)) + (cursor < characters.count ? 0 : 1)
        parts.append((rest + String(repeating: " ", count: max(0, width - used)), box))
        return parts
    }

    private static func configurationLine(_ form: CampaignForm, state: AppState, width: Int) -> [(text: String, style: Style)] {
        let focused = form.focus == .configuration
        let chosen: String
        if let id = form.configurationID {
            let item = state.setup.configurations?.first { $0.id == id }
            chosen = "\(item?.name ?? id) (\(id))"
        } else if state.setup.configurations == nil {
            chosen = "listing configurations…"
        } else {
            chosen = form.isCreate ? "none" : "unchanged"
        }
        return [
            label("Configuration", focused: focused), ("◀ ", focused ? .key : .muted),
            (DisplayText.pad(DisplayText.truncate(chosen, toWidth: width - 4), toWidth: width - 4), focused ? Style.plain.selected : .plain),
            (" ▶", focused ? .key : .muted),
        ]
    }

    /// The fields the request carries, as the operator reads them (no credentials).
    static func summary(_ draft: CampaignDraft) -> String {
        let parts = [
            draft.name.map { "name “\($0)”" }, draft.externalID.map { "external id “\($0)”" },
            draft.configurationID.map { "configuration \($0)" },
        ].compactMap { $0 }
        return parts.isEmpty ? "nothing" : parts.joined(separator: ", ")
    }
}
