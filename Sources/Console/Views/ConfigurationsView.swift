import SwitchboardCore

/// The configurations screen: the account's concurrency limit and active calls, the
/// configurations, and the selected one's calling schedule as a week grid.
enum ConfigurationsView {
    static func draw(_ state: AppState, into canvas: inout Canvas, area: Rect) {
        let setup = state.setup
        canvas.line(" " + concurrencyText(setup), in: area.row(0), style: .title)
        let tableArea = Rect(x: area.x, y: area.y + 1, width: area.width, height: state.layout.configurationRows + 1)
        let configurations = setup.configurations ?? []
        let rows = configurations.dropFirst(setup.configurationTable.offset).prefix(state.layout.configurationRows)
            .map { item in
                TableRow([
                    item.name ?? "(no name)", item.id, item.timezone ?? "—",
                    item.retryLimit.map(String.init) ?? "—", "\(item.windows.count)",
                ])
            }
        Table(
            columns: [
                TableColumn("Name", .flex(min: 12)), TableColumn("Id", .flex(min: 8)),
                TableColumn("Timezone", .fixed(19)), TableColumn("Retries", .fixed(7), alignRight: true),
                TableColumn("Windows", .fixed(7), alignRight: true),
            ],
            rows: Array(rows),
            selected: configurations.isEmpty ? nil : setup.configurationTable.selected - setup.configurationTable.offset
        ).render(into: &canvas, area: tableArea)
        if configurations.isEmpty {
            let text = setup.configurations == nil || setup.fetchingConfigurations
                ? "Listing configurations…" : "This account has no configurations."
            canvas.put("  " + text, x: area.x, y: tableArea.y + 2, style: .muted)
        }
        let detailY = tableArea.y + tableArea.height
        guard configurations.indices.contains(setup.configurationTable.selected) else { return }
        let selected = configurations[setup.configurationTable.selected]
        var title = "Schedule of \(selected.name ?? selected.id)"
        title += " · \(selected.timezone ?? "America/New_York (default)")"
        if let code = selected.countryCode { title += " · country \(code)" }
        canvas.line(" " + title, in: Rect(x: area.x, y: detailY, width: area.width, height: 1), style: .title)
        let grid = Rect(x: area.x + 1, y: detailY + 1, width: area.width - 1, height: WeekGrid.height)
        WeekGrid(windows: selected.windows).render(into: &canvas, area: grid)
        let windows =
            selected.windows.isEmpty
            ? "no calling windows: no calls are placed"
            : ScheduleWindow.text(selected.windows)
        canvas.line(
            " Windows: " + windows, in: Rect(x: area.x, y: detailY + 1 + WeekGrid.height, width: area.width, height: 1),
            style: .muted)
    }

    static func concurrencyText(_ setup: CampaignSetup) -> String {
        guard let limit = setup.concurrency else {
            return setup.fetchingConcurrency ? "Concurrency: reading…" : "Concurrency: unknown"
        }
        let active = limit.activeCalls.map(String.init) ?? "?"
        return "Concurrency: \(active) active of \(limit.limit) calls at once (the account's limit)"
    }
}
