/// What the stats panel says where contacts belong to the account: the account's own
/// contacts have no status counts, and a campaign points to them for contact changes.
enum AccountContactsNote {
    /// The panel's lines under the title, or nil for a campaign of an account without them.
    static func lines(_ state: AppState, campaignID: String) -> [String]? {
        guard let account = state.account, let contacts = account.accountContacts else { return nil }
        if contacts.campaignID == campaignID {
            let counts = "\(contacts.name) have no status counts: \(account.vendorName) reports none for them."
            // Contacts may have a status only within a campaign (then there is nothing to filter by).
            guard state.campaign?.statuses.isEmpty == false else { return [counts] }
            let filter = KeyRegistry.label(for: .cycleStatus, in: .campaign)
            return [counts, "Each contact's own status is in the table; \(filter) filters by it."]
        }
        let held =
            contacts.campaignsListContacts
            ? "The table lists this campaign's contacts; changes go to \(contacts.name):"
            : "This campaign holds no contacts: they belong to \(contacts.name)."
        return [
            "\(account.vendorName) reports no status counts for a campaign.", held,
            "\(state.accountContactsKeys(contacts)).",
        ]
    }
}
