import Foundation
import SwitchboardCore
import Testing

@testable import Console

/// Campaign actions, the campaign form, the configurations screen and read-only mode,
/// message by message.
@Suite struct CampaignSetupTests {
    static let configurations = [
        CampaignConfiguration(
            id: "cfg-1", name: "Weekdays", timezone: "America/New_York",
            windows: [ScheduleWindow(days: ["mon", "tue", "wed", "thu", "fri"], start: "09:00", end: "17:30")],
            retryLimit: 3, countryCode: "+1"),
        CampaignConfiguration(
            id: "cfg-2", name: "Night shift \u{1B}[31m", timezone: "Europe/Berlin",
            windows: [ScheduleWindow(days: ["sat"], start: "22:00", end: "02:00")]),
    ]

    /// The fixture console on an account that can start, pause, close, create and edit.
    static func managing(width: Int = 80, height: Int = 24) -> AppState {
        var state = Fixtures.campaignsState(width: width, height: height)
        state.accounts[0].capabilities.formUnion([.campaignLifecycle, .manageCampaigns])
        return state
    }

    static func keys(_ state: inout AppState, _ keys: [Key]) -> [Effect] {
        keys.flatMap { update(&state, .key($0)) }
    }

    @Test func pauseAsksFirstThenGoesThroughTheJournal() {
        var state = Self.managing()
        #expect(Self.keys(&state, [.character("j"), .character("j")]).isEmpty)
        #expect(state.actionTarget?.id == "c1")
        #expect(Self.keys(&state, [.character("p")]).isEmpty, "nothing is sent before the operator confirms")
        guard case .confirm(let confirm) = state.setup.modal else {
            Issue.record("no confirmation")
            return
        }
        #expect(confirm.command == .pause && confirm.campaignID == "c1" && confirm.campaignName == "Spring renewals")
        #expect(Self.keys(&state, [.character("j"), .character("q")]).isEmpty, "the dialog takes every key")
        #expect(state.quitting == false && state.campaignTable.selected == 2)
        let effects = Self.keys(&state, [.character("y")])
        #expect(effects == [.campaignSetup(.submit(account: "acme-calls", campaignID: "c1", action: .pause, draft: nil))])
        #expect(state.setup.modal == nil && state.setup.sending["c1"] == "Spring renewals")
        #expect(state.status?.text.hasPrefix("pausing “Spring renewals”") == true)
        #expect(Self.keys(&state, [.character("t")]).isEmpty)
        #expect(state.status == StatusMessage(text: "a change to “Spring renewals” is still being sent", isError: true))

        let settled = update(
            &state,
            .campaignSetup(
                .settled(
                    account: "acme-calls", campaignID: "c1", action: .pause,
                    .success(SettledChange(journalID: 12, state: .done, reason: nil)))))
        #expect(state.status == StatusMessage(text: "paused “Spring renewals” (journal #12)", isError: false))
        #expect(settled == [.fetchCampaigns(account: "acme-calls"), .fetchStats(account: "acme-calls", campaignID: "c1")])
        #expect(state.setup.sending.isEmpty)
    }

    @Test func refusalsAndFailuresSayWhy() {
        var state = Self.managing()
        _ = Self.keys(&state, [.character("g"), .character("j"), .character("t")])
        guard case .confirm(let confirm) = state.setup.modal else {
            Issue.record("no confirmation for starting the paused campaign")
            return
        }
        #expect(confirm.campaignID == "c3")
        _ = Self.keys(&state, [.escape])
        #expect(state.setup.modal == nil && state.status?.text == "start cancelled; nothing was sent")
        _ = Self.keys(&state, [.character("j"), .character("t")])
        #expect(state.setup.modal == nil && state.status?.text == "“Spring renewals” is already active")
        _ = Self.keys(&state, [.character("c"), .enter])
        _ = update(
            &state,
            .campaignSetup(
                .settled(
                    account: "acme-calls", campaignID: "c1", action: .close,
                    .success(SettledChange(journalID: 13, state: .failed, reason: "Anyreach answered 403: missing scope")))))
        #expect(
            state.status
                == StatusMessage(
                    text: "close “Spring renewals” failed: Anyreach answered 403: missing scope (journal #13)",
                    isError: true))
        _ = Self.keys(&state, [.character("p")])
        _ = Self.keys(&state, [.character("y")])
        _ = update(
            &state,
            .campaignSetup(
                .settled(account: "acme-calls", campaignID: "c1", action: .pause, .failure(Failure("database is locked")))))
        #expect(state.status == StatusMessage(text: "pause “Spring renewals” not sent: database is locked", isError: true))
    }

    @Test func aClosedCampaignCannotBeRestartedAndAVendorWithoutLifecycleSaysSo() {
        var state = Self.managing()
        var campaigns = Fixtures.campaigns
        campaigns[0].state = "closed"
        _ = update(&state, .campaignsObserved(account: "acme-calls", campaigns))
        _ = Self.keys(&state, [.character("j"), .character("j"), .character("t")])
        #expect(state.setup.modal == nil)
        #expect(state.status?.text.contains("a closed campaign cannot be") == true)
        var plain = Fixtures.campaignsState(width: 80, height: 24)
        _ = Self.keys(&plain, [.character("p")])
        #expect(plain.setup.modal == nil && plain.status?.text == "Anyreach cannot pause campaigns")
    }

    @Test func theCampaignScreenActsOnTheOpenCampaign() {
        var state = Self.managing()
        state.accounts[0].capabilities.formUnion([.campaignLifecycle])
        _ = Self.keys(&state, [.character("G"), .enter, .character("p")])
        guard case .confirm(let confirm) = state.setup.modal else {
            Issue.record("no confirmation on the campaign screen")
            return
        }
        #expect(confirm.campaignID == "c2" && state.screen == .campaign(id: "c2"))
    }

    @Test func createValidatesAndSendsAJournaledChange() {
        var state = Self.managing()
        #expect(Self.keys(&state, [.character("n")]) == [.campaignSetup(.fetchConfigurations(account: "acme-calls"))])
        _ = update(&state, .campaignSetup(.configurationsFetched(account: "acme-calls", .success(Self.configurations))))
        #expect(Self.keys(&state, [.enter]).isEmpty)
        #expect(state.status == StatusMessage(text: "not sent: a campaign needs a name", isError: true))
        _ = Self.keys(&state, "Fall drive".map(Key.character) + [.tab, .enter])
        #expect(state.status?.text.hasPrefix("not sent: a new campaign needs an external id") == true)
        _ = Self.keys(&state, "fall 25".map(Key.character))
        #expect(state.form?.problem == "the external id cannot hold spaces or /")
        _ = Self.keys(&state, [.left, .left, .backspace, .character("-"), .end, .tab, .right])
        #expect(state.form?.externalID.text == "fall-25" && state.form?.configurationID == "cfg-1")
        _ = Self.keys(&state, [.right, .right])
        #expect(state.form?.configurationID == nil, "the choices wrap round through none")
        _ = Self.keys(&state, [.left])
        let effects = Self.keys(&state, [.enter])
        #expect(
            effects == [
                .campaignSetup(
                    .submit(
                        account: "acme-calls", campaignID: "fall-25", action: .createCampaign,
                        draft: CampaignDraft(name: "Fall drive", externalID: "fall-25", configurationID: "cfg-2")))
            ])
        #expect(state.setup.modal == nil)
        _ = update(
            &state,
            .campaignSetup(
                .settled(
                    account: "acme-calls", campaignID: "fall-25", action: .createCampaign,
                    .success(SettledChange(journalID: 14, state: .done, reason: nil)))))
        #expect(state.status?.text == "created campaign “Fall drive” (journal #14)")
    }

    @Test func editSendsOnlyWhatChangedAndEscapeSendsNothing() {
        var state = Self.managing()
        _ = Self.keys(&state, [.character("j"), .character("j"), .character("e")])
        #expect(state.form?.campaignID == "c1" && state.form?.name.text == "Spring renewals")
        #expect(state.form?.problem == "nothing changed yet")
        _ = Self.keys(&state, [.escape])
        #expect(state.setup.modal == nil && state.status?.text == "campaign form closed; nothing was sent")
        _ = Self.keys(&state, [.character("e"), .backspace, .backspace, .backspace, .backspace])
        let effects = Self.keys(&state, "wals 2026".map(Key.character) + [.enter])
        #expect(
            effects == [
                .campaignSetup(
                    .submit(
                        account: "acme-calls", campaignID: "c1", action: .updateCampaign,
                        draft: CampaignDraft(name: "Spring renewals 2026")))
            ])
    }

    @Test func configurationsScreenListsSchedulesAndTheConcurrencyLimit() {
        var state = Self.managing()
        let effects = Self.keys(&state, [.character(":")] + "configurations".map(Key.character) + [.enter])
        #expect(state.screen == .configurations)
        #expect(
            effects == [
                .campaignSetup(.fetchConfigurations(account: "acme-calls")),
                .campaignSetup(.fetchConcurrency(account: "acme-calls")),
            ])
        #expect(update(&state, .tick(Fixtures.t0.addingTimeInterval(4))).isEmpty, "one concurrency request at a time")
        _ = update(&state, .campaignSetup(.configurationsFetched(account: "acme-calls", .success(Self.configurations))))
        _ = update(
            &state, .campaignSetup(.concurrencyFetched(account: "acme-calls", .success(ConcurrencyLimit(limit: 10, activeCalls: 3)))))
        #expect(update(&state, .tick(Fixtures.t0.addingTimeInterval(6))) == [.campaignSetup(.fetchConcurrency(account: "acme-calls"))])
        _ = Self.keys(&state, [.character("j"), .character("j")])
        #expect(state.setup.configurationTable.selected == 1)
        _ = Self.keys(&state, [.escape])
        #expect(state.screen == .campaigns)
        var plain = Fixtures.campaignsState(width: 80, height: 24)
        _ = Self.keys(&plain, [.character(":")] + "configurations".map(Key.character) + [.enter])
        #expect(plain.screen == .campaigns && plain.status?.text == "Anyreach has no campaign configurations")
    }

    /// An Anyreach campaign's stats panel reads the concurrency setting when it opens and
    /// again with each stats refresh; a failure is kept for the panel, not the status line.
    @Test func campaignScreenReadsTheConcurrencySettingWithItsStats() {
        var state = Self.managing()
        state.accounts[0].capabilities.formUnion([.stats])
        let opened = Self.keys(&state, [.character("G"), .enter])
        #expect(state.screen == .campaign(id: "c2"))
        #expect(opened.contains(.fetchStats(account: "acme-calls", campaignID: "c2")))
        #expect(opened.contains(.campaignSetup(.fetchConcurrency(account: "acme-calls"))))
        #expect(
            !update(&state, .tick(Fixtures.t0.addingTimeInterval(4))).contains(.campaignSetup(.fetchConcurrency(account: "acme-calls"))),
            "one concurrency request at a time")
        _ = update(
            &state, .campaignSetup(.concurrencyFetched(account: "acme-calls", .success(ConcurrencyLimit(limit: 20, activeCalls: 11)))))
        #expect(state.setup.concurrency == ConcurrencyLimit(limit: 20, activeCalls: 11))
        _ = update(&state, .statsFetched(
            account: "acme-calls", campaignID: "c2", .success(Fixtures.counts(pending: 1, active: 2, completed: 3)),
            at: Fixtures.t0.addingTimeInterval(5)))
        let tick = update(&state, .tick(Fixtures.t0.addingTimeInterval(6)))
        #expect(tick.contains(.fetchStats(account: "acme-calls", campaignID: "c2")))
        #expect(tick.contains(.campaignSetup(.fetchConcurrency(account: "acme-calls"))))
        state.status = nil
        _ = update(
            &state,
            .campaignSetup(.concurrencyFetched(account: "acme-calls", .failure(Failure("403 missing scope")))))
        #expect(state.status == nil)
        #expect(state.setup.concurrencyProblem == "403 missing scope")
        #expect(
            StatsPanelView.concurrencyNote(state.setup)
                == "  account limit 20 as last read; now unavailable: 403 missing scope")
        _ = update(
            &state, .campaignSetup(.concurrencyFetched(account: "acme-calls", .success(ConcurrencyLimit(limit: 20, activeCalls: 11)))))
        #expect(StatsPanelView.concurrencyNote(state.setup) == "  account limit 20 · 11 active in account")
        // An answer for another account (the operator switched) is not this one's.
        _ = update(
            &state, .campaignSetup(.concurrencyFetched(account: "other", .success(ConcurrencyLimit(limit: 1, activeCalls: 0)))))
        #expect(state.setup.concurrency?.limit == 20)

        // Without the setting (a vendor that cannot manage campaigns) nothing is asked.
        var plain = Fixtures.campaignsState(width: 80, height: 24)
        let effects = Self.keys(&plain, [.character("G"), .enter])
        #expect(!effects.contains(.campaignSetup(.fetchConcurrency(account: "acme-calls"))))
        #expect(!update(&plain, .tick(Fixtures.t0.addingTimeInterval(4))).contains(.campaignSetup(.fetchConcurrency(account: "acme-calls"))))
    }

    @Test func weekGridMarksWholeAndPartHoursAndCrossesMidnight() {
        let grid = WeekGrid(windows: Self.configurations.flatMap(\.windows))
        #expect(grid.minutes[0][8] == 0 && grid.minutes[0][9] == 60 && grid.minutes[4][16] == 60)
        #expect(grid.minutes[4][17] == 30, "17:00-17:30 is part of an hour")
        #expect(grid.minutes[5][6] == 0 && grid.minutes[5][22] == 60 && grid.minutes[5][23] == 60)
        #expect(grid.minutes[6][0] == 60 && grid.minutes[6][1] == 60 && grid.minutes[6][2] == 0, "Saturday night runs into Sunday")
        #expect(WeekGrid(windows: [ScheduleWindow(days: ["mon"], start: "9", end: "25:00")]).minutes.joined().allSatisfy { $0 == 0 })
    }

    @Test func readOnlyRefusesEveryChangeKeyAndHelpSaysSo() {
        var state = Self.managing()
        state.accounts[0].readonly = true
        for key in ["t", "p", "c", "n", "e"] {
            #expect(Self.keys(&state, [.character(Character(key))]).isEmpty)
            #expect(state.setup.modal == nil)
            #expect(state.status?.text.hasPrefix("read-only: ") == true && state.status?.isError == true)
        }
        #expect(Self.keys(&state, [.character("j")]).isEmpty && state.campaignTable.selected == 1, "browsing still works")
        let help = KeyRegistry.help(for: .campaigns, readOnly: true).sections.flatMap(\.entries)
        let changing = KeyRegistry.bindings.filter { $0.changes && $0.context == .campaigns }
        #expect(!changing.isEmpty)
        for binding in changing {
            let entry = help.first { $0.keys == binding.keys.map(\.label).joined(separator: " ") }
            #expect(entry?.available == false && entry?.summary.hasSuffix("read-only") == true)
        }
        #expect(help.filter { !$0.available }.count == changing.count)
        _ = Self.keys(&state, [.character("]")])
        #expect(state.isReadOnly == false, "read-only is per account")
    }
}

extension AppState {
    /// The open campaign form, for tests.
    var form: CampaignForm? {
        if case .form(let form) = setup.modal { return form }
        return nil
    }
}
