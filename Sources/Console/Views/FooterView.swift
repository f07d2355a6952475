/// The key hints row and the status line below it (or the filter / command being typed).
enum FooterView {
    /// The actions hinted on each screen; their keys come from the registry.
    static func hints(for context: KeyContext) -> [(Action, String)] {
        switch context {
        case .campaigns:
            [(.open, "open"), (.filter, "filter"), (.sort(.name), "sort"), (.refresh, "refresh"),
             (.togglePause, "pause"), (.help, "help"), (.quit, "quit")]
        case .campaign:
            [(.open, "contact"), (.newContact, "new"), (.editContact, "edit"), (.removeContact, "remove"),
             (.filter, "filter"), (.cycleStatus, "status"), (.switchPane, "pane"), (.help, "help")]
        case .contact:
            [(.editContact, "edit"), (.removeContact, "remove"), (.back, "back"), (.help, "help"), (.quit, "quit")]
        case .contactForm:
            [(.review, "check/preview/send"), (.down, "next field"), (.complete, "complete"), (.back, "back")]
        case .confirm:
            [(.confirm, "yes"), (.cancel, "no")]
        case .journal:
            [(.open, "results"), (.back, "back"), (.help, "help"), (.quit, "quit")]
        case .results:
            [(.onlyFailures, "failures"), (.retryFailures, "retry"), (.exportFailures, "export"),
             (.replayEntry, "replay"), (.back, "back"), (.help, "help")]
        case .configurations:
            [(.down, "next"), (.settings(.new), "new"), (.settings(.edit), "edit"), (.settings(.delete), "delete"),
             (.settings(.concurrency), "limit"), (.refresh, "refresh"), (.back, "back"), (.help, "help")]
        case .settingsForm:
            [(.review, "check/preview/send"), (.down, "next field"), (.complete, "complete"), (.back, "back")]
        case .bulkImport:
            [(.importStep(.next), "next step"), (.back, "back")]
        case .everywhere:
            [(.back, "back"), (.help, "help"), (.quit, "quit")]
        }
    }

    /// An action's keys; the sort keys are shown together (`NSPICEXTL`).
    static func label(for action: Action, in context: KeyContext) -> String {
        if case .sort = action { return String(SortColumn.allCases.map(\.key)) }
        return KeyRegistry.label(for: action, in: context)
    }

    static func draw(_ state: AppState, into canvas: inout Canvas, keys: Rect, status: Rect) {
        if !state.completions.isEmpty {
            canvas.line(state.completions.joined(separator: "  "), in: keys, style: .muted)
        } else {
            var parts: [(text: String, style: Style)] = [(" ", .plain)]
            for (action, word) in hints(for: state.keyContext) {
                parts.append((label(for: action, in: state.keyContext), .key))
                parts.append((" \(word)  ", .plain))
            }
            StatusBar(left: parts, style: .plain).render(into: &canvas, area: keys)
        }
        switch state.editing {
        case .filter(let field):
            field.render(prompt: "/", into: &canvas, area: status, style: .plain)
        case .command(let field):
            field.render(prompt: ":", into: &canvas, area: status, style: .plain)
        case nil:
            if let message = state.status {
                canvas.line(" " + message.text, in: status, style: message.isError ? .error : .plain)
            } else {
                canvas.line(" " + summary(state), in: status, style: .muted)
            }
        }
    }

    /// The status line when there is no message: what the screen shows.
    static func summary(_ state: AppState) -> String {
        switch state.screen {
        case .campaigns:
            let rows = state.campaignRows
            let total = rows.filter { !state.isAccountContacts($0.id) }.count
            var text = "\(total) campaign\(total == 1 ? "" : "s")"
            if let contacts = state.account?.accountContacts, rows.first?.id == contacts.campaignID {
                text += " and \(contacts.name)"
            }
            text += " · sorted by \(state.sort.column.title.lowercased()) \(state.sort.ascending ? "▲" : "▼")"
            if !state.filter.isEmpty { text += " · filter \"\(state.filter)\" (Esc clears)" }
            return text
        case .campaign:
            guard let pane = state.campaign else { return "" }
            var text = "\(pane.cachedCount ?? 0) contacts cached"
            if let total = pane.vendorTotal { text += " of \(total)" }
            if pane.fetchingContacts { text += " · fetching…" }
            if pane.isFiltered {
                text += " · filtered: \(pane.matchCount.map(String.init) ?? "…") match (Esc clears)"
            }
            return text
        case .contact:
            return "every field as the vendor sent it · history from the journal"
        case .configurations:
            let count = state.setup.configurations?.count ?? 0
            return "\(count) configuration\(count == 1 ? "" : "s") · █ whole hour in a calling window, ░ part of it"
        case .journal:
            let count = state.journalPane?.entries?.count
            return count.map { "\($0) journal entr\($0 == 1 ? "y" : "ies"), newest first · Enter shows what each contact came to" }
                ?? "reading the journal…"
        case .results(let entryID):
            guard let entry = state.results?.results?.entry else { return "journal #\(entryID)" }
            return "journal #\(entryID): \(entry.answeredCount) of \(entry.contactCount) answered, \(entry.failedCount) failed"
        }
    }
}
