extension AppState {
    /// A key: to the field being edited, else to help, else through the key registry.
    mutating func handle(_ key: Key) -> [Effect] {
        if editing != nil { return edit(key) }
        if contactForm != nil { return formKey(key) }
        if removal != nil { return answer(key) }
        if layout.isTooSmall {
            return KeyRegistry.action(for: key, in: keyContext) == .quit ? perform(.quit) : []
        }
        if importFlow?.isShown == true { return importKey(key) }
        if setup.modal != nil { return handleCampaignModal(key) }
        if setup.settings != nil { return settingsKey(key) }
        guard let binding = KeyRegistry.binding(for: key, in: keyContext) else { return [] }
        let action = binding.action
        if showingHelp, ![.help, .back, .quit].contains(action) { return [] }
        if binding.changes && isReadOnly {
            status = StatusMessage(text: "read-only: \(binding.summary) is not available", isError: true)
            return []
        }
        return perform(action)
    }

    /// What an action does on the current screen.
    mutating func perform(_ action: Action) -> [Effect] {
        if let refusal = accountContactsRefusal(for: action) {
            status = StatusMessage(text: refusal, isError: true)
            return []
        }
        switch action {
        case .quit:
            quitting = true
            return [.quit]
        case .help:
            showingHelp.toggle()
            return []
        case .back:
            return back()
        case .commandLine:
            editing = .command(TextField())
            completions = []
            return []
        case .filter:
            editing = .filter(TextField(text: screen == .campaigns ? filter : campaign?.textFilter ?? ""))
            return []
        case .cycleStatus:
            return cycleStatusFilter()
        case .switchPane:
            guard let focus = campaign?.focus else { return [] }
            campaign?.focus = focus == .stats ? .contacts : .stats
            return []
        case .down: return move { $0.move(by: 1, count: $1, visible: $2) }
        case .up: return move { $0.move(by: -1, count: $1, visible: $2) }
        case .top: return move { $0.select(0, count: $1, visible: $2) }
        case .bottom: return move { $0.select($1 - 1, count: $1, visible: $2) }
        case .pageDown: return move { $0.move(by: $2, count: $1, visible: $2) }
        case .pageUp: return move { $0.move(by: -$2, count: $1, visible: $2) }
        case .open:
            return open()
        case .refresh:
            return refreshNow()
        case .togglePause:
            paused.toggle()
            status = StatusMessage(text: paused ? "live refresh paused (Z resumes)" : "live refresh resumed", isError: false)
            return paused ? [] : refreshStats()
        case .nextAccount:
            return accounts.isEmpty ? [] : switchAccount(to: (accountIndex + 1) % accounts.count)
        case .previousAccount:
            return accounts.isEmpty ? [] : switchAccount(to: (accountIndex + accounts.count - 1) % accounts.count)
        case .campaign(let command):
            return campaignAction(command)
        case .newCampaign:
            return openCampaignForm(editing: false)
        case .editCampaign:
            return openCampaignForm(editing: true)
        case .newContact: return openContactForm(new: true)
        case .editContact: return openContactForm(new: false)
        case .removeContact: return askToRemoveContact()
        case .importContacts: return openImport()
        case .settings(let action): return performSettings(action)
        case .openAccountContacts: return openAccountContacts()
        case .onlyFailures, .retryFailures, .exportFailures, .replayEntry: return performOnResults(action)
        case .review, .complete, .confirm, .cancel, .importStep: return []
        case .sort(let column):
            sort = CampaignSort(column: column, ascending: sort.column == column ? !sort.ascending : column == .name)
            campaignTable.select(0, count: campaignRows.count, visible: layout.campaignRows)
            return []
        }
    }

    /// Moves the selection of the current screen's table.
    private mutating func move(_ change: (inout TableState, Int, Int) -> Void) -> [Effect] {
        switch screen {
        case .campaigns:
            change(&campaignTable, campaignRows.count, layout.campaignRows)
            return []
        case .campaign:
            if campaign?.focus == .stats {
                moveSampleCursor(change)
                return []
            }
            let count = campaign?.listCount ?? 0
            return moveContacts { change(&$0, count, $1) }
        case .contact(let campaignID, let key):
            guard var pane = contactPane else { return [] }
            let lines = ContactSheet(state: self, campaignID: campaignID, key: key).lines.count
            var scroll = TableState(selected: pane.scroll)
            change(&scroll, max(0, lines - layout.main.height) + 1, max(1, layout.main.height - 1))
            pane.scroll = scroll.selected
            contactPane = pane
            return []
        case .configurations:
            change(&setup.configurationTable, setup.configurations?.count ?? 0, layout.configurationRows)
            return []
        case .journal, .results:
            return moveChangeTable(change)
        }
    }

    private mutating func open() -> [Effect] {
        switch screen {
        case .campaigns:
            let rows = campaignRows
            guard rows.indices.contains(campaignTable.selected) else { return [] }
            return openCampaign(rows[campaignTable.selected].id)
        case .campaign(let id):
            guard let account, let contact = selectedContact else { return [] }
            stack.append(.contact(campaignID: id, key: contact.key))
            contactPane = ContactPane(key: contact.key)
            return [.observeHistory(account: account.name, campaignID: id, key: contact.key, keys: contact.keys)]
        case .contact, .configurations, .results:
            return []
        case .journal:
            guard let entry = selectedEntry, let id = entry.id else { return [] }
            return openResults(id)
        }
    }

    private mutating func back() -> [Effect] {
        if showingHelp {
            showingHelp = false
            return []
        }
        switch screen {
        case .campaigns:
            if !filter.isEmpty {
                filter = ""
                campaignTable.select(0, count: campaignRows.count, visible: layout.campaignRows)
            }
            return []
        case .campaign:
            if campaign?.hasFilterSet == true { return clearContactFilters() }
            stack.removeLast()
            campaign = nil
            return [.stopObservingCampaign]
        case .contact:
            stack.removeLast()
            contactPane = nil
            return [.stopObservingHistory]
        case .configurations:
            stack.removeLast()
            return []
        case .journal:
            stack = [.campaigns]
            return closeChangeScreens()
        case .results:
            stack.removeLast()
            results = nil
            return [.change(.stopObservingResults)]
        }
    }

    private mutating func refreshNow() -> [Effect] {
        guard let account else { return [] }
        var effects: [Effect] = []
        if case .campaigns = screen, account.capabilities.contains(.listCampaigns), !fetchingCampaigns {
            fetchingCampaigns = true
            effects.append(.fetchCampaigns(account: account.name))
        }
        if case .configurations = screen { return fetchConfigurations(again: true) + refreshConcurrency() }
        if let pane = campaign, vendorListsContacts(of: pane.campaignID), !pane.fetchingContacts {
            campaign?.nextVendorOffset = 0
            effects += fetchMoreContacts()
        }
        return effects + refreshStats()
    }
}
