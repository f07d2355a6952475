import SwitchboardCore

extension AppState {
    /// Opens a campaign: follow its samples, count and first window; fetch its stats and
    /// its first page of contacts where the vendor can list them.
    mutating func openCampaign(_ id: String) -> [Effect] {
        guard let account else { return [] }
        if case .campaign = screen { stack.removeLast() }
        stack.append(.campaign(id: id))
        var pane = CampaignPane(campaignID: id)
        var effects: [Effect] = [
            .observeCampaign(account: account.name, campaignID: id),
            .observeContacts(account: account.name, campaignID: id, offset: 0, limit: layout.contactRows),
        ]
        if !account.capabilities.contains(.listContacts) { pane.nextVendorOffset = nil }
        campaign = pane
        effects += refreshStats()
        effects += fetchMoreContacts()
        return effects
    }

    /// Fetches the vendor's next page when the rows near the screen are not cached yet.
    mutating func fetchMoreContacts() -> [Effect] {
        guard let account, var pane = campaign, let offset = pane.nextVendorOffset, !pane.fetchingContacts else {
            return []
        }
        let wanted = min(pane.windowOffset + 2 * layout.contactRows, pane.vendorTotal ?? Int.max)
        guard (pane.cachedCount ?? 0) < wanted || offset == 0 else { return [] }
        pane.fetchingContacts = true
        campaign = pane
        return [
            .fetchContacts(
                account: account.name, campaignID: pane.campaignID, offset: offset, limit: Self.vendorPageSize)
        ]
    }

    /// Moves the contacts table's selection; when it scrolls, follows the new window.
    mutating func moveContacts(_ move: (inout TableState, Int) -> Void) -> [Effect] {
        guard let account, var pane = campaign else { return [] }
        move(&pane.table, layout.contactRows)
        var effects: [Effect] = []
        if pane.table.offset != pane.windowOffset {
            pane.windowOffset = pane.table.offset
            pane.window = []
            effects.append(
                .observeContacts(
                    account: account.name, campaignID: pane.campaignID, offset: pane.windowOffset,
                    limit: layout.contactRows))
        }
        campaign = pane
        return effects + fetchMoreContacts()
    }

    /// The selected contact, when its row is loaded.
    public var selectedContact: CachedContact? {
        guard let pane = campaign else { return nil }
        let index = pane.table.selected - pane.windowOffset
        return pane.window.indices.contains(index) ? pane.window[index] : nil
    }

    /// The contact a contact screen shows, when still in the loaded window.
    public func contact(key: String) -> CachedContact? {
        campaign?.window.first { $0.key == key }
    }
}
