import SwitchboardCore

/// The contact form over the main area: a row per field with its check, the focused
/// field's hint and problem below; on the preview, old → new per field and the request.
enum ContactFormView {
    static let labelWidth = 13

    static func draw(_ form: ContactForm, vendorName: String, into canvas: inout Canvas, area: Rect) {
        canvas.fill(area, style: .plain)
        if form.stage == .preview || form.stage == .sending {
            drawPreview(form, into: &canvas, area: area)
            return
        }
        let title =
            form.isNew
            ? "New \(vendorName) contact in \(form.campaignName)"
            : "Edit \(AppState.name(of: form.original!)) in \(form.campaignName)"
        canvas.line(" " + title, in: area.row(0), style: .title)
        if let note = form.listsNote {
            let x = area.x + 1 + DisplayText.width(of: title)
            canvas.put("  " + note, x: x, y: area.y, style: .muted, maxWidth: area.x + area.width - x)
        }
        let rows = max(1, area.height - 4)
        let first = max(0, min(form.focus - rows + 1, form.fields.count - rows))
        for (line, index) in form.fields.indices.dropFirst(first).prefix(rows).enumerated() {
            FormText.drawField(
                label: form.fields[index].label, input: form.inputs[index], focused: index == form.focus,
                problem: form.problem(at: index), labelWidth: labelWidth, y: area.y + 1 + line, into: &canvas,
                area: area)
        }
        let field = form.fields[form.focus]
        if let note = form.note { canvas.line(" " + note, in: area.row(area.height - 3), style: .muted) }
        let hint = form.hint(at: form.focus)
        FormText.drawFooter(
            problem: form.problem(at: form.focus), normalized: form.normalized(at: form.focus),
            completions: form.completions, problems: form.problems.count, hint: hint,
            quietHint: field.hint.isEmpty ? field.label : hint, confirmingDiscard: form.stage == .confirmingDiscard,
            into: &canvas, area: area)
    }

    /// The preview's lines: what changes, then the request.
    static func previewLines(_ form: ContactForm) -> [(text: String, style: Style)] {
        let name = AppState.name(of: form.contact)
        var lines: [(String, Style)] = [
            (form.isNew ? " Add \(name) to \(form.campaignName)" : " Change \(name) in \(form.campaignName)", .title)
        ]
        for difference in form.differences {
            let old = difference.old.isEmpty ? "—" : difference.old
            let new = difference.new.isEmpty ? "—" : difference.new
            lines.append(("   \(DisplayText.pad(difference.label, toWidth: labelWidth)) \(old) → \(new)", .plain))
        }
        lines.append(("", .plain))
        if let problem = form.vendorProblem { lines.append((" Cannot send: \(problem)", .error)) }
        lines += PreviewText.requestLines(form.requests)
        return lines
    }

    static func drawPreview(_ form: ContactForm, into canvas: inout Canvas, area: Rect) {
        let hint =
            form.stage == .sending
            ? "  sending through the journal…" : "  Enter sends · Esc back to the form · ↑/↓ scroll"
        PreviewText.draw(previewLines(form), scroll: form.scroll, hint: hint, into: &canvas, area: area)
    }

    /// The removal question: names the contact, the campaign and what the vendor does.
    static func drawRemoval(_ removal: ContactRemoval, vendorName: String, into canvas: inout Canvas, area: Rect) {
        let what =
            removal.action == .delete
            ? "\(vendorName) deletes the contact (by id); this cannot be undone."
            : "\(vendorName) takes the contact out of the campaign."
        Dialog(
            title: "Remove contact",
            lines: [
                [("Remove ", .plain), (AppState.name(of: removal.contact), .key),
                 (removal.inCampaign ? " from campaign " : " from ", .plain),
                 (removal.campaignName, .key), ("?", .plain)],
                [(what, .muted)],
                [("The change is journaled first, then sent.", .muted)],
            ], hint: "y remove · n keep"
        ).render(into: &canvas, area: area)
    }
}
