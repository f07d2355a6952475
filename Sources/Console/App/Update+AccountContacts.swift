import SwitchboardCore

/// Contacts that belong to the account, not to a campaign (`AccountContacts`): a row of
/// their own in the campaigns list, `w` to open them, campaign actions refused on them, a
/// pointer to them where a campaign takes no contact changes, and the contact form's rules
/// there.
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

    /// Why `action` does not go ahead where the account's own contacts are concerned, or nil:
    /// they are no campaign to start, pause, close or edit; and where the campaign the action
    /// is about takes no contact changes of its own, where contacts are changed instead.
    func accountContactsRefusal(for action: Action) -> String? {
        guard let contacts = account?.accountContacts else { return nil }
        switch action {
        case .campaign, .editCampaign:
            guard let target = actionTarget, target.id == contacts.campaignID else { return nil }
            let verb: String
            if case .campaign(let command) = action { verb = command.rawValue } else { verb = "edit" }
            let open = screen == .campaigns ? " (\(KeyRegistry.label(for: .open, in: .campaigns)) lists them)" : ""
            return "\(contacts.name) are not a campaign: there is nothing to \(verb)\(open)"
        default:
            break
        }
        guard !contacts.campaignsTakeContacts else { return nil }
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

    /// The contact form in the account's own contacts, where no campaign configuration gives
    /// numbers a country code: a note says so, and the phones' hint names the code the
    /// console assumes (the account's `default_country_code`), if any.
    func applyAccountContactsRules(to form: inout ContactForm) {
        guard let contacts = account?.accountContacts, contacts.phonesNeedCountryCode,
            form.campaignID == contacts.campaignID
        else { return }
        form.note = "No configuration gives \(contacts.name.lowercased()) a country code: phones must be E.164."
        let hint =
            if let code = form.defaultCountryCode, !code.isEmpty {
                "comma between numbers; no +: \(code) assumed (the account's default_country_code)"
            } else {
                "comma between numbers; each with + and its country code (the account sets no default_country_code)"
            }
        for index in form.fields.indices {
            if case .phones = form.fields[index].kind { form.fields[index].hint = hint }
        }
    }

    /// "w opens them (:contacts default)".
    func accountContactsKeys(_ contacts: AccountContacts) -> String {
        "\(KeyRegistry.label(for: .openAccountContacts)) opens them (:contacts \(contacts.campaignID))"
    }
}
