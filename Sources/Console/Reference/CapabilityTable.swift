import SwitchboardCore

/// What each vendor can do, from its client's capabilities, and what each capability
/// gives in the console and on the command line: the README's capabilities table
/// (`switchboard reference capabilities`, `scripts/readme-keys`).
public enum CapabilityTable {
    /// One row per capability, one column per vendor.
    public static var markdown: String {
        var table = MarkdownTable(["Capability"] + Vendor.allCases.map(\.displayName) + ["In the console and the CLI"])
        for capability in VendorCapabilities.each {
            let marks = Vendor.allCases.map { VendorRegistry.capabilities(of: $0).contains(capability) ? "yes" : "—" }
            table.rows.append(
                [MarkdownTable.code(capability.description)] + marks + [MarkdownTable.cell(use(of: capability) ?? "")])
        }
        return table.text
    }

    /// What `capability` makes possible; nil for one not described yet (a test asks for all).
    static func use(of capability: VendorCapabilities) -> String? {
        uses.first { $0.0 == capability }?.1
    }

    private static func keys(_ action: Action, _ context: KeyContext) -> String {
        "`\(KeyRegistry.label(for: action, in: context))`"
    }

    private static var uses: [(VendorCapabilities, String)] {
        [
            (
                .listCampaigns,
                "the campaigns list is read from the vendor (without it, the campaigns are the account's `campaigns`); `campaigns list`"
            ),
            (
                .listContacts,
                "a campaign's contacts are read from the vendor into the store (without it, only contacts sent from Switchboard are shown); `contacts list`"
            ),
            (.getContact, "a contact is read back after a one-contact edit; `contacts show`"),
            (.deleteContact, "\(keys(.removeContact, .contact)) deletes a contact by id; `contacts delete`"),
            (.stats, "live counts in the campaigns list, the stats panel and its sparklines; `stats`"),
            (
                .upsert,
                "\(keys(.newContact, .campaign)) and \(keys(.editContact, .campaign)): the contact form; `contacts upsert`"
            ),
            (.updateOnly, "`contacts upsert --action update-only`"),
            (
                .remove,
                "\(keys(.removeContact, .contact)) removes a contact by its key where there is no delete; `contacts upsert --action remove`"
            ),
            (
                .manageCampaigns,
                "\(keys(.newCampaign, .campaigns)) and \(keys(.editCampaign, .campaigns)) on campaigns, `:configurations`; `campaigns create|update`, `configurations`, `timezones`, `concurrency`"
            ),
            (
                .campaignLifecycle,
                "\(keys(.campaign(.start), .campaigns)), \(keys(.campaign(.pause), .campaigns)) and \(keys(.campaign(.close), .campaigns)) start, pause and close; `campaigns start|pause|close`"
            ),
            (.defaultCampaign, "contacts outside any campaign, as campaign `default`: `contacts list default`"),
        ]
    }
}
