import SwitchboardCore

/// Contacts that belong to the account, not to a campaign (`AccountContacts`): a row of
/// their own in the campaigns list, `w` to open them, and a pointer to them where a
/// campaign takes no contact changes.
extension AppState {
    /// Whether the vendor lists the contacts of campaign `id` (else the store shows what was sent).
    func vendorListsContacts(of id: String) -> Bool {
        guard let account, account.capabilities.contains(.listContacts) else { return false }
        guard let contacts = account.accountContacts, contacts.campaignID != id else { return true }
        return contacts.campaignsListContacts
    }

    /// `w` and `:contacts default`: opens the account's own contacts as a campaign screen,
    /// with their row selected in the campaigns list behind it.
    mutating func openAccountContacts() -> [Effect] {
        guard let account else { return [] }
        guard let contacts = account.accountContacts else {
            status = StatusMessage(
                text: "\(account.vendorName) keeps contacts in campaigns; there are no account contacts to open",
                isError: true)
            return []
        }
        return openFromCommand(contacts.campaignID)
    }

    /// Opens campaign `id` over a fresh campaigns list, as `:contacts` does, selecting its row.
    mutating func openFromCommand(_ id: String) -> [Effect] {
        let wasOpen = campaign != nil
        stack = [.campaigns]
        if let index = campaignRows.firstIndex(where: { $0.id == id }) {
            campaignTable.select(index, count: campaignRows.count, visible: layout.campaignRows)
        }
        return closeChangeScreens() + (wasOpen ? [.stopObservingCampaign] : []) + openCampaign(id)
    }

    /// Where contacts are added and changed, when the campaign `action` is about takes no
    /// contact changes of its own; nil when the action goes ahead.
    func accountContactsPointer(for action: Action) -> String? {
        guard let contacts = account?.accountContacts else { return nil }
        // A running import shows itself on `i`, whichever campaign it goes to.
        if action == .importContacts && importFlow != nil { return nil }
        let id: String
        switch (action, screen) {
        case (.newContact, .campaign(let open)), (.editContact, .campaign(let open)),
            (.removeContact, .campaign(let open)), (.importContacts, .campaign(let open)),
            (.editContact, .contact(let open, _)), (.removeContact, .contact(let open, _)):
            id = open
        case (.importContacts, .campaigns):
            guard let target = actionTarget else { return nil }
            id = target.id
        default:
            return nil
        }
        guard id != contacts.campaignID else { return nil }
        return "contacts are changed in \(contacts.name): " + accountContactsKeys(contacts)
    }

    /// "w opens them (:contacts default)".
    func accountContactsKeys(_ contacts: AccountContacts) -> String {
        "\(KeyRegistry.label(for: .openAccountContacts)) opens them (:contacts \(contacts.campaignID))"
    }
}
