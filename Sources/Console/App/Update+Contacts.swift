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
        if !vendorListsContacts(of: id) { pane.nextVendorOffset = nil }
        campaign = pane
        contactPane = nil
        effects += refreshStats()
        effects += refreshConcurrency()
        effects += fetchMoreContacts()
        return effects
    }

    /// Fetches the vendor's next page when the rows near the screen are not cached yet.
    /// Not while a filter is set: it searches what is cached, and a filter that matches
    /// little would otherwise page through the whole campaign at the vendor.
    mutating func fetchMoreContacts() -> [Effect] {
        guard let account, var pane = campaign, let offset = pane.nextVendorOffset, !pane.fetchingContacts,
            !pane.isFiltered
        else {
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
        guard var pane = campaign else { return [] }
        move(&pane.table, layout.contactRows)
        let scrolled = pane.table.offset != pane.windowOffset
        if scrolled {
            pane.windowOffset = pane.table.offset
            pane.window = []
        }
        campaign = pane
        return (scrolled ? [observeWindow()].compactMap { $0 } : []) + fetchMoreContacts()
    }

    /// Following the window of contacts the table shows now.
    func observeWindow() -> Effect? {
        guard let account, let pane = campaign else { return nil }
        return .observeContacts(
            account: account.name, campaignID: pane.campaignID, filter: pane.filter, offset: pane.windowOffset,
            limit: layout.contactRows)
    }

    /// After the filter changed: back to the first row, follow the new window and count.
    mutating func refilterContacts() -> [Effect] {
        guard let account, var pane = campaign else { return [] }
        pane.table = TableState()
        pane.windowOffset = 0
        pane.window = []
        pane.matchCount = nil
        campaign = pane
        let count = Effect.observeMatchCount(account: account.name, campaignID: pane.campaignID, filter: pane.filter)
        return [observeWindow(), count].compactMap { $0 } + fetchMoreContacts()
    }

    /// Sets the contacts filter's text (`!` first inverts it).
    mutating func setContactFilter(_ text: String) -> [Effect] {
        guard campaign != nil, campaign?.textFilter != text else { return [] }
        campaign?.textFilter = text
        return refilterContacts()
    }

    /// The status filter's next step: every status, then each bucket the cached contacts
    /// have (in bucket order), then every status again.
    mutating func cycleStatusFilter() -> [Effect] {
        guard var pane = campaign else { return [] }
        var buckets: [NormalizedStatus] = []
        for status in pane.statuses where !buckets.contains(status.normalized) { buckets.append(status.normalized) }
        if let current = pane.statusFilter, let index = buckets.firstIndex(of: current) {
            pane.statusFilter = index + 1 < buckets.count ? buckets[index + 1] : nil
        } else {
            pane.statusFilter = buckets.first
        }
        if pane.statusFilter == nil && campaign?.statusFilter == nil {
            status = StatusMessage(text: "no cached contact has a status yet", isError: false)
            return []
        }
        campaign = pane
        return refilterContacts()
    }

    /// Clears the text and status filters, if any is set.
    mutating func clearContactFilters() -> [Effect] {
        guard campaign?.hasFilterSet == true else { return [] }
        campaign?.textFilter = ""
        campaign?.statusFilter = nil
        return refilterContacts()
    }

    /// Moves the stats panel's sample cursor; the last sample means "follow the latest".
    mutating func moveSampleCursor(_ move: (inout TableState, Int, Int) -> Void) {
        guard var pane = campaign, !pane.samples.isEmpty else { return }
        let count = pane.samples.count
        let current = pane.sampleCursor.flatMap { at in pane.samples.firstIndex { $0.takenAt == at } } ?? count - 1
        var table = TableState(selected: current)
        move(&table, count, 10)
        pane.sampleCursor = table.selected == count - 1 ? nil : pane.samples[table.selected].takenAt
        campaign = pane
    }

    /// The sample the stats panel shows: the one under the cursor, else none (the latest counts).
    public var cursorSample: (index: Int, sample: StatsSample)? {
        guard let pane = campaign, let at = pane.sampleCursor,
            let index = pane.samples.firstIndex(where: { $0.takenAt == at })
        else { return nil }
        return (index, pane.samples[index])
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
