import Foundation
import SwitchboardCore
import Testing

@testable import Console

/// The bulk import, message by message: path completion, the mapping, the dry run, the
/// send with its progress and retries, and the results at the end.
@Suite struct ImportFlowTests {
    typealias F = ImportFixtures

    @Test func iOpensThePathPromptInACampaignAndReadOnlyRefusesIt() {
        var state = ChangeFixtures.campaignState(width: 80, height: 24)
        #expect(update(&state, .key(.character("i"))).isEmpty)
        #expect(state.importFlow?.stage == .path)
        #expect(state.importFlow?.campaignID == "c2")
        #expect(state.importFlow?.actions == [.upsert, .remove])
        #expect(state.keyContext == .bulkImport)
        ChangeFixtures.type(&state, "q?j")
        #expect(state.importFlow?.path.text == "q?j", "keys that mean something elsewhere are typed into the path")
        #expect(!state.quitting && !state.showingHelp)
        _ = update(&state, .key(.escape))
        #expect(state.importFlow == nil)
        #expect(state.status?.text == "import cancelled; nothing was journaled or sent")

        var readOnly = ChangeFixtures.campaignState(width: 80, height: 24)
        readOnly.accounts[0].readonly = true
        _ = update(&readOnly, .key(.character("i")))
        #expect(readOnly.importFlow == nil)
        #expect(readOnly.status?.isError == true)
        #expect(readOnly.status?.text.hasPrefix("read-only: import contacts") == true)
    }

    @Test func anAccountThatCannotUpsertSaysSo() {
        var state = Fixtures.campaignState(width: 80, height: 24)
        _ = update(&state, .key(.character("i")))
        #expect(state.importFlow == nil)
        #expect(state.status == StatusMessage(text: "Anyreach contacts cannot be imported from here", isError: true))
    }

    @Test func iOnTheCampaignsListImportsIntoTheSelectedCampaign() {
        var state = Fixtures.campaignsState(width: 80, height: 24)
        state.accounts = ChangeFixtures.accounts
        _ = update(&state, .key(.character("G")))
        _ = update(&state, .key(.character("i")))
        #expect(state.importFlow?.campaignID == state.campaignRows.last?.id)
    }

    @Test func tabAsksForTheDirectoryListingAndCompletesLikeAShell() {
        var state = ChangeFixtures.campaignState(width: 80, height: 24)
        _ = update(&state, .key(.character("i")))
        ChangeFixtures.type(&state, "~/le")
        #expect(update(&state, .key(.tab)) == [.bulkImport(.listPaths("~/le"))])
        // Several matches: their common prefix, and the list.
        _ = update(&state, .bulkImport(.pathsListed(.success(PathListing(typed: "~/le", matches: ["leads/", "leads.csv", "letters.csv"])))))
        #expect(state.importFlow?.path.text == "~/le")
        #expect(state.importFlow?.completions == ["leads/", "leads.csv", "letters.csv"])
        ChangeFixtures.type(&state, "ad")
        #expect(state.importFlow?.completions == [], "typing clears the list")
        _ = update(&state, .bulkImport(.pathsListed(.success(PathListing(typed: "~/le", matches: ["leads/", "leads.csv"])))))
        #expect(state.importFlow?.path.text == "~/lead", "a listing for other text is dropped")
        _ = update(&state, .bulkImport(.pathsListed(.success(PathListing(typed: "~/lead", matches: ["leads/", "leads.csv"])))))
        #expect(state.importFlow?.path.text == "~/leads")
        #expect(state.importFlow?.completions == ["leads/", "leads.csv"])
        // One match: the whole name; a directory keeps its slash.
        ChangeFixtures.type(&state, "/")
        _ = update(&state, .bulkImport(.pathsListed(.success(PathListing(typed: "~/leads/", matches: ["2025/"])))))
        #expect(state.importFlow?.path.text == "~/leads/2025/")
        #expect(state.importFlow?.completions == [])
        _ = update(&state, .bulkImport(.pathsListed(.success(PathListing(typed: "~/leads/2025/", matches: [])))))
        #expect(state.importFlow?.problem == "no file or directory starts with “~/leads/2025/”")
        _ = update(&state, .bulkImport(.pathsListed(.failure(Failure("cannot list ~/leads/2025/: permission denied")))))
        #expect(state.importFlow?.problem == "cannot list ~/leads/2025/: permission denied")
        #expect(state.importFlow?.path.text == "~/leads/2025/", "a failed listing loses nothing")
    }

    @Test func enterReadsTheHeaderAndShowsTheAutoMapping() {
        var state = ChangeFixtures.campaignState(width: 80, height: 24)
        _ = update(&state, .key(.character("i")))
        _ = update(&state, .key(.enter))
        #expect(state.importFlow?.stage == .path)
        #expect(state.importFlow?.problem == "type the path of a CSV or JSON file (Tab completes)")
        ChangeFixtures.type(&state, "~/leads/spring.csv")
        let effects = update(&state, .key(.enter))
        let job = ImportJob(
            account: "acme-calls", campaignID: "c2", path: "~/leads/spring.csv", action: .upsert, overrides: [],
            defaultCountryCode: "+1")
        #expect(effects == [.bulkImport(.readHeader(job, generation: 1))])
        #expect(state.importFlow?.stage == .readingHeader)
        // An unreadable file: back to the path with the reason, the path kept.
        _ = update(&state, .bulkImport(.headerRead(generation: 1, .failure(Failure("~/leads/spring.csv: no such file")))))
        #expect(state.importFlow?.stage == .path)
        #expect(state.importFlow?.problem == "~/leads/spring.csv: no such file")
        #expect(state.importFlow?.path.text == "~/leads/spring.csv")
        _ = update(&state, .key(.enter))
        _ = update(&state, .bulkImport(.headerRead(generation: 1, .success(F.header))))
        #expect(state.importFlow?.stage == .readingHeader, "an answer to an earlier request is dropped")
        _ = update(&state, .bulkImport(.headerRead(generation: 2, .success(F.header))))
        #expect(state.importFlow?.stage == .mapping)
        #expect(state.importFlow?.fields == [.email, .phone, .firstName, .data("Surname"), .data("CRM id"), .data("Notes")])
    }

    @Test func theMappingChangesByCyclingOrTypingAndRefusesTwoColumnsForOneField() {
        var state = F.mappingState(width: 80, height: 24)
        // Down three times then →: Surname goes from its data key to the next field, skip.
        #expect(state.importFlow?.fields[3] == .skip)
        _ = F.press(&state, .left, .left)
        #expect(state.importFlow?.fields[3] == .tags)
        _ = F.press(&state, .character("="))
        #expect(state.importFlow?.typedField?.text == "tags")
        _ = F.press(&state, .end, .backspace, .backspace, .backspace, .backspace)
        ChangeFixtures.type(&state, "last name")
        _ = F.press(&state, .enter)
        #expect(state.importFlow?.typedField == nil)
        #expect(state.importFlow?.fields[3] == .lastName)
        _ = F.press(&state, .down)
        _ = F.press(&state, .character("="))
        #expect(state.importFlow?.typedField?.text == "data.CRM id")
        _ = F.press(&state, .end)
        for _ in 0..<20 { _ = F.press(&state, .backspace) }
        ChangeFixtures.type(&state, "nonsense")
        _ = F.press(&state, .enter)
        #expect(state.importFlow?.problem?.hasPrefix("column “CRM id”: “nonsense” is not a field; fields are email, phone") == true)
        #expect(state.importFlow?.typedField?.text == "nonsense", "the typed text stays to be corrected")
        #expect(state.importFlow?.fields[4] == .data("CRM id"))
        _ = F.press(&state, .escape)
        // Two columns for the email: said at once, and Enter does not go on.
        _ = F.press(&state, .character("="))
        _ = F.press(&state, .end)
        for _ in 0..<20 { _ = F.press(&state, .backspace) }
        ChangeFixtures.type(&state, "email")
        _ = F.press(&state, .enter)
        #expect(state.importFlow?.problem?.contains("both map to email") == true)
        #expect(F.press(&state, .enter).isEmpty)
        #expect(state.importFlow?.stage == .mapping)
        _ = F.press(&state, .right)
        #expect(state.importFlow?.fields[4] == .phone)
        #expect(state.importFlow?.problem == nil)
        #expect(state.importFlow?.job.overrides == ["Surname=last_name", "CRM id=phone"])
        let effects = F.press(&state, .enter)
        #expect(effects == [.bulkImport(.dryRun(state.importFlow!.job, generation: state.importFlow!.generation))])
        #expect(state.importFlow?.stage == .checking)
    }

    @Test func theDryRunSummaryConfirmsOrGoesBackWithoutLosingAnything() {
        var state = F.mappingState(width: 80, height: 24)
        _ = F.press(&state, .enter)
        let generation = state.importFlow!.generation
        _ = F.press(&state, .escape)
        #expect(state.importFlow?.stage == .mapping)
        _ = update(&state, .bulkImport(.checked(generation: generation, .success(F.prediction))))
        #expect(state.importFlow?.stage == .mapping, "the abandoned dry run's answer is dropped")
        #expect(state.importFlow?.fields[3] == .skip, "going back kept the mapping")
        _ = F.press(&state, .enter)
        _ = update(&state, .bulkImport(.checked(generation: state.importFlow!.generation, .failure(Failure("spring.csv: cannot read: input/output error")))))
        #expect(state.importFlow?.stage == .mapping)
        #expect(state.importFlow?.problem == "spring.csv: cannot read: input/output error")
        _ = F.press(&state, .enter)
        _ = update(&state, .bulkImport(.checking(generation: state.importFlow!.generation - 1, rows: 9)))
        #expect(state.importFlow?.checkedRows == 0, "a dry run given up does not count")
        _ = update(&state, .bulkImport(.checking(generation: state.importFlow!.generation, rows: 12000)))
        #expect(state.importFlow?.checkedRows == 12000)
        #expect(TextBackend.render(ConsoleView.render(state)).contains("  12000 rows read"))
        _ = update(&state, .bulkImport(.checked(generation: state.importFlow!.generation, .success(F.prediction))))
        #expect(state.importFlow?.stage == .summary)
        #expect(state.importFlow?.prediction?.counts == [.created: 20, .updated: 10])
        #expect(state.importFlow?.prediction?.rejected == 4)
        #expect(state.importFlow?.prediction?.firstRejects.map(\.line) == [7, 19, 23, 41])
        // a changes the action and checks again.
        let again = F.press(&state, .character("a"))
        #expect(state.importFlow?.action == .remove)
        #expect(again == [.bulkImport(.dryRun(state.importFlow!.job, generation: state.importFlow!.generation))])
        _ = update(&state, .bulkImport(.checked(generation: state.importFlow!.generation, .success(F.prediction))))
        #expect(state.importFlow?.stage == .summary)
        _ = F.press(&state, .character("a"))
        _ = update(&state, .bulkImport(.checked(generation: state.importFlow!.generation, .success(F.prediction))))
        #expect(state.importFlow?.action == .upsert)
        let sent = F.press(&state, .enter)
        #expect(sent == [.bulkImport(.send(state.importFlow!.job))])
        #expect(state.importFlow?.stage == .sending)
    }

    @Test func steppingBackStopsTheHeaderReadOrTheDryRun() {
        var state = F.mappingState(width: 80, height: 24)
        _ = F.press(&state, .enter)
        #expect(state.importFlow?.stage == .checking)
        #expect(F.press(&state, .escape) == [.bulkImport(.stopChecking)])
        #expect(F.press(&state, .escape).isEmpty, "nothing runs on the mapping")
        _ = F.press(&state, .enter)
        #expect(state.importFlow?.stage == .readingHeader)
        #expect(F.press(&state, .escape) == [.bulkImport(.stopChecking)])
        #expect(state.importFlow?.stage == .path)
    }

    @Test func aJSONFileHasNoMappingAndGoesStraightToTheDryRun() {
        var state = ChangeFixtures.campaignState(width: 80, height: 24)
        _ = update(&state, .key(.character("i")))
        ChangeFixtures.type(&state, "leads.json")
        _ = F.press(&state, .enter)
        let json = ImportHeader(path: "leads.json", format: .json, columns: [], fields: [])
        let effects = update(&state, .bulkImport(.headerRead(generation: state.importFlow!.generation, .success(json))))
        #expect(state.importFlow?.stage == .checking)
        #expect(effects == [.bulkImport(.dryRun(state.importFlow!.job, generation: state.importFlow!.generation))])
        _ = F.press(&state, .escape)
        #expect(state.importFlow?.stage == .path, "back from a JSON file's dry run is the path")
    }

    @Test func jAndKScrollTheRejectsThatDoNotFit() {
        var state = F.mappingState(width: 80, height: 24)
        _ = F.press(&state, .enter)
        var many = ImportPrediction()
        let problems = (0..<30).map { ImportProblem(file: "f.csv", line: 2 + $0, column: "Mobile", reason: "not a phone") }
        many.add(ImportBatch(contacts: [Contact(email: "a@example.com")], rowNumbers: [40], problems: problems), cached: [false], action: .upsert)
        _ = update(&state, .bulkImport(.checked(generation: state.importFlow!.generation, .success(many))))
        let visible = state.importRejectRows
        #expect(visible < 30)
        _ = F.press(&state, .character("j"), .character("j"))
        #expect(state.importFlow?.rejectsScroll == 2)
        #expect(TextBackend.render(ConsoleView.render(state)).contains("      4 Mobile"))
        #expect(!TextBackend.render(ConsoleView.render(state)).contains("      3 Mobile"))
        _ = F.press(&state, .pageDown, .pageDown, .pageDown)
        #expect(state.importFlow?.rejectsScroll == 30 - visible, "the last reject stays in view")
        _ = F.press(&state, .character("k"))
        #expect(state.importFlow?.rejectsScroll == 29 - visible)
    }

    @Test func aFileWithNothingValidIsNotSent() {
        var state = F.mappingState(width: 80, height: 24)
        _ = F.press(&state, .enter)
        var nothing = ImportPrediction()
        nothing.add(
            ImportBatch(problems: [ImportProblem(file: "f.csv", line: 2, column: "Mobile", reason: "not a phone")]),
            cached: [], action: .upsert)
        _ = update(&state, .bulkImport(.checked(generation: state.importFlow!.generation, .success(nothing))))
        #expect(F.press(&state, .enter).isEmpty)
        #expect(state.importFlow?.stage == .summary)
        #expect(state.importFlow?.problem == "no row of the file can be imported; nothing to send")
    }

    @Test func progressRetriesAndHidingWhileTheImportGoesOn() {
        var state = F.progressState(width: 80, height: 24)
        #expect(state.importFlow?.entryID == 21)
        #expect(state.importFlow?.journaled == 30 && state.importFlow?.rejected == 4)
        #expect(state.importFlow?.progress?.done == 10)
        #expect(state.importFlow?.retries == 1)
        // Progress of another entry is not this import's.
        _ = update(&state, .bulkImport(.progress(entryID: 5, SyncProgress(done: 1, total: 1, failed: 0, state: .done))))
        #expect(state.importFlow?.progress?.done == 10)
        // Esc hides the view; the campaign's keys work and the status line follows the import.
        _ = F.press(&state, .escape)
        #expect(state.importFlow?.isShown == false)
        #expect(state.keyContext == .campaign)
        #expect(state.status?.text == "importing into “Zoë’s 东京 callbacks 🌸”: 10/30 sent, 33%  4/s  5 s left, 1 retry (i shows it)")
        _ = F.press(&state, .down)
        #expect(state.campaign?.table.selected == 1)
        _ = update(&state, .bulkImport(.progress(entryID: 21, SyncProgress(done: 20, total: 30, failed: 1, state: .sending))))
        #expect(state.status?.text.contains("20/30 sent") == true)
        _ = F.press(&state, .character("i"))
        #expect(state.importFlow?.isShown == true)
        #expect(state.keyContext == .bulkImport)
        // The end: the entry's results, with the rejected rows counted.
        var entry = ChangeFixtures.entry
        entry.id = 21
        entry.contactCount = 30
        entry.answeredCount = 30
        entry.failedCount = 1
        let effects = update(&state, .bulkImport(.finished(.success(ImportFinished(entry: entry, rejected: 4)))))
        #expect(state.importFlow == nil)
        #expect(state.screen == .results(entryID: 21))
        // The campaign is listed again from its first page: the vendor lists contacts, so the
        // import's new ones were not cached as sent.
        #expect(
            effects == [
                .fetchContacts(account: "acme-calls", campaignID: "c2", offset: 0, limit: AppState.vendorPageSize),
                .change(.observeResults(entryID: 21, filter: .all, offset: 0, limit: state.resultRows)),
            ])
        #expect(state.status?.text == "import into “Zoë’s 东京 callbacks 🌸”: journal #21 partial, 29 of 30 went through, 1 failed, 4 rejected (1 retry)")
        _ = update(&state, .change(.resultsObserved(entryID: 21, filter: .all, offset: 0, EntryResults(entry: entry, counts: ["created": 29, "failed": 1, "rejected": 4], offset: 0, rows: []))))
        let screen = TextBackend.render(ConsoleView.render(state))
        #expect(screen.contains("29 created  0 updated  0 removed  0 ignored  1 failed  4 rejected"))
    }

    @Test func anImportThatEndsOutOfSightOnlySaysSo() {
        var state = F.progressState(width: 80, height: 24)
        _ = F.press(&state, .escape)
        var entry = ChangeFixtures.entry
        entry.id = 21
        entry.state = .done
        entry.contactCount = 30
        entry.failedCount = 0
        let effects = update(&state, .bulkImport(.finished(.success(ImportFinished(entry: entry, rejected: 0)))))
        #expect(effects == [.fetchContacts(account: "acme-calls", campaignID: "c2", offset: 0, limit: AppState.vendorPageSize)])
        #expect(state.screen == .campaign(id: "c2"))
        #expect(state.status == StatusMessage(text: "import into “Zoë’s 东京 callbacks 🌸”: journal #21 done, 30 of 30 went through (1 retry)", isError: false))
    }

    @Test func anImportThatStopsSaysWhyAndWhere() {
        // Stopped while the file was being journaled (no sending yet): Enter imports the file again.
        var state = F.summaryState(width: 80, height: 24)
        _ = update(&state, .key(.enter))
        _ = update(&state, .bulkImport(.journaled(entryID: 21, contacts: 10, rejected: 0)))
        _ = update(&state, .bulkImport(.finished(.failure(Failure("spring.csv:812: the file cannot be read any further")))))
        #expect(state.importFlow?.stage == .summary)
        #expect(state.importFlow?.problem == "the import stopped: spring.csv:812: the file cannot be read any further; journal #21 keeps the contacts journaled (its results replay them)")
        #expect(state.importFlow?.resumeEntryID == nil)
        #expect(state.status?.isError == true)
        let again = update(&state, .key(.enter))
        #expect(again.contains { if case .bulkImport(.send) = $0 { true } else { false } })
    }

    @Test func anImportThatStopsWhileSendingIsResumedFromTheJournal() {
        // The whole file was journaled and sending had begun: Enter sends the same entry again.
        var state = F.progressState(width: 80, height: 24)
        _ = update(&state, .bulkImport(.finished(.failure(Failure("Anyreach unreachable at http://127.0.0.1:1 after 6 attempts")))))
        #expect(state.importFlow?.resumeEntryID == 21)
        #expect(state.importFlow?.problem?.hasSuffix("journal #21 keeps every contact: Enter sends it again") == true)
        let effects = update(&state, .key(.enter))
        #expect(state.importFlow == nil)
        #expect(state.screen == .results(entryID: 21))
        #expect(effects.contains(.change(.replay(account: "acme-calls", entryID: 21))))
        #expect(!effects.contains { if case .bulkImport(.send) = $0 { true } else { false } })
        #expect(state.status?.text == "replaying journal #21…")
    }

    @Test func escapeStepsBackAndNothingIsLost() {
        var state = F.summaryState(width: 80, height: 24)
        _ = F.press(&state, .escape)
        #expect(state.importFlow?.stage == .mapping)
        #expect(state.importFlow?.fields[3] == .skip)
        _ = F.press(&state, .escape)
        #expect(state.importFlow?.stage == .path)
        #expect(state.importFlow?.path.text == "~/leads/spring.csv")
        // Reading the same header again keeps the operator's mapping.
        _ = F.press(&state, .enter)
        _ = update(&state, .bulkImport(.headerRead(generation: state.importFlow!.generation, .success(F.header))))
        #expect(state.importFlow?.fields[3] == .skip)
        // ... and says at once what is wrong with it.
        _ = F.press(&state, .character("="))
        for _ in 0..<20 { _ = F.press(&state, .backspace) }
        ChangeFixtures.type(&state, "email")
        _ = F.press(&state, .enter)
        #expect(state.importFlow?.problem?.contains("both map to email") == true)
        _ = F.press(&state, .escape)
        #expect(state.importFlow?.stage == .path)
        #expect(state.importFlow?.problem == nil)
        _ = F.press(&state, .enter)
        _ = update(&state, .bulkImport(.headerRead(generation: state.importFlow!.generation, .success(F.header))))
        #expect(state.importFlow?.fields[3] == .email)
        #expect(state.importFlow?.problem?.contains("both map to email") == true)
        // A different header starts from its own auto-mapping.
        _ = F.press(&state, .escape, .enter)
        let other = ImportHeader(path: "~/leads/spring.csv", format: .csv, columns: ["phone"], fields: [.phone])
        _ = update(&state, .bulkImport(.headerRead(generation: state.importFlow!.generation, .success(other))))
        #expect(state.importFlow?.fields == [.phone])
        #expect(state.importFlow?.problem == nil)
    }

    @Test func helpListsTheImportKeys() {
        let help = KeyRegistry.help(for: .bulkImport)
        let keys = help.sections[0].entries.map(\.keys)
        #expect(keys == ["Tab", "Enter", "Esc", "j ↓", "k ↑", "→", "←", "=", "a"])
        #expect(KeyRegistry.bindings.contains { $0.action == .importContacts && $0.context == .campaign && $0.changes })
    }
}
