import Foundation
import Testing

@testable import Console

/// Every view at 80×24 and 120×40, as text plus style runs (see `Golden/`).
@Suite struct GoldenScreenTests {
    static let sizes = [(80, 24), (120, 40)]

    @Test(arguments: sizes) func campaigns(width: Int, height: Int) {
        expectGolden(Fixtures.campaignsState(width: width, height: height), "campaigns")
    }

    @Test(arguments: sizes) func campaignsFilteredAndSorted(width: Int, height: Int) {
        var state = Fixtures.campaignsState(width: width, height: height)
        for key in [Key.character("/"), .character("!"), .character("p"), .character("i"), .enter] {
            _ = update(&state, .key(key))
        }
        _ = update(&state, .key(.character("C")))
        _ = update(&state, .key(.character("C")))
        expectGolden(state, "campaigns-filtered-sorted")
    }

    @Test(arguments: sizes) func campaign(width: Int, height: Int) {
        expectGolden(Fixtures.campaignState(width: width, height: height), "campaign")
    }

    @Test(arguments: sizes) func emptyCampaign(width: Int, height: Int) {
        var state = Fixtures.campaignsState(width: width, height: height)
        _ = update(&state, .key(.character("G")))
        _ = update(&state, .key(.enter))
        _ = update(&state, .contactCountObserved(account: "acme-calls", campaignID: "c4", 0))
        _ = update(&state, .contactsFetched(account: "acme-calls", campaignID: "c4", .success(ContactsFetched(total: 0, nextOffset: nil))))
        expectGolden(state, "campaign-empty")
    }

    @Test(arguments: sizes) func filteredCampaign(width: Int, height: Int) {
        var state = Fixtures.campaignState(width: width, height: height)
        for key in [Key.character("/"), .character("5"), .enter, .character("s")] { _ = update(&state, .key(key)) }
        Fixtures.deliverFilteredContacts(&state)
        expectGolden(state, "campaign-filtered")
    }

    @Test(arguments: sizes) func campaignWithTheStatsPanelFocused(width: Int, height: Int) {
        var state = Fixtures.campaignState(width: width, height: height)
        for key in [Key.tab, .character("k"), .character("k"), .character("k")] { _ = update(&state, .key(key)) }
        expectGolden(state, "campaign-stats-focused")
    }

    @Test(arguments: sizes) func campaignHelp(width: Int, height: Int) {
        var state = Fixtures.campaignState(width: width, height: height)
        _ = update(&state, .key(.character("?")))
        expectGolden(state, "help-campaign")
    }

    @Test(arguments: sizes) func contactWithHostileTextAndHistory(width: Int, height: Int) {
        var state = Fixtures.campaignState(width: width, height: height)
        _ = update(&state, .key(.character("j")))
        _ = update(&state, .key(.character("j")))
        _ = update(&state, .key(.enter))
        _ = update(&state, .historyObserved(account: "acme-calls", campaignID: "c2", key: "id:k3", Fixtures.history))
        expectGolden(state, "contact")
        _ = update(&state, .key(.character("G")))
        expectGolden(state, "contact-scrolled")
    }

    @Test(arguments: sizes) func help(width: Int, height: Int) {
        var state = Fixtures.campaignsState(width: width, height: height)
        _ = update(&state, .key(.character("?")))
        expectGolden(state, "help")
    }

    @Test(arguments: sizes) func vendorError(width: Int, height: Int) {
        var state = Fixtures.campaignsState(width: width, height: height)
        _ = update(&state, .statsFetched(account: "acme-calls", campaignID: "c1", .failure(Failure("Anyreach answered 503 Service Unavailable (retry later)")), at: Fixtures.t0))
        expectGolden(state, "error")
    }

    @Test(arguments: sizes) func commandLineCompletion(width: Int, height: Int) {
        var state = Fixtures.campaignsState(width: width, height: height)
        for key in [Key.character(":"), .character("c"), .tab] { _ = update(&state, .key(key)) }
        expectGolden(state, "command-line")
    }

    @Test(arguments: sizes) func accountWithoutListingRoutes(width: Int, height: Int) {
        var state = Fixtures.campaignsState(width: width, height: height)
        _ = update(&state, .key(.character("]")))
        _ = update(&state, .campaignsObserved(account: "replify-main", []))
        expectGolden(state, "account-without-listing")
        _ = update(&state, .key(.enter))
        _ = update(&state, .contactCountObserved(account: "replify-main", campaignID: "3f2a-uuid", 0))
        expectGolden(state, "campaign-without-stats")
    }

    @Test func belowMinimumSize() {
        expectGolden(Fixtures.campaignsState(width: 50, height: 10), "too-small")
    }
}
