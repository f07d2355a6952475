import Foundation
import SwitchboardCore
import Testing

@testable import Console

/// Golden screens of the campaign dialogs, the configurations screen and read-only help.
@Suite struct CampaignSetupGoldenTests {
    @Test(arguments: GoldenScreenTests.sizes) func confirmDialogs(width: Int, height: Int) {
        var state = CampaignSetupTests.managing(width: width, height: height)
        _ = CampaignSetupTests.keys(&state, [.character("j"), .character("j"), .character("p")])
        expectGolden(state, "confirm-pause")
        _ = CampaignSetupTests.keys(&state, [.escape, .character("c")])
        expectGolden(state, "confirm-close")
    }

    @Test(arguments: GoldenScreenTests.sizes) func campaignForm(width: Int, height: Int) {
        var state = CampaignSetupTests.managing(width: width, height: height)
        _ = CampaignSetupTests.keys(&state, [.character("n")])
        _ = update(
            &state,
            .campaignSetup(.configurationsFetched(account: "acme-calls", .success(CampaignSetupTests.configurations))))
        _ = CampaignSetupTests.keys(&state, "Fall drive".map(Key.character) + [.tab])
        expectGolden(state, "campaign-form-invalid")
        _ = CampaignSetupTests.keys(&state, "fall-25".map(Key.character) + [.tab, .right])
        expectGolden(state, "campaign-form-valid")
    }

    /// The stats panel's active calls go against the account's concurrency setting (the
    /// vendor's concurrency route), with the account's own active count after the bar.
    @Test(arguments: GoldenScreenTests.sizes) func campaignConcurrency(width: Int, height: Int) {
        var state = Fixtures.campaignsState(width: width, height: height)
        state.accounts[0].capabilities.formUnion([.campaignLifecycle, .manageCampaigns])
        _ = CampaignSetupTests.keys(&state, [.character("G"), .enter])
        // Past the highlight of the fixture's changed counts, and the same counts again.
        let later = Fixtures.t0.addingTimeInterval(6)
        _ = update(&state, .tick(later))
        _ = update(
            &state,
            .statsFetched(
                account: "acme-calls", campaignID: "c2", .success(Fixtures.counts(pending: 39, active: 8, completed: 13)),
                at: later))
        expectGolden(state, "campaign-concurrency-reading")
        _ = update(
            &state,
            .campaignSetup(
                .concurrencyFetched(account: "acme-calls", .success(ConcurrencyLimit(limit: 20, activeCalls: 11)))))
        expectGolden(state, "campaign-concurrency")
    }

    @Test(arguments: GoldenScreenTests.sizes) func configurationsWeekGrid(width: Int, height: Int) {
        var state = CampaignSetupTests.managing(width: width, height: height)
        _ = CampaignSetupTests.keys(&state, [.character(":")] + "configurations".map(Key.character) + [.enter])
        _ = update(
            &state,
            .campaignSetup(.configurationsFetched(account: "acme-calls", .success(CampaignSetupTests.configurations))))
        _ = update(
            &state,
            .campaignSetup(
                .concurrencyFetched(account: "acme-calls", .success(ConcurrencyLimit(limit: 10, activeCalls: 3)))))
        expectGolden(state, "configurations")
        _ = CampaignSetupTests.keys(&state, [.character("j")])
        expectGolden(state, "configurations-overnight")
    }

    @Test(arguments: GoldenScreenTests.sizes) func readOnlyHelp(width: Int, height: Int) {
        var state = CampaignSetupTests.managing(width: width, height: height)
        state.accounts[0].readonly = true
        _ = CampaignSetupTests.keys(&state, [.enter, .character("?")])
        expectGolden(state, "help-campaign-readonly")
    }
}
