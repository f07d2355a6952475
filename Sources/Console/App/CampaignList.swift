import SwitchboardCore

/// A row of the campaigns table: the cached campaign and its latest counts.
public struct CampaignRow: Hashable, Sendable {
    public var id: String
    public var name: String
    public var state: String
    public var counts: StatusCounts?

    /// The value shown, and sorted by, in a count column (nil when the vendor has none).
    public func count(_ column: SortColumn) -> Int? {
        guard let counts else { return nil }
        switch column {
        case .name, .status: return nil
        case .pending: return counts[.pending]
        case .active: return counts[.active]
        case .completed: return counts[.completed]
        case .exhausted: return counts[.exhausted]
        case .failed: return counts[.failed]
        case .attempts: return counts.attempts
        case .calls: return counts.activeCalls
        }
    }
}

extension AppState {
    /// The campaigns table's rows: the account's own contacts first where the vendor keeps
    /// them outside campaigns, then the account's campaigns (or the ones its accounts-file
    /// entry names, for vendors that cannot list them), filtered and sorted.
    public var campaignRows: [CampaignRow] { campaignRows(filtered: true) }

    /// The rows before the filter: what `:contacts` opens and completes.
    func campaignRows(filtered: Bool) -> [CampaignRow] {
        var rows: [CampaignRow]
        if let account, !account.capabilities.contains(.listCampaigns) {
            rows = account.configuredCampaigns.map { CampaignRow(id: $0, name: $0, state: "—", counts: stats[$0]) }
        } else {
            rows = (campaigns ?? []).map { CampaignRow(id: $0.id, name: $0.name, state: $0.state, counts: stats[$0.id]) }
        }
        if filtered { rows = rows.filter(matchesFilter) }
        let sort = self.sort
        rows.sort { a, b in
            let ordered: Bool?
            switch sort.column {
            case .name: ordered = a.name == b.name ? nil : a.name.localizedLowercase < b.name.localizedLowercase
            case .status: ordered = a.state == b.state ? nil : a.state < b.state
            default:
                let (x, y) = (a.count(sort.column) ?? -1, b.count(sort.column) ?? -1)
                ordered = x == y ? nil : x < y
            }
            guard let ordered else { return a.id < b.id }
            return ordered == sort.ascending
        }
        // Not a campaign: it stays first whatever the sort, and has no counts.
        if let contacts = account?.accountContacts {
            let row = CampaignRow(id: contacts.campaignID, name: contacts.name, state: "—", counts: nil)
            if !filtered || matchesFilter(row) { rows.insert(row, at: 0) }
        }
        return rows
    }

    /// True when `id` is the account's own contacts rather than a campaign.
    public func isAccountContacts(_ id: String) -> Bool {
        account?.accountContacts?.campaignID == id
    }

    /// Substring match on name or id, ignoring case; a leading `!` keeps the others.
    func matchesFilter(_ row: CampaignRow) -> Bool {
        var needle = filter
        let inverted = needle.hasPrefix("!")
        if inverted { needle.removeFirst() }
        guard !needle.isEmpty else { return true }
        let found = row.name.localizedLowercase.contains(needle.localizedLowercase)
            || row.id.localizedLowercase.contains(needle.localizedLowercase)
        return found != inverted
    }

    /// The campaign a screen is about, from the cache (nil for configured-only ids); the
    /// account's own contacts go by their name.
    public func cachedCampaign(_ id: String) -> CachedCampaign? {
        if let account, let contacts = account.accountContacts, contacts.campaignID == id {
            let campaign = Campaign(id: id, name: contacts.name, state: .unknown("—"))
            return CachedCampaign(account: account.name, campaign: campaign, seenAt: now)
        }
        return campaigns?.first { $0.id == id }
    }
}
