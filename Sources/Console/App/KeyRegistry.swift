import SwitchboardCore

/// Where a binding applies: everywhere, or on one screen.
public enum KeyContext: String, CaseIterable, Sendable {
    case everywhere = "Everywhere"
    case campaigns = "Campaigns"
    case campaign = "Campaign"
    case contact = "Contact"
    case configurations = "Configurations"
    case contactForm = "Contact form"
    /// A yes-or-no question (remove a contact, drop typed changes).
    case confirm = "Confirm"
    case journal = "Journal"
    case results = "Results"
    case bulkImport = "Import"
    /// The configuration form and the concurrency prompt (configurations screen).
    case settingsForm = "Configuration form"
}

/// What a key does. `update` switches on actions, never on keys, and help is generated
/// from the same registry, so the two cannot drift apart.
public enum Action: Hashable, Sendable {
    case quit, help, back, commandLine
    case down, up, top, bottom, pageDown, pageUp
    case open, filter, refresh, togglePause
    /// The campaign screen's status filter: all, then each status bucket present, then all.
    case cycleStatus
    /// The campaign screen's focus: the stats panel or the contacts table.
    case switchPane
    case nextAccount, previousAccount
    case sort(SortColumn)
    /// Start, pause or close the selected or open campaign (after a confirmation).
    case campaign(CampaignCommand)
    case newCampaign, editCampaign
    case newContact, editContact, removeContact
    /// The contact form's Enter: check, then preview, then send.
    case review
    /// The contact form's Tab: complete the field, else the next one.
    case complete
    case confirm, cancel
    /// The results screen: only the failed contacts, or all.
    case onlyFailures
    case retryFailures, exportFailures, replayEntry
    /// `i`: import contacts from a file into the campaign.
    case importContacts
    /// `w`: the account's own contacts, where the vendor keeps them outside campaigns.
    case openAccountContacts
    /// A step of the import screen.
    case importStep(ImportStep)
    /// The configurations screen: new, edit, delete, the concurrency limit.
    case settings(SettingsAction)
}

/// One entry of the key registry.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var action: Action
    public var summary: String
    public var context: KeyContext
    /// True when the action changes data (at a vendor or in the journal): read-only mode
    /// refuses it and help shows it as unavailable.
    public var changes: Bool

    public init(keys: [Key], action: Action, summary: String, context: KeyContext, changes: Bool = false) {
        self.keys = keys
        self.action = action
        self.summary = summary
        self.context = context
        self.changes = changes
    }
}

/// Every key the console answers to.
public enum KeyRegistry {
    public static let bindings: [KeyBinding] = {
        var bindings: [KeyBinding] = [
            KeyBinding(keys: [.character("q")], action: .quit, summary: "quit", context: .everywhere),
            KeyBinding(keys: [.character("?")], action: .help, summary: "show or hide these keys", context: .everywhere),
            KeyBinding(keys: [.escape], action: .back, summary: "back", context: .everywhere),
            KeyBinding(keys: [.character(":")], action: .commandLine, summary: "command line", context: .everywhere),
            KeyBinding(keys: [.character("j"), .down], action: .down, summary: "down", context: .everywhere),
            KeyBinding(keys: [.character("k"), .up], action: .up, summary: "up", context: .everywhere),
            KeyBinding(keys: [.character("g"), .home], action: .top, summary: "first row", context: .everywhere),
            KeyBinding(keys: [.character("G"), .end], action: .bottom, summary: "last row", context: .everywhere),
            KeyBinding(keys: [.pageDown], action: .pageDown, summary: "page down", context: .everywhere),
            KeyBinding(keys: [.pageUp], action: .pageUp, summary: "page up", context: .everywhere),
            KeyBinding(keys: [.character("R")], action: .refresh, summary: "refresh now", context: .everywhere),
            KeyBinding(
                keys: [.character("Z")], action: .togglePause, summary: "pause or resume live refresh",
                context: .everywhere),
            KeyBinding(keys: [.character("]")], action: .nextAccount, summary: "next account", context: .everywhere),
            KeyBinding(
                keys: [.character("[")], action: .previousAccount, summary: "previous account", context: .everywhere),
            KeyBinding(keys: [.enter], action: .open, summary: "open campaign", context: .campaigns),
            KeyBinding(
                keys: [.character("/")], action: .filter, summary: "filter by name (! inverts)", context: .campaigns),
            KeyBinding(keys: [.enter], action: .open, summary: "open contact", context: .campaign),
            KeyBinding(
                keys: [.character("/")], action: .filter,
                summary: "filter by name, phone, email or external id (! inverts)", context: .campaign),
            KeyBinding(
                keys: [.character("s")], action: .cycleStatus, summary: "filter by status (again: next, then all)",
                context: .campaign),
            KeyBinding(
                keys: [.tab], action: .switchPane, summary: "focus stats or contacts (j/k scroll it)",
                context: .campaign),
        ]
        for context in [KeyContext.campaigns, .campaign] {
            bindings += [
                KeyBinding(
                    keys: [.character("t")], action: .campaign(.start), summary: "start the campaign (asks first)",
                    context: context, changes: true),
                KeyBinding(
                    keys: [.character("p")], action: .campaign(.pause), summary: "pause the campaign (asks first)",
                    context: context, changes: true),
                KeyBinding(
                    keys: [.character("c")], action: .campaign(.close),
                    summary: "close the campaign for good (asks first)", context: context, changes: true),
            ]
        }
        bindings += [
            KeyBinding(
                keys: [.character("n")], action: .newCampaign, summary: "new campaign", context: .campaigns,
                changes: true),
            KeyBinding(
                keys: [.character("e")], action: .editCampaign, summary: "edit the campaign", context: .campaigns,
                changes: true),
        ]
        for context in [KeyContext.campaigns, .campaign, .contact] {
            bindings.append(
                KeyBinding(
                    keys: [.character("w")], action: .openAccountContacts,
                    summary: "open the account's contacts (default)",
                    context: context))
        }
        bindings += settingsBindings
        bindings += changeBindings
        bindings += importBindings
        for column in SortColumn.allCases {
            bindings.append(
                KeyBinding(
                    keys: [.character(column.key)], action: .sort(column),
                    summary: "sort by \(column.title.lowercased()) (again: reverse)", context: .campaigns))
        }
        return bindings
    }()

    /// Editing contacts, the journal and the results screens.
    static let changeBindings: [KeyBinding] = [
        KeyBinding(keys: [.character("n")], action: .newContact, summary: "new contact", context: .campaign, changes: true),
        KeyBinding(keys: [.character("e")], action: .editContact, summary: "edit the selected contact", context: .campaign, changes: true),
        KeyBinding(
            keys: [.character("d")], action: .removeContact, summary: "remove the selected contact (asks first)",
            context: .campaign, changes: true),
        KeyBinding(keys: [.character("e")], action: .editContact, summary: "edit this contact", context: .contact, changes: true),
        KeyBinding(keys: [.character("d")], action: .removeContact, summary: "remove this contact (asks first)", context: .contact, changes: true),
        KeyBinding(keys: [.enter], action: .review, summary: "check and preview; on the preview, send", context: .contactForm),
        KeyBinding(keys: [.escape], action: .back, summary: "back a step (asks before dropping typed text)", context: .contactForm),
        KeyBinding(keys: [.down], action: .down, summary: "next field (preview: scroll)", context: .contactForm),
        KeyBinding(keys: [.up], action: .up, summary: "previous field (preview: scroll)", context: .contactForm),
        KeyBinding(keys: [.tab], action: .complete, summary: "complete a time zone or word, else next field", context: .contactForm),
        KeyBinding(keys: [.character("y"), .enter], action: .confirm, summary: "yes", context: .confirm),
        KeyBinding(keys: [.character("n"), .escape], action: .cancel, summary: "no", context: .confirm),
        KeyBinding(keys: [.enter], action: .open, summary: "open the entry's results", context: .journal),
        KeyBinding(keys: [.character("f")], action: .onlyFailures, summary: "only failures, then rejected rows (again: all)", context: .results),
        KeyBinding(keys: [.character("r")], action: .retryFailures, summary: "retry the failed contacts", context: .results, changes: true),
        KeyBinding(keys: [.character("x")], action: .exportFailures, summary: "export the failed contacts and rejected rows to CSV (next to the imported file)", context: .results),
        KeyBinding(
            keys: [.character("p")], action: .replayEntry, summary: "replay a pending or interrupted entry",
            context: .results, changes: true),
    ]

    /// The configurations screen's changes (Anyreach), then the form's and the prompt's keys.
    static let settingsBindings: [KeyBinding] = [
        KeyBinding(
            keys: [.character("n")], action: .settings(.new), summary: "new configuration", context: .configurations,
            changes: true),
        KeyBinding(
            keys: [.character("e")], action: .settings(.edit), summary: "edit the selected configuration",
            context: .configurations, changes: true),
        KeyBinding(
            keys: [.character("d")], action: .settings(.delete),
            summary: "delete the selected configuration (asks first)", context: .configurations, changes: true),
        KeyBinding(
            keys: [.character("c")], action: .settings(.concurrency),
            summary: "set the account's concurrency limit (asks first)", context: .configurations, changes: true),
        KeyBinding(keys: [.enter], action: .review, summary: "check and preview; on the preview, send", context: .settingsForm),
        KeyBinding(keys: [.escape], action: .back, summary: "back a step (asks before dropping typed text)", context: .settingsForm),
        KeyBinding(keys: [.down], action: .down, summary: "next field (preview: scroll)", context: .settingsForm),
        KeyBinding(keys: [.up], action: .up, summary: "previous field (preview: scroll)", context: .settingsForm),
        KeyBinding(keys: [.tab], action: .complete, summary: "complete the time zone, else next field", context: .settingsForm),
    ]

    /// The bulk import: `i` on the campaign screens, then the import screen's own keys.
    static let importBindings: [KeyBinding] = [
        KeyBinding(
            keys: [.character("i")], action: .importContacts,
            summary: "import contacts from a file", context: .campaign,
            changes: true),
        KeyBinding(
            keys: [.character("i")], action: .importContacts,
            summary: "import contacts from a file", context: .campaigns,
            changes: true),
        KeyBinding(keys: [.tab], action: .importStep(.complete), summary: "complete the file's path", context: .bulkImport),
        KeyBinding(
            keys: [.enter], action: .importStep(.next),
            summary: "next step: read the header, check the file, then journal and send", context: .bulkImport),
        KeyBinding(
            keys: [.escape], action: .back, summary: "back a step (nothing is lost); while sending, hide the view",
            context: .bulkImport),
        KeyBinding(keys: [.character("j"), .down], action: .down, summary: "next column or reject", context: .bulkImport),
        KeyBinding(keys: [.character("k"), .up], action: .up, summary: "previous column or reject", context: .bulkImport),
        KeyBinding(
            keys: [.right], action: .importStep(.nextField), summary: "the selected column's next field",
            context: .bulkImport),
        KeyBinding(
            keys: [.left], action: .importStep(.previousField), summary: "the selected column's previous field",
            context: .bulkImport),
        KeyBinding(
            keys: [.character("=")], action: .importStep(.typeField),
            summary: "type the selected column's field (email, phone, data.KEY, skip, …)", context: .bulkImport),
        KeyBinding(
            keys: [.character("a")], action: .importStep(.cycleAction),
            summary: "upsert, update-only or remove (as the vendor allows)", context: .bulkImport),
    ]

    /// The action `key` has on `context`'s screen: the screen's own binding first.
    public static func action(for key: Key, in context: KeyContext) -> Action? {
        binding(for: key, in: context)?.action
    }

    /// The binding `key` has on `context`'s screen: the screen's own first.
    public static func binding(for key: Key, in context: KeyContext) -> KeyBinding? {
        bindings.first { $0.context == context && $0.keys.contains(key) }
            ?? bindings.first { $0.context == .everywhere && $0.keys.contains(key) }
    }

    /// The keys bound to `action`, as labels ("j/↓").
    public static func label(for action: Action, in context: KeyContext? = nil) -> String {
        let own = context.flatMap { context in bindings.first { $0.context == context && $0.action == action } }
        guard let binding = own ?? bindings.first(where: { $0.action == action }) else { return "" }
        return binding.keys.map(\.label).joined(separator: "/")
    }

    /// Help for one screen: its own bindings, then the ones that work everywhere; in
    /// read-only mode the keys that change data are listed as unavailable.
    public static func help(for context: KeyContext, readOnly: Bool = false) -> HelpOverlay {
        let sections = [context, .everywhere].map { section in
            (
                title: section.rawValue,
                entries: bindings.filter { $0.context == section }.map {
                    HelpOverlay.Entry(
                        keys: $0.keys.map(\.label).joined(separator: " "),
                        summary: readOnly && $0.changes ? "\($0.summary) — read-only" : $0.summary,
                        available: !(readOnly && $0.changes))
                }
            )
        }
        return HelpOverlay(sections: sections)
    }
}
