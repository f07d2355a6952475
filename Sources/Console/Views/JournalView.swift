import SwitchboardCore

/// The journal screen: the latest entries, newest first, with their state and counts.
enum JournalView {
    static func draw(_ state: AppState, into canvas: inout Canvas, area: Rect) {
        let columns = [
            TableColumn("#", .fixed(5), alignRight: true), TableColumn("Recorded", .fixed(20)),
            TableColumn("Account", .flex(min: 8)), TableColumn("Campaign", .flex(min: 8)),
            TableColumn("Action", .fixed(13)), TableColumn("State", .fixed(7)),
            TableColumn("Sent", .fixed(9), alignRight: true), TableColumn("Failed", .fixed(6), alignRight: true),
        ]
        guard let pane = state.journalPane else { return }
        let entries = pane.entries ?? []
        let visible = entries.dropFirst(pane.table.offset).prefix(max(0, area.height - 1))
        let rows = visible.map { entry in
            TableRow(
                [
                    String(entry.id ?? 0), Timestamp.text(entry.createdAt), entry.account, entry.campaignID,
                    label(entry.action), entry.state.rawValue, "\(entry.answeredCount)/\(entry.contactCount)",
                    String(entry.failedCount),
                ], style: style(entry.state))
        }
        Table(
            columns: columns, rows: Array(rows),
            selected: entries.isEmpty ? nil : pane.table.selected - pane.table.offset
        ).render(into: &canvas, area: area)
        if entries.isEmpty {
            let text = pane.entries == nil ? "Reading the journal…" : "The journal is empty: nothing has been sent yet."
            canvas.put("  " + text, x: area.x, y: area.y + 2, style: .muted)
        }
    }

    /// The action in an operator's words, short enough for its column.
    static func label(_ action: ChangeAction) -> String {
        switch action {
        case .upsert: "upsert"
        case .updateOnly: "update only"
        case .remove: "remove"
        case .delete: "delete"
        case .start: "start"
        case .pause: "pause"
        case .close: "close"
        case .createCampaign: "new campaign"
        case .updateCampaign: "edit campaign"
        case .createConfiguration: "new config"
        case .updateConfiguration: "edit config"
        case .deleteConfiguration: "delete config"
        case .setConcurrency: "set limit"
        }
    }

    static func style(_ state: JournalState) -> Style {
        switch state {
        case .done: .plain
        case .pending, .sending: .key
        case .partial, .failed: .bad
        }
    }
}
