extension AppState {
    /// The commands of the `:` line.
    static let commands = ["account", "campaigns", "configurations", "contacts", "help", "journal", "quit"]

    /// A key while the filter or the command line is being edited.
    mutating func edit(_ key: Key) -> [Effect] {
        guard var field = editingField else { return [] }
        switch key {
        case .escape:
            let effects = isCommand ? [] : setFilter("")
            editing = nil
            completions = []
            return effects
        case .enter:
            let command = isCommand
            editing = nil
            completions = []
            return command ? run(command: field.text) : []
        case .tab:
            if isCommand { complete(&field) }
        case .backspace: field.backspace()
        case .left: field.moveCursor(by: -1)
        case .right: field.moveCursor(by: 1)
        case .home: field.moveToStart()
        case .end: field.moveToEnd()
        case .character(let character): field.insert(character)
        default: return []
        }
        if isCommand {
            editing = .command(field)
            return []
        }
        editing = .filter(field)
        return setFilter(field.text)
    }

    private var editingField: TextField? {
        switch editing {
        case .filter(let field), .command(let field): field
        case nil: nil
        }
    }

    private var isCommand: Bool {
        if case .command = editing { return true }
        return false
    }

    /// The filter of the screen being filtered: the campaigns, or the open campaign's contacts.
    private mutating func setFilter(_ text: String) -> [Effect] {
        guard case .campaigns = screen else { return setContactFilter(text) }
        filter = text
        campaignTable.select(0, count: campaignRows.count, visible: layout.campaignRows)
        return []
    }

    /// Completes the command word, or an account name or campaign id after it; with
    /// several candidates, extends to their common prefix and lists them.
    mutating func complete(_ field: inout TextField) {
        let words = field.text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let candidates: [String]
        let prefix: String
        if words.count <= 1 {
            prefix = ""
            candidates = Self.commands
        } else if words[0] == "account" {
            prefix = "account "
            candidates = accounts.map(\.name)
        } else if words[0] == "contacts" {
            prefix = "contacts "
            candidates = campaignRows(filtered: false).map(\.id)
        } else {
            return
        }
        let typed = words.last ?? ""
        let matches = candidates.filter { $0.hasPrefix(typed) }
        completions = matches.count > 1 ? matches : []
        guard let first = matches.first else { return }
        let common = matches.dropFirst().reduce(first) { String($0.commonPrefix(with: $1)) }
        let ending = matches.count == 1 && words.count <= 1 ? " " : ""
        field.replace(with: prefix + common + ending)
    }

    /// Runs a `:` command.
    mutating func run(command text: String) -> [Effect] {
        let words = text.split(separator: " ").map(String.init)
        guard let name = words.first else { return [] }
        let argument = words.dropFirst().joined(separator: " ")
        switch name {
        case "quit", "q":
            return perform(.quit)
        case "help":
            showingHelp = true
            return []
        case "journal":
            return openJournal()
        case "campaigns":
            let wasOpen = campaign != nil
            stack = [.campaigns]
            campaign = nil
            contactPane = nil
            return closeChangeScreens() + (wasOpen ? [.stopObservingCampaign] : [])
        case "configurations":
            return openConfigurations()
        case "account":
            guard let index = accounts.firstIndex(where: { $0.name == argument }) else {
                status = StatusMessage(text: "no account named \"\(argument)\"", isError: true)
                return []
            }
            return switchAccount(to: index)
        case "contacts":
            let rows = campaignRows(filtered: false)
            guard let row = rows.first(where: { $0.id == argument }) ?? rows.first(where: { $0.name == argument })
            else {
                status = StatusMessage(text: "no campaign \"\(argument)\" in this account", isError: true)
                return []
            }
            return openFromCommand(row.id)
        default:
            status = StatusMessage(text: "unknown command \"\(name)\" (try Tab)", isError: true)
            return []
        }
    }
}
