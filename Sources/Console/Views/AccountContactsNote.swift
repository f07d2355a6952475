/// What the stats panel says where contacts belong to the account: the account's own
/// contacts have no status counts (nor, where no configuration gives one, a country code),
/// and a campaign that takes no contact changes points to them.
enum AccountContactsNote {
    /// The panel's lines under the title, or nil where the panel shows the campaign's counts.
    static func lines(_ state: AppState, campaignID: String) -> [String]? {
        guard let account = state.account, let contacts = account.accountContacts else { return nil }
        if contacts.campaignID == campaignID {
            var lines = ["\(contacts.name) have no status counts: \(account.vendorName) reports none for them."]
            // Contacts may have a status only within a campaign (then there is nothing to filter by).
            if state.campaign?.statuses.isEmpty == false {
                let filter = KeyRegistry.label(for: .cycleStatus, in: .campaign)
                lines.append("Each contact's own status is in the table; \(filter) filters by it.")
            }
            if contacts.phonesNeedCountryCode {
                let code = account.defaultCountryCode.map { "numbers without one get \($0)" } ?? "numbers must be E.164"
                lines.append("No configuration gives them a country code: \(code).")
            }
            return lines
        }
        // The campaign's own contacts and counts, as on any account.
        if contacts.campaignsTakeContacts { return nil }
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
