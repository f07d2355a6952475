import SwitchboardCore

/// The configurations screen's dialogs: the configuration form (a row per field with its
/// check, the focused field's hint and problem; then the preview), the delete question and
/// the concurrency prompt.
enum ConfigurationFormView {
    static let labelWidth = 13

    static func draw(_ state: AppState, into canvas: inout Canvas, area: Rect) {
        switch state.setup.settings {
        case .form(let form): draw(form, vendorName: state.account?.vendorName ?? "", into: &canvas, area: area)
        case .delete(let deletion):
            deleteDialog(deletion, vendorName: state.account?.vendorName ?? "").render(into: &canvas, area: area)
        case .concurrency(let prompt): concurrencyDialog(prompt).render(into: &canvas, area: area)
        case nil: break
        }
    }

    static func draw(_ form: ConfigurationForm, vendorName: String, into canvas: inout Canvas, area: Rect) {
        canvas.fill(area, style: .plain)
        if form.stage == .preview || form.stage == .sending {
            drawPreview(form, into: &canvas, area: area)
            return
        }
        let title =
            form.isNew
            ? "New \(vendorName) configuration"
            : "Edit configuration \(form.original?.name ?? "") (\(form.original?.id ?? ""))"
        canvas.line(" " + title, in: area.row(0), style: .title)
        for field in ConfigurationForm.Field.allCases {
            let y = area.y + 1 + field.rawValue
            guard y < area.y + area.height - 2 else { break }
            FormText.drawField(
                label: field.label, input: form.inputs[field.rawValue], focused: field == form.focus,
                problem: form.problem(field), labelWidth: labelWidth, y: y, into: &canvas, area: area)
        }
        FormText.drawFooter(
            problem: form.problem(form.focus), normalized: form.focus == .windows ? form.normalizedWindows : nil,
            completions: form.completions, problems: form.problems.count, hint: form.focus.hint,
            quietHint: form.focus.hint, confirmingDiscard: form.stage == .confirmingDiscard, into: &canvas, area: area)
    }

    /// The preview's lines: what changes (old → new), then the request.
    static func previewLines(_ form: ConfigurationForm) -> [(text: String, style: Style)] {
        let name = form.draft.name ?? form.original?.name ?? form.original?.id ?? ""
        var lines: [(String, Style)] = [
            (form.isNew ? " Create configuration “\(name)”" : " Change configuration “\(name)”", .title)
        ]
        for difference in form.differences {
            let old = difference.old.isEmpty ? "—" : difference.old
            lines.append(
                ("   \(DisplayText.pad(difference.label, toWidth: labelWidth)) \(old) → \(difference.new)", .plain))
        }
        lines.append(("", .plain))
        lines += requestLines(form.request)
        return lines
    }

    static func requestLines(_ request: RequestPreview?) -> [(text: String, style: Style)] {
        PreviewText.requestLines(request.map { [$0] })
    }

    static func drawPreview(_ form: ConfigurationForm, into canvas: inout Canvas, area: Rect) {
        let hint =
            form.stage == .sending
            ? "  sending through the journal…" : "  Enter sends (journaled first) · Esc back to the form · ↑/↓ scroll"
        PreviewText.draw(previewLines(form), scroll: form.scroll, hint: hint, into: &canvas, area: area)
    }

    static func deleteDialog(_ deletion: ConfigurationDeletion, vendorName: String) -> Dialog {
        let configuration = deletion.configuration
        return Dialog(
            title: "Delete configuration",
            lines: [
                [("Delete ", .plain), ("“\(configuration.name ?? configuration.id)”", .title), ("?", .plain)],
                [("Account \(deletion.account), configuration \(configuration.id)", .muted)],
                [],
                [("\(vendorName) refuses while a campaign uses it:", .error)],
                [("point those campaigns at another configuration first.", .error)],
                [("The delete is journaled first, then sent; the result shows below.", .muted)],
            ], hint: "y or Enter: delete · n or Esc: keep")
    }

    static func concurrencyDialog(_ prompt: ConcurrencyPrompt) -> Dialog {
        let current: String
        if let limit = prompt.current {
            let active = limit.activeCalls.map { "\($0) calls active" } ?? "active calls unknown"
            current = "Now: \(limit.limit) calls at once, \(active)"
        } else {
            current = "Now: unknown (not read yet)"
        }
        var lines: [[(text: String, style: Style)]] = [[(current, .plain)], []]
        if prompt.stage == .preview || prompt.stage == .sending {
            let old = prompt.current.map { String($0.limit) } ?? "?"
            lines.append([("Limit  ", .plain), ("\(old) → \(prompt.limit.map(String.init) ?? "?")", .key)])
            lines.append([])
            lines += requestLines(prompt.request).map { [(String($0.text.dropFirst()), $0.style)] }
            let hint = prompt.stage == .sending ? "sending through the journal…" : "Enter sends · Esc back"
            return Dialog(title: "Concurrency limit", lines: lines, hint: hint)
        }
        lines.append(inputLine("New limit", prompt.input, width: 8))
        lines.append([])
        if let problem = prompt.problem, prompt.isChanged || prompt.current == nil {
            lines.append([("✗ " + problem, .error)])
        } else if prompt.problem == nil {
            lines.append([("Enter previews the change", .good)])
        } else {
            lines.append([("Type the new limit (1 to 10000)", .muted)])
        }
        lines.append([("Calls at once for the whole account, across its campaigns.", .muted)])
        if prompt.stage == .confirmingDiscard {
            lines.append([("Drop the typed limit? y drops it, n goes back.", .error)])
        }
        return Dialog(title: "Concurrency limit", lines: lines, hint: "Enter preview · Esc cancel")
    }

    /// A labelled field with the cursor as a reversed cell.
    private static func inputLine(_ label: String, _ field: TextField, width: Int) -> [(text: String, style: Style)] {
        let characters = Array(DisplayText.truncate(DisplayText.sanitize(field.text), toWidth: width - 1))
        let box = Style(underline: true)
        let cursor = min(field.cursor, characters.count)
        let rest = cursor < characters.count ? String(characters[(cursor + 1)...]) : ""
        let used = characters.count + (cursor < characters.count ? 0 : 1)
        return [
            (label + "  ", .plain), (String(characters[..<cursor]), box),
            (cursor < characters.count ? String(characters[cursor]) : " ", box.selected),
            (rest + String(repeating: " ", count: max(0, width - used)), box),
        ]
    }
}
