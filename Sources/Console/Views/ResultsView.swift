import SwitchboardCore

/// One journal entry's results: what it was, the counts by outcome, then a page of its
/// contacts with the vendor's words (all, or only the failed ones), or of the rows its file
/// had rejected before sending (line, column, reason).
enum ResultsView {
    /// The counts shown, in order; `upserted` only when a vendor answered it.
    static let outcomes = ["created", "updated", "upserted", "removed", "ignored", "failed", "rejected"]

    static func draw(_ state: AppState, into canvas: inout Canvas, area: Rect) {
        canvas.fill(area, style: .plain)
        guard let pane = state.results else { return }
        guard let results = pane.results else {
            canvas.put("  Reading journal entry #\(pane.entryID)…", x: area.x, y: area.y + 1, style: .muted)
            return
        }
        let entry = results.entry
        let title =
            " Journal #\(pane.entryID) · \(entry.action.rawValue) · \(entry.account) · \(entry.targetText) · "
            + "\(entry.state.rawValue) · recorded \(Timestamp.text(entry.createdAt))"
        canvas.line(title, in: area.row(0), style: .title)
        var parts: [(text: String, style: Style)] = [(" ", .plain)]
        for outcome in outcomes {
            let count = results.counts[outcome] ?? 0
            if outcome == "upserted" && count == 0 { continue }
            parts.append(("\(count)", count > 0 && (outcome == "failed" || outcome == "rejected") ? .error : .key))
            parts.append((" \(outcome)  ", .plain))
        }
        let unanswered = entry.contactCount - entry.answeredCount
        if unanswered > 0 { parts.append(("\(unanswered) not sent yet", .key)) }
        StatusBar(left: parts, style: .plain).render(into: &canvas, area: area.row(1))
        let note = entry.noteText.map { "  " + $0 } ?? ""
        let filter =
            switch pane.filter {
            case .all: ""
            case .failed: "  only failed contacts (f shows \(pane.nextFilter == .rejected ? "rejected rows" : "all"))"
            case .rejected: "  rows rejected before sending (f shows all)"
            }
        canvas.line(filter + note, in: area.row(2), style: entry.reason == nil ? .muted : .bad)
        let table = Rect(x: area.x, y: area.y + 3, width: area.width, height: area.height - 3)
        if pane.filter == .rejected {
            drawRejects(pane, results, into: &canvas, table: table)
            return
        }
        let columns = [
            TableColumn("#", .fixed(6), alignRight: true), TableColumn("Outcome", .fixed(8)),
            TableColumn("Contact", .flex(min: 10)), TableColumn("Key", .flex(min: 10)),
            TableColumn("Vendor said", .flex(min: 12)),
        ]
        let skip = max(0, pane.table.offset - results.offset)
        let rows = results.rows.dropFirst(skip).prefix(max(0, table.height - 1)).map { row in
            let contact = row.contact
            let key = contact.email ?? contact.phoneNumbers.first ?? contact.externalID ?? contact.vendorID ?? ""
            return TableRow(
                [String(row.position + 1), row.outcome ?? "—", contact.displayName, key, row.message ?? ""],
                style: row.outcome == "failed" ? .bad : .plain)
        }
        Table(
            columns: columns, rows: Array(rows),
            selected: pane.rowCount == 0 ? nil : pane.table.selected - pane.table.offset
        ).render(into: &canvas, area: table)
        if pane.rowCount == 0 {
            let text = pane.filter == .failed ? "No contact failed." : "This change carries no contacts."
            canvas.put("  " + text, x: table.x, y: table.y + 2, style: .muted)
        }
    }

    /// The rejected rows: the file line, the columns named and why (file text, escaped by the table).
    private static func drawRejects(
        _ pane: ResultsPane, _ results: EntryResults, into canvas: inout Canvas, table: Rect
    ) {
        let columns = [
            TableColumn("Line", .fixed(6), alignRight: true), TableColumn("Column", .fixed(18)),
            TableColumn("Why it was rejected", .flex(min: 24)),
        ]
        let skip = max(0, pane.table.offset - results.offset)
        let rows = results.rejects.dropFirst(skip).prefix(max(0, table.height - 1)).map { reject in
            TableRow([String(reject.line), reject.column ?? "—", reject.reason], style: .bad)
        }
        Table(
            columns: columns, rows: Array(rows),
            selected: pane.rowCount == 0 ? nil : pane.table.selected - pane.table.offset
        ).render(into: &canvas, area: table)
        if pane.rowCount == 0 {
            let rejected = results.counts["rejected"] ?? 0
            let text =
                rejected > 0
                ? "\(rejected) rejected; this entry was journaled before the rows' lines and reasons were kept."
                : "No row of the file was rejected."
            canvas.put("  " + text, x: table.x, y: table.y + 2, style: .muted)
        }
    }
}
