/// What the contact form and the configuration form draw alike: a field's row (label,
/// the input when focused, else its text, ✗ when it has a problem) and the lines under
/// the fields (the focused field's problem, its normalized value or completions, how many
/// fields to fix, and the question before dropping typed text).
enum FormText {
    /// Where the fields' values start and how wide they are.
    static func valueColumn(_ area: Rect, labelWidth: Int) -> (x: Int, width: Int) {
        (area.x + labelWidth + 3, max(4, area.width - labelWidth - 7))
    }

    static func drawField(
        label: String, input: TextField, focused: Bool, problem: String?, labelWidth: Int, y: Int,
        into canvas: inout Canvas, area: Rect
    ) {
        let (valueX, valueWidth) = valueColumn(area, labelWidth: labelWidth)
        canvas.put(
            (focused ? "›" : " ") + " " + DisplayText.pad(label, toWidth: labelWidth), x: area.x, y: y,
            style: focused ? .key : .muted)
        if focused {
            input.render(prompt: "", into: &canvas, area: Rect(x: valueX, y: y, width: valueWidth, height: 1), style: .plain)
        } else {
            canvas.put(input.text, x: valueX, y: y, style: problem == nil ? .plain : .bad, maxWidth: valueWidth)
        }
        if problem != nil { canvas.put("✗", x: valueX + valueWidth + 1, y: y, style: .error) }
    }

    /// The two bottom lines and, while asking, the drop-the-changes dialog. `hint` follows
    /// the count of fields to fix; `quietHint` stands alone when there is nothing to fix.
    static func drawFooter(
        problem: String?, normalized: String?, completions: [String], problems: Int, hint: String,
        quietHint: String, confirmingDiscard: Bool, into canvas: inout Canvas, area: Rect
    ) {
        if let problem {
            canvas.line("  ✗ " + problem, in: area.row(area.height - 2), style: .error)
        } else if let normalized {
            canvas.line("  → sent as " + normalized, in: area.row(area.height - 2), style: .good)
        } else if !completions.isEmpty {
            canvas.line("  " + completions.joined(separator: "  "), in: area.row(area.height - 2), style: .muted)
        }
        let summary =
            problems == 0
            ? "  \(quietHint)" : "  \(problems) field\(problems == 1 ? "" : "s") to fix before sending · \(hint)"
        canvas.line(summary, in: area.row(area.height - 1), style: .muted)
        if confirmingDiscard {
            Dialog(
                title: "Drop the changes?",
                lines: [
                    [("The changes typed into this form are not sent.", .plain)],
                    [("y drops them; n goes back to the form.", .muted)],
                ], hint: "y yes · n no"
            ).render(into: &canvas, area: area)
        }
    }
}
