import Foundation
import SwitchboardCore
import Testing

@testable import Console

/// The campaign screen message by message: the contacts filter (text and status, run by
/// the store), Tab between the stats panel and the contacts, and a contact's history.
@Suite struct CampaignPaneTests {
    let acme = "acme-calls"

    func type(_ text: String, into state: inout AppState) -> [Effect] {
        text.flatMap { update(&state, .key(.character($0))) }
    }

    @Test func slashFiltersContactsInTheStoreAndBangInverts() {
        var state = Fixtures.campaignState(width: 80, height: 24)
        let rows = state.layout.contactRows
        _ = update(&state, .key(.character("/")))
        let effects = type("ann", into: &state)
        let filter = ContactFilter(text: "ann")
        #expect(state.campaign?.filter == filter && state.campaign?.matchCount == nil)
        #expect(
            effects.suffix(2) == [
                .observeContacts(account: acme, campaignID: "c2", filter: filter, offset: 0, limit: rows),
                .observeMatchCount(account: acme, campaignID: "c2", filter: filter),
            ])
        #expect(!effects.contains { if case .fetchContacts = $0 { true } else { false } })
        _ = update(&state, .key(.home))
        _ = update(&state, .key(.character("!")))
        #expect(state.campaign?.filter == ContactFilter(text: "ann", excludesText: true))
        _ = update(&state, .key(.enter))
        #expect(state.editing == nil && state.campaign?.textFilter == "!ann")
        #expect(state.campaigns?.isEmpty == false && state.filter.isEmpty, "the campaigns filter is untouched")
    }

    @Test func aLoneBangKeepsEveryContactAndEscClearsIt() {
        var state = Fixtures.campaignState(width: 80, height: 24)
        _ = update(&state, .key(.character("/")))
        _ = type("!", into: &state)
        #expect(state.campaign?.isFiltered == false && state.campaign?.listCount == 4)
        _ = update(&state, .key(.enter))
        #expect(update(&state, .key(.escape)) != [.stopObservingCampaign])
        #expect(state.campaign?.textFilter == "" && state.screen == .campaign(id: "c2"))
    }

    @Test func answersForAnEarlierFilterAreIgnored() {
        var state = Fixtures.campaignState(width: 80, height: 24)
        _ = update(&state, .key(.character("/")))
        _ = type("a", into: &state)
        let stale = state.campaign!.filter
        _ = type("n", into: &state)
        _ = update(&state, .matchCountObserved(account: acme, campaignID: "c2", filter: stale, 3))
        _ = update(&state, .contactsObserved(account: acme, campaignID: "c2", filter: stale, offset: 0, []))
        #expect(state.campaign?.matchCount == nil && state.campaign?.window.isEmpty == true)
        _ = update(&state, .matchCountObserved(account: acme, campaignID: "c2", filter: state.campaign!.filter, 1))
        #expect(state.campaign?.matchCount == 1 && state.campaign?.listCount == 1)
    }

    @Test func sCyclesThroughTheBucketsPresentThenAll() {
        var state = Fixtures.campaignState(width: 80, height: 24)
        var seen: [NormalizedStatus?] = []
        for _ in 0..<5 {
            let effects = update(&state, .key(.character("s")))
            seen.append(state.campaign?.statusFilter)
            #expect(
                effects.contains(.observeMatchCount(account: acme, campaignID: "c2", filter: state.campaign!.filter)))
        }
        #expect(seen == [.pending, .active, .completed, .exhausted, nil])
        _ = update(&state, .key(.character("s")))
        _ = update(&state, .key(.character("s")))
        #expect(state.campaign?.filter == ContactFilter(statuses: ["in_progress"]))
        // A second word for the same bucket joins the filter as soon as the store has it.
        let more = Fixtures.statuses + [ContactStatus(raw: "dialing", normalized: .active)]
        let effects = update(&state, .contactStatusesObserved(account: acme, campaignID: "c2", more))
        #expect(state.campaign?.filter == ContactFilter(statuses: ["in_progress", "dialing"]))
        #expect(effects.contains(.observeMatchCount(account: acme, campaignID: "c2", filter: state.campaign!.filter)))
    }

    @Test func sWithNoStatusesSaysSo() {
        var state = Fixtures.campaignState(width: 80, height: 24)
        _ = update(&state, .contactStatusesObserved(account: acme, campaignID: "c2", []))
        #expect(update(&state, .key(.character("s"))).isEmpty)
        #expect(state.campaign?.statusFilter == nil && state.status?.text == "no cached contact has a status yet")
    }

    @Test func escClearsTheFiltersFirstThenGoesBack() {
        var state = Fixtures.campaignState(width: 80, height: 24)
        _ = update(&state, .key(.character("s")))
        _ = update(&state, .key(.character("/")))
        _ = type("x", into: &state)
        _ = update(&state, .key(.enter))
        let effects = update(&state, .key(.escape))
        #expect(state.screen == .campaign(id: "c2") && state.campaign?.isFiltered == false)
        #expect(effects.contains(.observeMatchCount(account: acme, campaignID: "c2", filter: .all)))
        #expect(update(&state, .key(.escape)) == [.stopObservingCampaign])
        #expect(state.screen == .campaigns)
    }

    @Test func aMillionMatchesScrollInFilteredWindowsWithoutFetching() {
        var state = Fixtures.campaignState(width: 80, height: 24)
        let rows = state.layout.contactRows
        _ = update(
            &state,
            .contactsFetched(
                account: acme, campaignID: "c2", .success(ContactsFetched(total: 5_000_000, nextOffset: 100))))
        _ = update(&state, .key(.character("s")))
        let filter = state.campaign!.filter
        _ = update(&state, .matchCountObserved(account: acme, campaignID: "c2", filter: filter, 1_000_000))
        let effects = update(&state, .key(.character("G")))
        #expect(state.campaign?.table == TableState(selected: 999_999, offset: 1_000_000 - rows))
        #expect(
            effects == [
                .observeContacts(account: acme, campaignID: "c2", filter: filter, offset: 1_000_000 - rows, limit: rows)
            ])
        #expect(update(&state, .contactCountObserved(account: acme, campaignID: "c2", 2_000_000)).isEmpty)
        #expect(state.campaign?.table.selected == 999_999, "the total does not move a filtered table")
    }

    @Test func tabMovesTheKeysBetweenTheStatsSamplesAndTheContacts() {
        var state = Fixtures.campaignState(width: 80, height: 24)
        #expect(update(&state, .key(.tab)).isEmpty && state.campaign?.focus == .stats)
        let samples = state.campaign!.samples
        _ = update(&state, .key(.character("k")))
        _ = update(&state, .key(.character("k")))
        #expect(state.campaign?.sampleCursor == samples[samples.count - 3].takenAt)
        #expect(state.cursorSample?.index == samples.count - 3 && state.campaign?.table.selected == 0)
        _ = update(&state, .key(.character("g")))
        #expect(state.cursorSample?.index == 0)
        _ = update(&state, .key(.character("G")))
        #expect(state.campaign?.sampleCursor == nil, "the last sample follows the latest again")
        _ = update(&state, .key(.tab))
        _ = update(&state, .key(.character("j")))
        #expect(state.campaign?.focus == .contacts && state.campaign?.table.selected == 1)
    }

    @Test func tabIsBoundOnTheCampaignScreenOnlyAndHelpSaysSo() {
        var state = Fixtures.campaignsState(width: 80, height: 24)
        let before = state
        #expect(update(&state, .key(.tab)).isEmpty && state == before)
        func keys(_ context: KeyContext) -> [String] {
            KeyRegistry.help(for: context).sections.flatMap(\.entries).map(\.keys)
        }
        #expect(keys(.campaign).contains("Tab") && keys(.campaign).contains("s") && keys(.campaign).contains("/"))
        #expect(!keys(.campaigns).contains("Tab") && !keys(.contact).contains("Tab"))
    }

    @Test func aContactFollowsItsHistoryAndScrolls() {
        var state = Fixtures.campaignState(width: 80, height: 24)
        _ = update(&state, .key(.character("j")))
        _ = update(&state, .key(.character("j")))
        let contact = state.selectedContact!
        #expect(
            update(&state, .key(.enter)) == [
                .observeHistory(account: acme, campaignID: "c2", key: "id:k3", keys: contact.keys)
            ])
        #expect(contact.keys == ["id:k3", "phone:+15550100"])
        _ = update(&state, .historyObserved(account: acme, campaignID: "c2", key: "id:other", Fixtures.history))
        #expect(state.contactPane?.history == nil, "another contact's history is ignored")
        _ = update(&state, .historyObserved(account: acme, campaignID: "c2", key: "id:k3", Fixtures.history))
        #expect(state.contactPane?.history == Fixtures.history)
        let lines = ContactSheet(state: state, campaignID: "c2", key: "id:k3").lines
        #expect(lines.suffix(3) == Fixtures.history.map(ContactSheet.Line.history))
        _ = update(&state, .key(.character("G")))
        let bottom = lines.count - state.layout.main.height
        #expect(state.contactPane?.scroll == bottom)
        _ = update(&state, .key(.character("j")))
        #expect(state.contactPane?.scroll == bottom, "no scrolling past the end")
        _ = update(&state, .key(.character("k")))
        #expect(state.contactPane?.scroll == bottom - 1)
        #expect(update(&state, .key(.escape)) == [.stopObservingHistory])
        #expect(state.contactPane == nil && state.screen == .campaign(id: "c2"))
    }
}
