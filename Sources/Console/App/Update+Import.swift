import Foundation
import SwitchboardCore

/// The steps of `ImportFlow` an action takes on the import screen.
public enum ImportStep: Hashable, Sendable {
    /// Tab: complete the path.
    case complete
    /// Enter: on to the next step (read the header, check the file, send).
    case next
    /// → and ←: the selected column's next or previous field.
    case nextField, previousField
    /// `=`: type the selected column's field.
    case typeField
    /// `a`: the next action the vendor supports.
    case cycleAction
}

extension AppState {
    /// Rejects the summary lists at once.
    var importRejectRows: Int { max(1, layout.main.height - 10) }
    /// Mapping rows shown.
    var importMappingRows: Int { max(1, layout.main.height - 7) }

    /// `i` in a campaign: the import's path prompt, or the running import brought back.
    mutating func openImport() -> [Effect] {
        if var flow = importFlow {
            flow.isShown = true
            importFlow = flow
            if flow.campaignID != actionTarget?.id {
                status = StatusMessage(
                    text: "an import into “\(flow.campaignName)” is still running; it ends before another starts",
                    isError: false)
            }
            return []
        }
        guard let account, let target = actionTarget else { return [] }
        let actions: [UpsertAction] = [
            (VendorCapabilities.upsert, UpsertAction.upsert), (.updateOnly, .updateOnly), (.remove, .remove),
        ].filter { account.capabilities.contains($0.0) }.map(\.1)
        guard !actions.isEmpty else {
            status = StatusMessage(text: "\(account.vendorName) contacts cannot be imported from here", isError: true)
            return []
        }
        importFlow = ImportFlow(
            account: account.name, campaignID: target.id, campaignName: target.name, vendorName: account.vendorName,
            defaultCountryCode: account.defaultCountryCode, actions: actions)
        return []
    }

    /// A key while the import screen is shown.
    mutating func importKey(_ key: Key) -> [Effect] {
        guard var flow = importFlow else { return [] }
        if var typed = flow.typedField {
            switch key {
            case .escape: flow.typedField = nil
            case .enter: applyTypedField(typed.text, to: &flow)
            default:
                guard typed.edit(key) else { return [] }
                flow.typedField = typed
            }
            importFlow = flow
            return []
        }
        if flow.stage == .path, !showingHelp, flow.path.edit(key) {
            flow.completions = []
            flow.problem = nil
            importFlow = flow
            return []
        }
        guard let action = KeyRegistry.action(for: key, in: .bulkImport) else { return [] }
        if showingHelp {
            guard [.help, .back, .quit].contains(action) else { return [] }
            return perform(action)
        }
        switch action {
        case .quit, .help: return perform(action)
        case .back: return importBack()
        case .down: moveImportSelection(by: 1)
        case .up: moveImportSelection(by: -1)
        case .pageDown: moveImportSelection(by: flow.stage == .summary ? importRejectRows : importMappingRows)
        case .pageUp: moveImportSelection(by: flow.stage == .summary ? -importRejectRows : -importMappingRows)
        case .importStep(let step): return importStep(step)
        default: break
        }
        return []
    }

    private mutating func importStep(_ step: ImportStep) -> [Effect] {
        guard var flow = importFlow else { return [] }
        defer { if importFlow != nil { importFlow = flow } }
        switch (step, flow.stage) {
        case (.complete, .path):
            return [.bulkImport(.listPaths(flow.path.text))]
        case (.next, .path):
            guard !flow.path.text.trimmingCharacters(in: .whitespaces).isEmpty else {
                flow.problem = "type the path of a CSV or JSON file (Tab completes)"
                return []
            }
            flow.stage = .readingHeader
            flow.problem = nil
            flow.completions = []
            flow.generation += 1
            return [.bulkImport(.readHeader(flow.job, generation: flow.generation))]
        case (.nextField, .mapping), (.previousField, .mapping):
            guard let header = flow.header, flow.fields.indices.contains(flow.mappingTable.selected) else { return [] }
            let index = flow.mappingTable.selected
            let choices = ImportFlow.choices(for: header.columns[index])
            let current = choices.firstIndex(of: flow.fields[index])
            let delta = step == .nextField ? 1 : -1
            let next = current.map { ($0 + delta + choices.count) % choices.count } ?? (delta > 0 ? 0 : choices.count - 1)
            flow.fields[index] = choices[next]
            flow.problem = flow.mappingProblem
        case (.typeField, .mapping):
            guard flow.fields.indices.contains(flow.mappingTable.selected) else { return [] }
            flow.typedField = TextField(text: flow.fields[flow.mappingTable.selected].description)
        case (.cycleAction, .mapping), (.cycleAction, .summary):
            let index = flow.actions.firstIndex(of: flow.action) ?? 0
            flow.action = flow.actions[(index + 1) % flow.actions.count]
            if flow.stage == .summary { return check(&flow) }
        case (.next, .mapping):
            if let problem = flow.mappingProblem {
                flow.problem = problem
                return []
            }
            return check(&flow)
        case (.next, .summary) where flow.resumeEntryID != nil:
            let id = flow.resumeEntryID!
            importFlow = nil
            status = StatusMessage(text: "replaying journal #\(id)…", isError: false)
            return closeChangeScreens() + openResults(id) + [.change(.replay(account: flow.account, entryID: id))]
        case (.next, .summary):
            guard let prediction = flow.prediction, prediction.valid > 0 else {
                flow.problem = "no row of the file can be imported; nothing to send"
                return []
            }
            flow.stage = .sending
            flow.problem = nil
            return [.bulkImport(.send(flow.job))]
        default:
            break
        }
        return []
    }

    /// Starts the dry run.
    private func check(_ flow: inout ImportFlow) -> [Effect] {
        flow.stage = .checking
        flow.problem = nil
        flow.prediction = nil
        flow.checkedRows = 0
        flow.rejectsScroll = 0
        flow.generation += 1
        return [.bulkImport(.dryRun(flow.job, generation: flow.generation))]
    }

    /// `=` then Enter: the typed field for the selected column, or why it is not one.
    private func applyTypedField(_ text: String, to flow: inout ImportFlow) {
        guard let header = flow.header, flow.fields.indices.contains(flow.mappingTable.selected) else { return }
        let index = flow.mappingTable.selected
        let column = header.columns[index].trimmingCharacters(in: .whitespaces)
        guard let field = ContactField(mappingName: text, column: column) else {
            flow.problem =
                "column “\(column)”: “\(text)” is not a field; fields are "
                + ContactField.mappingNames.joined(separator: ", ")
            return
        }
        flow.typedField = nil
        flow.fields[index] = field
        flow.problem = flow.mappingProblem
    }

    private mutating func moveImportSelection(by delta: Int) {
        guard var flow = importFlow else { return }
        switch flow.stage {
        case .mapping:
            flow.mappingTable.move(by: delta, count: flow.fields.count, visible: importMappingRows)
        case .summary:
            let count = flow.prediction?.firstRejects.count ?? 0
            flow.rejectsScroll = max(0, min(flow.rejectsScroll + delta, count - importRejectRows))
        default:
            return
        }
        importFlow = flow
    }

    /// Esc: a step back, keeping what was typed and chosen; while sending, the view hides
    /// and the import goes on.
    private mutating func importBack() -> [Effect] {
        guard var flow = importFlow else { return [] }
        var effects: [Effect] = []
        switch flow.stage {
        case .path:
            importFlow = nil
            status = StatusMessage(text: "import cancelled; nothing was journaled or sent", isError: false)
            return []
        case .readingHeader, .mapping:
            if flow.stage == .readingHeader { effects.append(.bulkImport(.stopChecking)) }
            flow.stage = .path
        case .checking, .summary:
            if flow.stage == .checking { effects.append(.bulkImport(.stopChecking)) }
            flow.stage = flow.header?.format == .json ? .path : .mapping
        case .sending:
            flow.isShown = false
            status = StatusMessage(text: importStatusText(flow), isError: false)
        }
        flow.problem = nil
        flow.typedField = nil
        flow.generation += 1
        importFlow = flow
        return effects
    }

    /// The status line while the operator is away from a running import.
    func importStatusText(_ flow: ImportFlow) -> String {
        var text = "importing into “\(flow.campaignName)”: "
        if let progress = flow.progress {
            text += "\(progress.done)/\(progress.total) sent"
            if let figures = ImportFlow.rateText(progress) { text += ", " + figures }
        } else {
            text += "\(flow.journaled) contacts journaled"
        }
        if flow.retries > 0 { text += ", \(flow.retries) retr\(flow.retries == 1 ? "y" : "ies")" }
        return text + " (i shows it)"
    }

    /// What the import effects reported.
    mutating func receive(_ msg: ImportMsg) -> [Effect] {
        guard var flow = importFlow else { return [] }
        switch msg {
        case .pathsListed(let result):
            guard flow.stage == .path else { return [] }
            switch result {
            case .failure(let failure):
                flow.problem = failure.message
            case .success(let listing):
                guard listing.typed == flow.path.text else { return [] }
                complete(&flow, with: listing)
            }
        case .headerRead(let generation, let result):
            guard generation == flow.generation, flow.stage == .readingHeader else { return [] }
            switch result {
            case .failure(let failure):
                flow.stage = .path
                flow.problem = failure.message
            case .success(let header):
                let keep = flow.header?.path == header.path && flow.header?.columns == header.columns
                if !keep {
                    flow.fields = header.fields
                    flow.mappingTable = TableState()
                }
                flow.header = header
                flow.problem = flow.mappingProblem
                if header.format == .json {
                    importFlow = flow
                    return check(&importFlow!)
                }
                flow.stage = .mapping
            }
        case .checking(let generation, let rows):
            guard generation == flow.generation, flow.stage == .checking else { return [] }
            flow.checkedRows = rows
        case .checked(let generation, let result):
            guard generation == flow.generation, flow.stage == .checking else { return [] }
            switch result {
            case .failure(let failure):
                flow.stage = flow.header?.format == .json ? .path : .mapping
                flow.problem = failure.message
            case .success(let prediction):
                flow.prediction = prediction
                flow.stage = .summary
            }
        case .journaled(let entryID, let contacts, let rejected):
            guard flow.stage == .sending else { return [] }
            flow.entryID = entryID
            flow.journaled = contacts
            flow.rejected = rejected
        case .progress(let entryID, let progress):
            guard flow.stage == .sending, flow.entryID == entryID else { return [] }
            flow.progress = progress
        case .retrying(let entryID, let retry):
            guard flow.stage == .sending, flow.entryID == entryID else { return [] }
            flow.retries += 1
            flow.lastRetry = retry
        case .finished(let result):
            guard flow.stage == .sending else { return [] }
            return finishImport(flow, result)
        }
        if flow.stage == .sending, !flow.isShown {
            if status == nil || status?.isError == false { status = StatusMessage(text: importStatusText(flow), isError: false) }
        }
        importFlow = flow
        return []
    }

    /// Tab's answer: the one match, else the matches' common prefix and the list of them.
    private func complete(_ flow: inout ImportFlow, with listing: PathListing) {
        guard let first = listing.matches.first else {
            flow.completions = []
            flow.problem = "no file or directory starts with “\(listing.typed)”"
            return
        }
        let common = listing.matches.dropFirst().reduce(first) { String($0.commonPrefix(with: $1)) }
        flow.path.replace(with: listing.directory + common)
        flow.completions = listing.matches.count > 1 ? listing.matches : []
        flow.problem = nil
    }

    /// The import is over: its results (when the operator is watching), else the status line.
    private mutating func finishImport(_ flow: ImportFlow, _ result: Result<ImportFinished, Failure>) -> [Effect] {
        switch result {
        case .failure(let failure):
            var failed = flow
            failed.isShown = true
            failed.stage = .summary
            failed.progress = nil
            let kept = flow.entryID.map { "; journal #\($0) keeps the contacts journaled (its results replay them)" } ?? ""
            failed.problem = "the import stopped: \(failure.message)\(kept)"
            // Progress comes only once the whole file is journaled and the engine sends it.
            if flow.progress != nil, let id = flow.entryID {
                // The file is in the journal whole: Enter sends that entry again (what the
                // vendor already has is matched by key, so nothing arrives twice).
                failed.resumeEntryID = id
                failed.problem = "the import stopped: \(failure.message); journal #\(id) keeps every contact: Enter sends it again"
            }
            importFlow = failed
            status = StatusMessage(text: failed.problem!, isError: true)
            return []
        case .success(let finished):
            importFlow = nil
            let id = finished.entry.id ?? 0
            let entry = finished.entry
            var text = "import into “\(flow.campaignName)”: journal #\(id) \(entry.state.rawValue), "
            text += "\(entry.contactCount - entry.failedCount) of \(entry.contactCount) went through"
            if entry.failedCount > 0 { text += ", \(entry.failedCount) failed" }
            if finished.rejected > 0 { text += ", \(finished.rejected) rejected" }
            if flow.retries > 0 { text += " (\(flow.retries) retr\(flow.retries == 1 ? "y" : "ies"))" }
            status = StatusMessage(text: text, isError: entry.state != .done || finished.rejected > 0)
            // A bulk import's new contacts are not cached as sent where the vendor lists them
            // (`SyncEngine.cachesNewContacts`): list the campaign again from its first page.
            var relist: [Effect] = []
            if let pane = campaign, pane.campaignID == flow.campaignID, account?.name == flow.account,
                vendorListsContacts(of: pane.campaignID), !pane.fetchingContacts
            {
                campaign?.nextVendorOffset = 0
                relist = fetchMoreContacts()
            }
            guard flow.isShown else { return relist }
            if case .results = screen { stack.removeLast() }
            return relist + closeChangeScreens() + openResults(id)
        }
    }
}

extension ImportFlow {
    /// `24%  310/s  12 s left`, once there is a rate.
    static func rateText(_ progress: SyncProgress) -> String? {
        var parts = ["\(Int(progress.fraction * 100))%"]
        if let rate = progress.contactsPerSecond { parts.append("\(Int(rate.rounded()))/s") }
        if let left = progress.secondsLeft { parts.append(duration(left) + " left") }
        return parts.joined(separator: "  ")
    }

    /// `45 s`, `3 min 5 s`, `2 h 10 min`.
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return "\(whole / 60) min \(whole % 60) s" }
        return "\(whole / 3600) h \(whole % 3600 / 60) min"
    }
}
