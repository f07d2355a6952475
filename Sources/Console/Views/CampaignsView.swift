/// The campaigns table: name, status and, where the vendor reports them, the counts,
/// attempts and active calls; numbers that just changed are highlighted.
enum CampaignsView {
    static let countColumns: [SortColumn] = [.pending, .active, .completed, .exhausted, .failed, .attempts, .calls]

    static func draw(_ state: AppState, into canvas: inout Canvas, area: Rect) {
        let rows = state.campaignRows
        let columns =
            [TableColumn(SortColumn.name.title, .flex(min: 12)), TableColumn(SortColumn.status.title, .fixed(7))]
            + countColumns.map { TableColumn($0.title, .fixed($0 == .attempts ? 8 : 7), alignRight: true) }
        let visible = rows.dropFirst(state.campaignTable.offset).prefix(max(0, area.height - 1))
        let tableRows = visible.map { row in
            var cellStyles: [Int: Style] = [:]
            if let mark = state.changes[row.id] {
                for (index, column) in countColumns.enumerated() where mark.columns.contains(column) {
                    cellStyles[index + 2] = .changed
                }
            }
            // The account's own contacts are not a campaign: their name stands out.
            if state.isAccountContacts(row.id) { cellStyles[0] = .emphasizedPlain }
            let counts = countColumns.map { row.count($0).map(String.init) ?? "—" }
            return TableRow([row.name, row.state] + counts, cellStyles: cellStyles)
        }
        let sortIndex = state.sort.column == .name ? 0 : state.sort.column == .status ? 1 : 2 + (countColumns.firstIndex(of: state.sort.column) ?? 0)
        let table = Table(
            columns: columns, rows: Array(tableRows),
            selected: rows.isEmpty ? nil : state.campaignTable.selected - state.campaignTable.offset,
            sort: (column: sortIndex, ascending: state.sort.ascending))
        table.render(into: &canvas, area: area)
        // Said under the account's own contacts too, which are there before any campaign.
        if rows.allSatisfy({ state.isAccountContacts($0.id) }) {
            canvas.put("  " + emptyText(state), x: area.x, y: area.y + 2 + rows.count, style: .muted)
        }
    }

    static func emptyText(_ state: AppState) -> String {
        if !state.filter.isEmpty { return "No campaign matches \"\(state.filter)\"." }
        if case .failed = state.connection { return "Campaigns could not be listed (see the status line)." }
        if state.campaigns == nil || state.fetchingCampaigns { return "Listing campaigns…" }
        return "This account has no campaigns."
    }
}
