import SwitchboardCore

extension AppState {
    /// True when the current account takes no changes (`--readonly` or `readonly = true`).
    public var isReadOnly: Bool { account?.readonly == true }

    /// The campaign a campaign action is about: the open one, else the selected row.
    var actionTarget: (id: String, name: String, state: String)? {
        switch screen {
        case .campaign(let id), .contact(let id, _):
            let cached = cachedCampaign(id)
            return (id, cached?.name ?? id, cached?.state ?? "")
        case .campaigns:
            let rows = campaignRows
            guard rows.indices.contains(campaignTable.selected) else { return nil }
            let row = rows[campaignTable.selected]
            return (row.id, row.name, row.state)
        default:
            return nil
        }
    }

    /// Start, pause or close: asks for confirmation unless the vendor cannot do it or the
    /// campaign is already there.
    mutating func campaignAction(_ command: CampaignCommand) -> [Effect] {
        guard let account, let target = actionTarget else { return [] }
        guard account.capabilities.contains(.campaignLifecycle) else {
            status = StatusMessage(text: "\(account.vendorName) cannot \(command.rawValue) campaigns", isError: true)
            return []
        }
        if setup.sending[target.id] != nil {
            status = StatusMessage(text: "a change to “\(target.name)” is still being sent", isError: true)
            return []
        }
        let refusal: String? =
            switch (command, target.state) {
            case (_, "closed"): "“\(target.name)” is closed; a closed campaign cannot be started, paused or closed again"
            case (.start, "active"): "“\(target.name)” is already active"
            case (.pause, "paused"): "“\(target.name)” is already paused"
            default: nil
            }
        if let refusal {
            status = StatusMessage(text: refusal, isError: true)
            return []
        }
        setup.modal = .confirm(
            CampaignConfirm(command: command, campaignID: target.id, campaignName: target.name, account: account.name))
        return []
    }

    /// Opens the campaign form: empty to create, filled from the selected campaign to edit.
    mutating func openCampaignForm(editing: Bool) -> [Effect] {
        guard let account else { return [] }
        guard account.capabilities.contains(.manageCampaigns) else {
            let verb = editing ? "change" : "create"
            status = StatusMessage(text: "\(account.vendorName) cannot \(verb) campaigns", isError: true)
            return []
        }
        var form = CampaignForm(account: account.name)
        if editing {
            guard let target = actionTarget, let cached = cachedCampaign(target.id) else { return [] }
            form = CampaignForm(account: account.name, editing: cached)
        }
        setup.modal = .form(form)
        return fetchConfigurations()
    }

    /// Fetches the configurations once per account (R fetches them again).
    mutating func fetchConfigurations(again: Bool = false) -> [Effect] {
        guard let account, !setup.fetchingConfigurations, again || setup.configurations == nil else { return [] }
        setup.fetchingConfigurations = true
        return [.campaignSetup(.fetchConfigurations(account: account.name))]
    }

    /// Fetches the concurrency limit and active calls while a screen shows them: the
    /// configurations screen, and a campaign's stats panel on accounts that have the setting.
    mutating func refreshConcurrency() -> [Effect] {
        guard let account, !setup.fetchingConcurrency else { return [] }
        switch screen {
        case .configurations: break
        case .campaign(let id), .contact(let id, _):
            // The account's own contacts' panel shows no limit.
            guard account.capabilities.contains(.manageCampaigns), account.capabilities.contains(.stats),
                !isAccountContacts(id)
            else { return [] }
        default: return []
        }
        setup.fetchingConcurrency = true
        return [.campaignSetup(.fetchConcurrency(account: account.name))]
    }

    /// `:configurations`: the account's configurations, schedules and concurrency.
    mutating func openConfigurations() -> [Effect] {
        guard let account else { return [] }
        guard account.capabilities.contains(.manageCampaigns) else {
            status = StatusMessage(text: "\(account.vendorName) has no campaign configurations", isError: true)
            return []
        }
        let wasOpen = campaign != nil
        stack = [.campaigns, .configurations]
        campaign = nil
        contactPane = nil
        return (wasOpen ? [.stopObservingCampaign] : []) + fetchConfigurations(again: true) + refreshConcurrency()
    }

    /// A key while a campaign dialog is open: nothing else gets it.
    mutating func handleCampaignModal(_ key: Key) -> [Effect] {
        switch setup.modal {
        case .confirm(let confirm):
            switch key {
            case .character("y"), .character("Y"), .enter:
                setup.modal = nil
                return submit(
                    account: confirm.account, campaignID: confirm.campaignID, name: confirm.campaignName,
                    action: ChangeAction(rawValue: confirm.command.rawValue)!, draft: nil)
            case .character("n"), .character("N"), .escape:
                setup.modal = nil
                status = StatusMessage(text: "\(confirm.command.rawValue) cancelled; nothing was sent", isError: false)
            default:
                break
            }
            return []
        case .form(var form):
            let effects = edit(&form, key)
            if case .form = setup.modal { setup.modal = .form(form) }
            return effects
        case nil:
            return []
        }
    }

    private mutating func edit(_ form: inout CampaignForm, _ key: Key) -> [Effect] {
        let fields = CampaignForm.Field.allCases
        switch key {
        case .escape:
            setup.modal = nil
            status = StatusMessage(text: "campaign form closed; nothing was sent", isError: false)
            return []
        case .tab, .down:
            form.focus = fields[(form.focus.rawValue + 1) % fields.count]
            return []
        case .up:
            form.focus = fields[(form.focus.rawValue + fields.count - 1) % fields.count]
            return []
        case .enter:
            if let problem = form.problem {
                status = StatusMessage(text: "not sent: \(problem)", isError: true)
                return []
            }
            setup.modal = nil
            let draft = form.draft
            let name = draft.name ?? form.name.text
            if let id = form.campaignID {
                return submit(account: form.account, campaignID: id, name: name, action: .updateCampaign, draft: draft)
            }
            return submit(
                account: form.account, campaignID: draft.externalID ?? "", name: name, action: .createCampaign,
                draft: draft)
        default:
            break
        }
        switch form.focus {
        case .name: form.name.apply(key)
        case .externalID: form.externalID.apply(key)
        case .configuration:
            let choices: [String?] = [nil] + (setup.configurations ?? []).map(\.id)
            let index = choices.firstIndex(of: form.configurationID) ?? 0
            switch key {
            case .left: form.configurationID = choices[(index + choices.count - 1) % choices.count]
            case .right, .character(" "): form.configurationID = choices[(index + 1) % choices.count]
            default: break
            }
        }
        return []
    }

    private mutating func submit(
        account: String, campaignID: String, name: String, action: ChangeAction, draft: CampaignDraft?
    ) -> [Effect] {
        setup.sending[campaignID] = name
        status = StatusMessage(text: "\(Self.progressive(action)) “\(name)”… (journaled, sending)", isError: false)
        return [.campaignSetup(.submit(account: account, campaignID: campaignID, action: action, draft: draft))]
    }

    /// The answer to a campaign action, the configurations or the concurrency setting.
    mutating func receive(_ msg: CampaignSetupMsg) -> [Effect] {
        switch msg {
        case .settings(let msg):
            return receive(msg)
        case .settled(let account, let campaignID, let action, let result):
            let name = setup.sending.removeValue(forKey: campaignID) ?? campaignID
            switch result {
            case .success(let settled) where settled.state == .done:
                status = StatusMessage(
                    text: "\(Self.past(action)) “\(name)” (journal #\(settled.journalID))", isError: false)
            case .success(let settled):
                status = StatusMessage(
                    text:
                        "\(action.rawValue) “\(name)” \(settled.state.rawValue): \(settled.reason ?? "no reason given") (journal #\(settled.journalID))",
                    isError: true)
            case .failure(let failure):
                status = StatusMessage(text: "\(action.rawValue) “\(name)” not sent: \(failure.message)", isError: true)
            }
            guard account == self.account?.name else { return [] }
            return refreshAfterChange(campaignID)
        case .configurationsFetched(let account, let result):
            guard account == self.account?.name else { return [] }
            setup.fetchingConfigurations = false
            switch result {
            case .success(let configurations):
                setup.configurations = configurations
                setup.configurationTable.select(
                    setup.configurationTable.selected, count: configurations.count, visible: layout.configurationRows)
            case .failure(let failure):
                if setup.configurations == nil { setup.configurations = [] }
                status = StatusMessage(text: "configurations: \(failure.message)", isError: true)
            }
            return []
        case .concurrencyFetched(let account, let result):
            guard account == self.account?.name else { return [] }
            setup.fetchingConcurrency = false
            switch result {
            case .success(let limit):
                setup.concurrency = limit
                setup.concurrencyProblem = nil
            case .failure(let failure):
                setup.concurrencyProblem = failure.message
                // The stats panel says so itself; the status line would repeat it every tick.
                if screen == .configurations {
                    status = StatusMessage(text: "concurrency: \(failure.message)", isError: true)
                }
            }
            return []
        }
    }

    /// After a change: list the campaigns again (their states) and read the campaign's counts.
    private mutating func refreshAfterChange(_ campaignID: String) -> [Effect] {
        guard let account else { return [] }
        var effects: [Effect] = []
        if account.capabilities.contains(.listCampaigns), !fetchingCampaigns {
            fetchingCampaigns = true
            effects.append(.fetchCampaigns(account: account.name))
        }
        if account.capabilities.contains(.stats), !refreshing.contains(campaignID), cachedCampaign(campaignID) != nil {
            refreshing.insert(campaignID)
            effects.append(.fetchStats(account: account.name, campaignID: campaignID))
        }
        return effects
    }

    private static func progressive(_ action: ChangeAction) -> String {
        switch action {
        case .start: "starting"
        case .pause: "pausing"
        case .close: "closing"
        case .createCampaign: "creating"
        case .updateCampaign: "saving"
        default: action.rawValue
        }
    }

    private static func past(_ action: ChangeAction) -> String {
        switch action {
        case .start: "started"
        case .pause: "paused"
        case .close: "closed"
        case .createCampaign: "created campaign"
        case .updateCampaign: "saved campaign"
        default: action.rawValue
        }
    }
}

extension TextField {
    /// The editing keys of a one-line field.
    mutating func apply(_ key: Key) {
        switch key {
        case .backspace: backspace()
        case .left: moveCursor(by: -1)
        case .right: moveCursor(by: 1)
        case .home: moveToStart()
        case .end: moveToEnd()
        case .character(let character): insert(character)
        default: break
        }
    }
}

extension Layout {
    /// Rows of the configurations table on the configurations screen (one row is titles);
    /// the rest shows the concurrency line and the selected one's week grid.
    public var configurationRows: Int { max(1, main.height - ConfigurationsLayout.fixedRows - 1) }
}

/// The configurations screen's rows: the concurrency line, the table, then the selected
/// configuration's title, week grid (hour ruler and seven days) and windows.
enum ConfigurationsLayout {
    static let fixedRows = 11
}
