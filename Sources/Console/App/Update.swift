import Foundation
import SwitchboardCore

/// The effects to run when the console opens: follow and fetch the first account.
public func start(_ state: inout AppState) -> [Effect] {
    [.replayJournal] + state.switchAccount(to: state.accountIndex)
}

/// The console's one state transition: apply `msg` to `state` and say what to do next.
/// Pure and total: no I/O, an answer for every message in every state.
public func update(_ state: inout AppState, _ msg: Msg) -> [Effect] {
    switch msg {
    case .replayFinished(let result):
        switch result {
        case .success(let summary):
            if let text = summary.text { state.status = StatusMessage(text: text, isError: summary.hasFailures) }
        case .failure(let failure):
            state.status = StatusMessage(text: "journal replay stopped: \(failure.message)", isError: true)
        }
        return []
    case .campaignSetup(let msg):
        return state.receive(msg)
    case .change(let msg):
        return state.receive(msg)
    case .bulkImport(let msg):
        return state.receive(msg)
    case .key(let key):
        return state.handle(key)
    case .resize(let width, let height):
        return state.resize(width: width, height: height)
    case .tick(let date):
        state.now = date
        state.changes = state.changes.filter { date.timeIntervalSince($0.value.at) < 3 }
        return state.refreshStats() + state.refreshConcurrency()
    case .campaignsFetched(let account, let result, let date):
        guard account == state.account?.name else { return [] }
        state.fetchingCampaigns = false
        state.record(result.map { _ in () }, at: date)
        return []
    case .campaignsObserved(let account, let campaigns):
        guard account == state.account?.name else { return [] }
        state.campaigns = campaigns
        state.campaignTable.select(
            state.campaignTable.selected, count: state.campaignRows.count, visible: state.layout.campaignRows)
        return state.refreshStats(onlyMissing: true)
    case .statsFetched(let account, let campaignID, let result, let date):
        guard account == state.account?.name else { return [] }
        state.refreshing.remove(campaignID)
        if case .success(let counts) = result { state.store(counts, for: campaignID, at: date) }
        state.record(result.map { _ in () }, at: date)
        return []
    case .samplesObserved(let account, let campaignID, let samples):
        guard account == state.account?.name, state.campaign?.campaignID == campaignID else { return [] }
        state.campaign?.samples = samples
        return []
    case .contactCountObserved(let account, let campaignID, let count):
        guard account == state.account?.name, state.campaign?.campaignID == campaignID else { return [] }
        state.campaign?.cachedCount = count
        if state.campaign?.isFiltered == true { return [] }
        return state.moveContacts { $0.move(by: 0, count: count, visible: $1) }
    case .matchCountObserved(let account, let campaignID, let filter, let count):
        guard account == state.account?.name, state.campaign?.campaignID == campaignID,
            state.campaign?.isFiltered == true, state.campaign?.filter == filter
        else { return [] }
        state.campaign?.matchCount = count
        return state.moveContacts { $0.move(by: 0, count: count, visible: $1) }
    case .contactStatusesObserved(let account, let campaignID, let statuses):
        guard account == state.account?.name, var pane = state.campaign, pane.campaignID == campaignID else {
            return []
        }
        let before = pane.filter
        pane.statuses = statuses
        state.campaign = pane
        return pane.filter == before ? [] : state.refilterContacts()
    case .contactsObserved(let account, let campaignID, let filter, let offset, let contacts):
        guard account == state.account?.name, state.campaign?.campaignID == campaignID,
            state.campaign?.windowOffset == offset, state.campaign?.filter == filter
        else { return [] }
        state.campaign?.window = contacts
        return []
    case .historyObserved(let account, let campaignID, let key, let history):
        guard account == state.account?.name, state.campaign?.campaignID == campaignID,
            state.contactPane?.key == key
        else { return [] }
        state.contactPane?.history = history
        return []
    case .contactsFetched(let account, let campaignID, let result):
        guard account == state.account?.name, state.campaign?.campaignID == campaignID else { return [] }
        state.campaign?.fetchingContacts = false
        switch result {
        case .success(let fetched):
            state.campaign?.vendorTotal = fetched.total
            state.campaign?.nextVendorOffset = fetched.nextOffset
            state.record(.success(()), at: state.now)
            return state.fetchMoreContacts()
        case .failure(let failure):
            state.campaign?.nextVendorOffset = nil
            state.record(.failure(failure), at: state.now)
            return []
        }
    }
}

extension AppState {
    /// The layout at the current size.
    public var layout: Layout { Layout(width: width, height: height) }

    /// Forgets the previous account's data and follows the new one.
    mutating func switchAccount(to index: Int) -> [Effect] {
        guard accounts.indices.contains(index) else { return [.stopObservingCampaign] }
        accountIndex = index
        stack = [.campaigns]
        campaign = nil
        contactPane = nil
        contactForm = nil
        removal = nil
        campaigns = nil
        stats = [:]
        changes = [:]
        refreshing = []
        campaignTable = TableState()
        filter = ""
        setup = CampaignSetup()
        lastRefresh = nil
        let account = accounts[index]
        var effects: [Effect] = closeChangeScreens() + [.stopObservingCampaign, .observeCampaigns(account: account.name)]
        if account.capabilities.contains(.listCampaigns) {
            connection = .connecting
            fetchingCampaigns = true
            effects.append(.fetchCampaigns(account: account.name))
        } else {
            connection = .notContacted
            fetchingCampaigns = false
        }
        return effects
    }

    /// Notes how the vendor's last answer went in the header and on the status line.
    mutating func record(_ result: Result<Void, Failure>, at date: Date) {
        switch result {
        case .success:
            connection = .online
            lastRefresh = date
            if status?.isError == true { status = nil }
        case .failure(let failure):
            connection = .failed(failure.message)
            status = StatusMessage(text: failure.message, isError: true)
        }
    }

    /// Keeps fresh counts and marks the columns that changed since the last ones.
    mutating func store(_ counts: StatusCounts, for campaignID: String, at date: Date) {
        if let previous = stats[campaignID] {
            let old = CampaignRow(id: campaignID, name: "", state: "", counts: previous)
            let new = CampaignRow(id: campaignID, name: "", state: "", counts: counts)
            let changed = Set(SortColumn.allCases.filter { old.count($0) != new.count($0) })
            if !changed.isEmpty { changes[campaignID] = ChangeMark(columns: changed, at: date) }
        }
        stats[campaignID] = counts
    }

    /// Asks for stats of what is on screen, skipping any already in flight.
    mutating func refreshStats(onlyMissing: Bool = false) -> [Effect] {
        guard let account, account.capabilities.contains(.stats) else { return [] }
        let ids: [String]
        switch screen {
        case .campaigns: ids = campaignRows.map(\.id)
        case .campaign(let id), .contact(let id, _): ids = [id]
        case .configurations: ids = []
        case .journal, .results: ids = []
        }
        var effects: [Effect] = []
        for id in ids where !refreshing.contains(id) && !(onlyMissing && stats[id] != nil) && !isAccountContacts(id) {
            refreshing.insert(id)
            effects.append(.fetchStats(account: account.name, campaignID: id))
        }
        return effects
    }

    mutating func resize(width: Int, height: Int) -> [Effect] {
        self.width = width
        self.height = height
        campaignTable.select(campaignTable.selected, count: campaignRows.count, visible: layout.campaignRows)
        guard let pane = campaign, let window = observeWindow() else { return [] }
        var effects = [window]
        if let count = pane.listCount { effects += moveContacts { $0.move(by: 0, count: count, visible: $1) } }
        return effects
    }
}
