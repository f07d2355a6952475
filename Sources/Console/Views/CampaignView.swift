import SwitchboardCore

/// A campaign: the live stats panel above the contacts table, paged from the store; the
/// contacts pane's title shows the filter and which pane has the keyboard.
enum CampaignView {
    static func draw(_ state: AppState, campaignID: String, into canvas: inout Canvas, layout: Layout) {
        StatsPanelView.draw(state, campaignID: campaignID, into: &canvas, area: layout.statsPanel)
        drawContactsTitle(state, into: &canvas, area: layout.contactsTitle)
        drawContacts(state, into: &canvas, area: layout.contactsTable)
    }

    /// `─ Contacts ─ status completed · "smith" · 3 of 63 ───`, the title reversed when focused.
    static func drawContactsTitle(_ state: AppState, into canvas: inout Canvas, area: Rect) {
        guard let pane = state.campaign else { return }
        canvas.line(String(repeating: "─", count: area.width), in: area, style: .muted)
        var x = area.x + 1
        x += canvas.put(" Contacts ", x: x, y: area.y, style: pane.focus == .contacts ? .focusedTitle : .title)
        var parts: [String] = []
        if let status = pane.statusFilter { parts.append("status \(status.rawValue)") }
        let filter = pane.filter
        if !filter.text.isEmpty { parts.append((filter.excludesText ? "not " : "") + "\"\(filter.text)\"") }
        if pane.isFiltered {
            let matches = pane.matchCount.map { "\($0) of \(pane.cachedCount ?? 0)" } ?? "counting…"
            parts.append(matches)
        }
        guard !parts.isEmpty else { return }
        x += canvas.put("─", x: x, y: area.y, style: .muted)
        let text = " " + parts.joined(separator: " · ") + " "
        canvas.put(text, x: x, y: area.y, style: .key, maxWidth: area.x + area.width - x - 1)
    }

    static func drawContacts(_ state: AppState, into canvas: inout Canvas, area: Rect) {
        guard let pane = state.campaign else { return }
        let columns = [
            TableColumn("Name", .flex(min: 10)), TableColumn("Phone / email", .flex(min: 12)),
            TableColumn("Status", .fixed(12)), TableColumn("Attempts", .fixed(8), alignRight: true),
            TableColumn("External id", .flex(min: 8)),
        ]
        let count = pane.listCount ?? 0
        let shown = max(0, min(area.height - 1, count - pane.windowOffset))
        let rows = (0..<shown).map { index in
            guard pane.window.indices.contains(index) else { return TableRow(["…"], style: .muted) }
            return row(for: pane.window[index].contact)
        }
        let table = Table(
            columns: columns, rows: rows, selected: count == 0 ? nil : pane.table.selected - pane.windowOffset,
            focused: pane.focus == .contacts)
        table.render(into: &canvas, area: area)
        if count == 0 {
            canvas.put("  " + emptyText(state, pane: pane), x: area.x, y: area.y + 2, style: .muted)
        }
    }

    static func row(for contact: Contact) -> TableRow {
        let reach = contact.phoneNumbers.first ?? contact.email ?? ""
        let name = contact.displayName.isEmpty ? "(no name)" : contact.displayName
        return TableRow([
            name, reach, contact.status?.raw ?? "—", contact.attemptCount.map(String.init) ?? "—",
            contact.externalID ?? "—",
        ])
    }

    static func emptyText(_ state: AppState, pane: CampaignPane) -> String {
        if pane.isFiltered {
            return pane.matchCount == nil ? "Filtering…" : "No cached contact matches the filter (Esc clears it)."
        }
        if pane.fetchingContacts || pane.cachedCount == nil { return "Fetching contacts…" }
        if let contacts = state.account?.accountContacts, !state.vendorListsContacts(of: pane.campaignID) {
            return "No contacts in this campaign: \(KeyRegistry.label(for: .openAccountContacts)) opens \(contacts.name)."
        }
        if let account = state.account, !account.capabilities.contains(.listContacts) {
            return "\(account.vendorName) cannot list contacts; contacts sent from Switchboard appear here."
        }
        return "This campaign has no contacts."
    }
}
