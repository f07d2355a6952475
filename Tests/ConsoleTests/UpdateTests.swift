import Foundation
import SwitchboardCore
import Testing

@testable import Console

/// `update`, message by message: the state it leaves and the effects it asks for.
@Suite struct UpdateTests {
    let t0 = Fixtures.t0

    @Test func startFollowsAndFetchesTheFirstAccount() {
        var state = AppState(accounts: Fixtures.accounts, width: 80, height: 24, now: t0)
        #expect(
            start(&state) == [
                .replayJournal, .stopObservingCampaign, .observeCampaigns(account: "acme-calls"), .fetchCampaigns(account: "acme-calls"),
            ])
        #expect(state.connection == .connecting && state.fetchingCampaigns)
    }

    @Test func theStartUpReplaySaysWhatItSentOnTheStatusLine() {
        var state = AppState(accounts: Fixtures.accounts, width: 80, height: 24, now: t0)
        _ = start(&state)
        #expect(update(&state, .replayFinished(.success(ReplaySummary(settled: [:], unknownAccounts: [:])))).isEmpty)
        #expect(state.status == nil, "nothing to replay says nothing")
        _ = update(&state, .replayFinished(.success(ReplaySummary(settled: [.done: 2], unknownAccounts: [:]))))
        #expect(state.status == StatusMessage(text: "replayed 2 unsent changes from the journal: 2 done", isError: false))
        _ = update(
            &state, .replayFinished(.success(ReplaySummary(settled: [.done: 1, .partial: 1], unknownAccounts: ["old": 3]))))
        #expect(
            state.status
                == StatusMessage(
                    text:
                        "replayed 2 unsent changes from the journal: 1 done, 1 partial; 3 unsent changes for account \"old\", not in the accounts file",
                    isError: true))
        _ = update(&state, .replayFinished(.failure(Failure("database is locked"))))
        #expect(state.status == StatusMessage(text: "journal replay stopped: database is locked", isError: true))
    }

    @Test func observedCampaignsAskForMissingStatsOnce() {
        var state = AppState(accounts: Fixtures.accounts, width: 80, height: 24, now: t0)
        _ = start(&state)
        let effects = update(&state, .campaignsObserved(account: "acme-calls", Fixtures.campaigns))
        #expect(Set(effects) == Set(["c1", "c2", "c3", "c4"].map { Effect.fetchStats(account: "acme-calls", campaignID: $0) }))
        #expect(update(&state, .tick(t0.addingTimeInterval(2))).isEmpty, "a refresh in flight is not started twice")
        _ = update(&state, .statsFetched(account: "acme-calls", campaignID: "c1", .success(Fixtures.counts(pending: 1, active: 0, completed: 0)), at: t0))
        #expect(update(&state, .tick(t0.addingTimeInterval(4))) == [.fetchStats(account: "acme-calls", campaignID: "c1")])
    }

    @Test func messagesForAnotherAccountAreIgnored() {
        var state = Fixtures.campaignsState(width: 80, height: 24)
        let before = state
        #expect(update(&state, .campaignsObserved(account: "someone-else", [])).isEmpty)
        #expect(state == before)
    }

    @Test func changedCountsAreMarkedThenFade() {
        var state = Fixtures.campaignsState(width: 80, height: 24)
        #expect(state.changes["c2"]?.columns == [.pending, .completed, .attempts])
        _ = update(&state, .tick(t0.addingTimeInterval(4)))
        #expect(state.changes["c2"] != nil)
        _ = update(&state, .tick(t0.addingTimeInterval(6)))
        #expect(state.changes["c2"] == nil)
    }

    @Test func sortKeysSortAndReverse() {
        var state = Fixtures.campaignsState(width: 80, height: 24)
        #expect(state.campaignRows.map(\.id) == ["c4", "c3", "c1", "c2"])
        _ = update(&state, .key(.character("C")))
        #expect(state.sort == CampaignSort(column: .completed, ascending: false))
        #expect(state.campaignRows.map(\.id) == ["c1", "c2", "c3", "c4"])
        _ = update(&state, .key(.character("C")))
        #expect(state.campaignRows.map(\.id) == ["c4", "c3", "c2", "c1"])
    }

    @Test func filterIsLiveInvertsWithBangAndEscClears() {
        var state = Fixtures.campaignsState(width: 80, height: 24)
        for key in [Key.character("/"), .character("e"), .character("m")] { _ = update(&state, .key(key)) }
        #expect(state.campaignRows.map(\.id) == ["c4"])
        _ = update(&state, .key(.home))
        _ = update(&state, .key(.character("!")))
        #expect(Set(state.campaignRows.map(\.id)) == ["c1", "c2", "c3"])
        _ = update(&state, .key(.enter))
        #expect(state.editing == nil && state.filter == "!em")
        _ = update(&state, .key(.escape))
        #expect(state.filter.isEmpty && state.campaignRows.count == 4)
    }

    @Test func openingACampaignObservesAndFetches() {
        var state = Fixtures.campaignsState(width: 80, height: 24)
        _ = update(&state, .key(.character("j")))
        let id = state.campaignRows[1].id
        let effects = update(&state, .key(.enter))
        #expect(state.screen == .campaign(id: id))
        #expect(
            effects == [
                .observeCampaign(account: "acme-calls", campaignID: id),
                .observeContacts(account: "acme-calls", campaignID: id, offset: 0, limit: state.layout.contactRows),
                .fetchStats(account: "acme-calls", campaignID: id),
                .fetchContacts(account: "acme-calls", campaignID: id, offset: 0, limit: AppState.vendorPageSize),
            ])
        #expect(update(&state, .key(.escape)) == [.stopObservingCampaign])
        #expect(state.screen == .campaigns && state.campaign == nil)
    }

    @Test func scrollingAMillionContactsMovesTheObservedWindowAndFetchesAhead() {
        var state = Fixtures.campaignsState(width: 80, height: 24)
        _ = update(&state, .key(.enter))
        let id = state.campaignRows[0].id
        let rows = state.layout.contactRows
        _ = update(&state, .contactCountObserved(account: "acme-calls", campaignID: id, 1_000_000))
        _ = update(&state, .contactsFetched(account: "acme-calls", campaignID: id, .success(ContactsFetched(total: 1_000_000, nextOffset: 100))))
        let effects = update(&state, .key(.character("G")))
        #expect(state.campaign?.table == TableState(selected: 999_999, offset: 1_000_000 - rows))
        #expect(effects.contains(.observeContacts(account: "acme-calls", campaignID: id, offset: 1_000_000 - rows, limit: rows)))
        #expect(!effects.contains { if case .fetchContacts = $0 { true } else { false } }, "a million are cached: none fetched")
        _ = update(&state, .key(.character("g")))
        #expect(state.campaign?.windowOffset == 0)
    }

    @Test func contactsBeyondTheCacheAreFetchedFromTheVendor() {
        var state = Fixtures.campaignsState(width: 80, height: 24)
        _ = update(&state, .key(.enter))
        let id = state.campaignRows[0].id
        _ = update(&state, .contactCountObserved(account: "acme-calls", campaignID: id, 100))
        let effects = update(&state, .contactsFetched(account: "acme-calls", campaignID: id, .success(ContactsFetched(total: 500, nextOffset: 100))))
        #expect(effects.isEmpty, "the first screens are cached")
        _ = update(&state, .key(.character("G")))
        #expect(state.campaign?.fetchingContacts == true)
    }

    @Test func failuresShowOnTheStatusLineAndRecover() {
        var state = Fixtures.campaignsState(width: 80, height: 24)
        _ = update(&state, .statsFetched(account: "acme-calls", campaignID: "c1", .failure(Failure("boom")), at: t0))
        #expect(state.connection == .failed("boom") && state.status == StatusMessage(text: "boom", isError: true))
        _ = update(&state, .statsFetched(account: "acme-calls", campaignID: "c1", .success(Fixtures.counts(pending: 1, active: 0, completed: 0)), at: t0))
        #expect(state.connection == .online && state.status == nil)
    }

    @Test func pauseStopsTheTimerAndRefreshAsksNow() {
        var state = Fixtures.campaignsState(width: 80, height: 24)
        #expect(state.tickInterval == .seconds(2))
        _ = update(&state, .key(.character("Z")))
        #expect(state.paused && state.tickInterval == nil)
        let effects = update(&state, .key(.character("R")))
        #expect(effects.contains(.fetchCampaigns(account: "acme-calls")))
        #expect(effects.contains(.fetchStats(account: "acme-calls", campaignID: "c1")))
    }

    @Test func accountsSwitchWithBracketsAndTheCommandLine() {
        var state = Fixtures.campaignsState(width: 80, height: 24)
        let effects = update(&state, .key(.character("]")))
        #expect(state.account?.name == "replify-main" && state.connection == .notContacted)
        #expect(effects == [.stopObservingCampaign, .observeCampaigns(account: "replify-main")])
        #expect(state.campaignRows.map(\.id) == ["3f2a-uuid"])
        for key in [Key.character(":"), .character("a"), .tab, .character("a"), .tab, .enter] { _ = update(&state, .key(key)) }
        #expect(state.account?.name == "acme-calls")
    }

    @Test func commandLineCompletesAndReportsUnknownCommands() {
        var state = Fixtures.campaignsState(width: 80, height: 24)
        for key in [Key.character(":"), .character("c"), .tab] { _ = update(&state, .key(key)) }
        #expect(
            state.editing == .command(TextField(text: "c"))
                && state.completions == ["campaigns", "configurations", "contacts"])
        for key in [Key.character("o"), .character("n"), .character("t"), .tab, .character("c"), .character("3"), .enter] {
            _ = update(&state, .key(key))
        }
        #expect(state.screen == .campaign(id: "c3"))
        for key in [Key.character(":"), .character("x"), .enter] { _ = update(&state, .key(key)) }
        #expect(state.status?.isError == true)
        for key in [Key.character(":"), .character("q"), .character("u"), .character("i"), .character("t")] {
            _ = update(&state, .key(key))
        }
        #expect(update(&state, .key(.enter)) == [.quit])
    }

    @Test func helpSwallowsKeysButQuitAndEscWork() {
        var state = Fixtures.campaignsState(width: 80, height: 24)
        _ = update(&state, .key(.character("?")))
        _ = update(&state, .key(.character("j")))
        #expect(state.campaignTable.selected == 0)
        _ = update(&state, .key(.escape))
        #expect(!state.showingHelp)
        #expect(update(&state, .key(.character("q"))) == [.quit] && state.quitting && state.tickInterval == nil)
    }

    @Test func everyBindingIsInHelpAndEveryKeyIsUniquePerScreen() {
        for context in KeyContext.allCases {
            let keys = KeyRegistry.bindings.filter { $0.context == context }.flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "\(context) binds a key twice")
        }
        let help = KeyRegistry.help(for: .campaigns).sections.flatMap(\.entries).map(\.summary)
        for binding in KeyRegistry.bindings where [.campaigns, .everywhere].contains(binding.context) {
            #expect(help.contains(binding.summary))
        }
    }

    @Test func resizeKeepsTheSelectionVisibleAndBelowMinimumOnlyQuitWorks() {
        var state = Fixtures.campaignState(width: 80, height: 24)
        let effects = update(&state, .resize(width: 120, height: 40))
        #expect(effects.first == .observeContacts(account: "acme-calls", campaignID: "c2", offset: 0, limit: state.layout.contactRows))
        _ = update(&state, .resize(width: 40, height: 10))
        #expect(update(&state, .key(.escape)).isEmpty && state.screen == .campaign(id: "c2"))
        #expect(update(&state, .key(.character("q"))) == [.quit])
    }
}
