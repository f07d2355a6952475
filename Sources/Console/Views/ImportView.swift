import SwitchboardCore

/// The bulk import over the main area: the path prompt with its completions, the column
/// mapping, the dry run's summary with the first rejects, then the progress of the send.
enum ImportView {
    static func draw(_ flow: ImportFlow, into canvas: inout Canvas, area: Rect) {
        guard area.height >= 8 else { return }
        canvas.fill(area, style: .plain)
        let (step, what) = stepTitle(flow.stage)
        canvas.line(
            " Import into \(flow.campaignName) · step \(step) of 4: \(what)",
            in: area.row(0), style: .title)
        if flow.stage != .path {
            var file = " File \(flow.path.text)"
            if let header = flow.header {
                file += header.format == .json ? " (JSON)" : " (CSV, \(header.columns.count) columns)"
            }
            file += " · action \(name(of: flow.action))"
            canvas.line(file, in: area.row(1), style: .plain)
        }
        switch flow.stage {
        case .path: drawPath(flow, into: &canvas, area: area)
        case .readingHeader:
            canvas.line("  Reading the header…", in: area.row(3), style: .muted)
        case .mapping: drawMapping(flow, into: &canvas, area: area)
        case .checking:
            canvas.line("  Checking every row of the file; nothing is journaled or sent yet…", in: area.row(3), style: .muted)
            if flow.checkedRows > 0 {
                canvas.line("  \(flow.checkedRows) rows read", in: area.row(4), style: .plain)
            }
        case .summary: drawSummary(flow, into: &canvas, area: area)
        case .sending: drawSending(flow, into: &canvas, area: area)
        }
        if let problem = flow.problem {
            canvas.line("  ✗ " + problem, in: area.row(area.height - 2), style: .error)
        }
        canvas.line("  " + hint(flow), in: area.row(area.height - 1), style: .muted)
    }

    static func stepTitle(_ stage: ImportFlow.Stage) -> (Int, String) {
        switch stage {
        case .path: (1, "the file")
        case .readingHeader, .mapping: (2, "map the columns")
        case .checking, .summary: (3, "check (dry run)")
        case .sending: (4, "send")
        }
    }

    static func name(of action: UpsertAction) -> String {
        switch action {
        case .upsert: "upsert"
        case .updateOnly: "update-only"
        case .remove: "remove"
        }
    }

    static func hint(_ flow: ImportFlow) -> String {
        switch flow.stage {
        case .path: "Tab completes (~ is your home) · Enter reads the file's header · Esc cancels"
        case .readingHeader: "Esc goes back"
        case .mapping:
            flow.typedField != nil
                ? "Enter sets the field (email, phone, first_name, data.KEY, skip, …) · Esc keeps the old one"
                : "j/k a column · ←/→ its field · = type it · a action · Enter checks the file · Esc back"
        case .checking: "Esc goes back to the mapping"
        case .summary:
            "Enter journals and sends \(flow.prediction?.valid ?? 0) contacts · j/k scroll · a action · Esc back"
        case .sending: "Esc hides this view; the import goes on (i shows it again)"
        }
    }

    private static func drawPath(_ flow: ImportFlow, into canvas: inout Canvas, area: Rect) {
        flow.path.render(prompt: " File ", into: &canvas, area: area.row(2), style: .plain)
        canvas.line("  A CSV with a header row, or a JSON array of contacts.", in: area.row(3), style: .muted)
        guard !flow.completions.isEmpty else { return }
        let widest = flow.completions.map { DisplayText.width(of: DisplayText.sanitize($0)) }.max() ?? 0
        let cell = min(widest + 2, max(area.width - 4, 1))
        let perRow = max(1, (area.width - 2) / cell)
        let rows = max(1, area.height - 8)
        let shown = min(flow.completions.count, rows * perRow)
        let left = flow.completions.count - shown
        canvas.line("  \(flow.completions.count) candidates:", in: area.row(5), style: .plain)
        for index in 0..<shown {
            let column = index % perRow
            let row = index / perRow
            let item = flow.completions[index]
            let style: Style = item.hasSuffix("/") ? .key : .plain
            canvas.put(item, x: area.x + 2 + column * cell, y: area.y + 6 + row, style: style, maxWidth: cell - 1)
        }
        if left > 0 {
            canvas.line("  … and \(left) more; type more of the name", in: area.row(min(area.height - 3, 6 + rows)), style: .muted)
        }
    }

    private static func drawMapping(_ flow: ImportFlow, into canvas: inout Canvas, area: Rect) {
        guard let header = flow.header else { return }
        canvas.line(
            "  Columns that fill no field go to the vendor's free-form data.",
            in: area.row(2), style: .muted)
        let visible = max(1, area.height - 7)
        let table = Rect(x: area.x, y: area.y + 3, width: area.width, height: visible + 1)
        let columns = [
            TableColumn("Column", .flex(min: 10)), TableColumn("Field", .flex(min: 12)),
            TableColumn("Goes to", .flex(min: 16)),
        ]
        let offset = flow.mappingTable.offset
        let rows = header.columns.indices.dropFirst(offset).prefix(visible).map { index in
            let field = flow.fields[index]
            let changed = field != header.fields[index]
            return TableRow(
                [header.columns[index], field.description + (changed ? " *" : ""), meaning(field)],
                style: field == .skip ? .muted : .plain, cellStyles: changed ? [1: .key] : [:])
        }
        Table(columns: columns, rows: Array(rows), selected: flow.mappingTable.selected - offset)
            .render(into: &canvas, area: table)
        if let typed = flow.typedField {
            let column = header.columns[flow.mappingTable.selected]
            typed.render(prompt: "  Field for \(column): ", into: &canvas, area: area.row(area.height - 3), style: .plain)
        }
    }

    /// What a field does with the column, in the operator's words.
    static func meaning(_ field: ContactField) -> String {
        switch field {
        case .email: "the email address"
        case .phone: "a phone number (dialled in column order)"
        case .firstName: "the first name"
        case .lastName: "the last name"
        case .externalID: "your own id (matches existing contacts)"
        case .id: "the vendor's id of an existing contact"
        case .timezone: "the time zone"
        case .scheduledAt: "when to call"
        case .status: "the status"
        case .tags: "tags"
        case .data(let key): "free-form data “\(key)”"
        case .skip: "left out"
        }
    }

    private static func drawSummary(_ flow: ImportFlow, into canvas: inout Canvas, area: Rect) {
        guard let prediction = flow.prediction else { return }
        var parts: [(text: String, style: Style)] = [(" ", .plain)]
        let words: [(PredictedOutcome, String)] =
            flow.action == .remove
            ? [(.removed, "to remove"), (.ignored, "to ignore")]
            : [(.created, "to insert"), (.updated, "to update"), (.ignored, "to ignore")]
        for (outcome, word) in words {
            parts.append(("\(prediction.counts[outcome] ?? 0)", .key))
            parts.append((" \(word)   ", .plain))
        }
        parts.append(("\(prediction.rejected)", prediction.rejected > 0 ? .error : .key))
        parts.append((" to reject", .plain))
        StatusBar(left: parts, style: .plain).render(into: &canvas, area: area.row(3))
        canvas.line(
            "  Insert or update as the cache knows them; the vendor has the last word.", in: area.row(4),
            style: .muted)
        guard prediction.rejected > 0 else {
            canvas.line("  No row is rejected.", in: area.row(6), style: .good)
            return
        }
        let kept = prediction.firstRejects.count
        let rowCount = prediction.rejected == 1 ? "1 row" : "\(prediction.rejected) rows"
        let problems = prediction.problemCount == 1 ? "1 problem" : "\(prediction.problemCount) problems"
        let first = kept < prediction.problemCount ? "the first \(kept) of \(problems)" : problems
        canvas.line("  Rejected, not sent: \(rowCount) (\(first)):", in: area.row(6), style: .plain)
        let visible = max(1, area.height - 10)
        let table = Rect(x: area.x, y: area.y + 7, width: area.width, height: visible + 1)
        let columns = [
            TableColumn("Line", .fixed(7), alignRight: true), TableColumn("Column", .fixed(14)),
            TableColumn("Reason", .flex(min: 30)),
        ]
        let rows = prediction.firstRejects.dropFirst(flow.rejectsScroll).prefix(visible).map { problem in
            TableRow([problem.line > 0 ? String(problem.line) : "—", problem.column ?? "", problem.reason], style: .bad)
        }
        Table(columns: columns, rows: Array(rows), selected: nil).render(into: &canvas, area: table)
    }

    private static func drawSending(_ flow: ImportFlow, into canvas: inout Canvas, area: Rect) {
        var journal = flow.entryID.map { " Journal #\($0) · " } ?? " "
        journal += "\(flow.journaled) contacts journaled"
        if flow.rejected > 0 { journal += " · \(flow.rejected) rows rejected before sending" }
        canvas.line(journal, in: area.row(3), style: .plain)
        let bar = Rect(x: area.x + 2, y: area.y + 5, width: min(area.width - 4, 70), height: 1)
        guard let progress = flow.progress else {
            ProgressBar(value: 0, total: max(flow.journaled, 0), style: .good).render(into: &canvas, area: bar)
            canvas.line("  journaling the file, then sending…", in: area.row(6), style: .muted)
            drawRetries(flow, into: &canvas, area: area)
            return
        }
        ProgressBar(value: progress.done, total: progress.total, style: .good).render(into: &canvas, area: bar)
        var figures = "  " + (ImportFlow.rateText(progress) ?? "")
        if progress.contactsPerSecond == nil { figures += "  waiting for the first answers…" }
        canvas.line(figures, in: area.row(6), style: .plain)
        if progress.failed > 0 {
            canvas.line("  \(progress.failed) failed so far (the results list each with the vendor's reason)", in: area.row(7), style: .bad)
        }
        drawRetries(flow, into: &canvas, area: area)
    }

    private static func drawRetries(_ flow: ImportFlow, into canvas: inout Canvas, area: Rect) {
        guard let last = flow.lastRetry else {
            canvas.line("  Retries: none", in: area.row(8), style: .muted)
            return
        }
        let wait = last.wait < 10 ? String(Double(Int(last.wait * 10)) / 10) : String(Int(last.wait))
        canvas.line(
            "  Retries: \(flow.retries) · the last after \(wait) s, for \(last.contacts) contacts:", in: area.row(8),
            style: .bad)
        canvas.line("    " + last.reason, in: area.row(9), style: .bad)
    }
}
