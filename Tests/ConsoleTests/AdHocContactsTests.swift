import Foundation
import SwitchboardCore
import Testing

@testable import Console

/// Anyreach's ad-hoc contacts (campaign `default`, in no campaign): their row first in the
/// campaigns list, opening them without stats, the contact keys there, the contact form's
/// country-code rules, campaign actions refused on them, and Anyreach's own campaigns as
/// before.
@Suite struct AdHocContactsTests {
    let t0 = Fixtures.t0

    /// The Anyreach account as the live console makes it from the real client.
    static func accounts(countryCode: String? = "+1") -> [AccountInfo] {
        var account = AccountContactsTests.account(.anyreach, name: "reach")
        account.defaultCountryCode = countryCode
        return [account]
    }

    static let campaigns: [CachedCampaign] = [
        ("a1", "Spring outreach", CampaignState.active), ("a2", "Winback", .paused), ("a3", "Holiday promo", .closed),
    ].map { CachedCampaign(account: "reach", campaign: Campaign(id: $0.0, name: $0.1, state: $0.2), seenAt: Fixtures.t0) }

    static let adHocContacts: [CachedContact] = [
        Contact(vendorID: "u1", externalID: "lead-10007", firstName: "Ada", lastName: "Byron", phoneNumbers: ["+442071838750"],
                status: ContactStatus(raw: "pending", normalized: .pending), attemptCount: 0),
        Contact(vendorID: "u2", firstName: "Zoë", lastName: "東京", phoneNumbers: ["+14155550123", "+14155550199"],
                status: ContactStatus(raw: "pending", normalized: .pending), attemptCount: 0, data: ["plan": .string("pro")]),
        Contact(vendorID: "u3", firstName: Fixtures.hostile, phoneNumbers: ["+15550100000"],
                status: ContactStatus(raw: "pending", normalized: .pending), attemptCount: 0),
    ].map { CachedContact(account: "reach", campaignID: "default", contact: $0) }

    /// The campaigns list after the first fetch, the campaigns' counts read.
    static func campaignsState(width: Int = 80, height: Int = 24, countryCode: String? = "+1") -> AppState {
        var state = AppState(accounts: accounts(countryCode: countryCode), width: width, height: height, now: Fixtures.t0)
        _ = start(&state)
        _ = update(&state, .campaignsFetched(account: "reach", .success(3), at: Fixtures.t0))
        _ = update(&state, .campaignsObserved(account: "reach", campaigns))
        let counts = [
            ("a1", Fixtures.counts(pending: 120, active: 4, completed: 30)),
            ("a2", Fixtures.counts(pending: 40, active: 0, completed: 12)),
            ("a3", Fixtures.counts(pending: 0, active: 0, completed: 80, exhausted: 9)),
        ]
        for (id, counts) in counts {
            _ = update(&state, .statsFetched(account: "reach", campaignID: id, .success(counts), at: Fixtures.t0))
        }
        return state
    }

    /// The ad-hoc contacts open, read from the vendor into the store.
    static func adHocState(width: Int = 80, height: Int = 24, countryCode: String? = "+1") -> AppState {
        var state = campaignsState(width: width, height: height, countryCode: countryCode)
        _ = update(&state, .key(.enter))
        deliverAdHocContacts(&state)
        return state
    }

    static func deliverAdHocContacts(_ state: inout AppState) {
        _ = update(&state, .contactCountObserved(account: "reach", campaignID: "default", adHocContacts.count))
        _ = update(&state, .contactsObserved(account: "reach", campaignID: "default", offset: 0, adHocContacts))
        _ = update(&state, .contactsFetched(account: "reach", campaignID: "default", .success(ContactsFetched(total: 3, nextOffset: nil))))
        _ = update(&state, .contactStatusesObserved(account: "reach", campaignID: "default", adHocContacts.compactMap(\.contact.status)))
    }

    static func asksForStats(_ effects: [Effect], of id: String) -> Bool {
        effects.contains { if case .fetchStats(_, let campaign) = $0 { campaign == id } else { false } }
    }

    static func asksForConcurrency(_ effects: [Effect]) -> Bool {
        effects.contains { $0 == .campaignSetup(.fetchConcurrency(account: "reach")) }
    }

    @Test func theAdHocRowComesFirstWithNoCountsAndNoStatsAreAskedForIt() {
        var state = AppState(accounts: Self.accounts(), width: 80, height: 24, now: t0)
        _ = start(&state)
        _ = update(&state, .campaignsFetched(account: "reach", .success(3), at: t0))
        let listed = update(&state, .campaignsObserved(account: "reach", Self.campaigns))
        #expect(Self.asksForStats(listed, of: "a1") && !Self.asksForStats(listed, of: "default"))
        for campaign in Self.campaigns {
            let counts = Fixtures.counts(pending: 1, active: 0, completed: 0)
            _ = update(&state, .statsFetched(account: "reach", campaignID: campaign.id, .success(counts), at: t0))
        }
        #expect(state.campaignRows.map(\.id) == ["default", "a3", "a1", "a2"])
        #expect(state.campaignRows[0] == CampaignRow(id: "default", name: "Ad-hoc contacts", state: "—", counts: nil))
        _ = update(&state, .key(.character("C")))
        #expect(state.campaignRows.first?.id == "default", "first whatever the sort")
        #expect(FooterView.summary(state).hasPrefix("3 campaigns and Ad-hoc contacts · sorted by done"))
        let later = t0.addingTimeInterval(2)
        let ticked = update(&state, .tick(later))
        #expect(Self.asksForStats(ticked, of: "a1") && !Self.asksForStats(ticked, of: "default"))
        let lines = TextBackend.render(ConsoleView.render(state)).components(separatedBy: "\n")
        #expect(lines[2].hasPrefix("Ad-hoc contacts "))
    }

    @Test func enterOpensTheAdHocContactsFromTheVendorWithoutStatsOrTheLimit() {
        var state = Self.campaignsState()
        let effects = update(&state, .key(.enter))
        #expect(state.screen == .campaign(id: "default"))
        #expect(
            effects == [
                .observeCampaign(account: "reach", campaignID: "default"),
                .observeContacts(account: "reach", campaignID: "default", offset: 0, limit: state.layout.contactRows),
                .fetchContacts(account: "reach", campaignID: "default", offset: 0, limit: AppState.vendorPageSize),
            ])
        Self.deliverAdHocContacts(&state)
        let ticked = update(&state, .tick(t0.addingTimeInterval(2)))
        #expect(!Self.asksForStats(ticked, of: "default") && !Self.asksForConcurrency(ticked))
        let refreshed = update(&state, .key(.character("R")))
        #expect(refreshed == [.fetchContacts(account: "reach", campaignID: "default", offset: 0, limit: AppState.vendorPageSize)])
        let paged = update(&state, .contactsFetched(
            account: "reach", campaignID: "default", .success(ContactsFetched(total: 250, nextOffset: 100))))
        #expect(paged == [.fetchContacts(account: "reach", campaignID: "default", offset: 100, limit: AppState.vendorPageSize)],
            "paged like any Anyreach campaign")
        #expect(
            AccountContactsNote.lines(state, campaignID: "default") == [
                "Ad-hoc contacts have no status counts: Anyreach reports none for them.",
                "Each contact's own status is in the table; s filters by it.",
                "No configuration gives them a country code: numbers without one get +1.",
            ])
        let screen = TextBackend.render(ConsoleView.render(state))
        #expect(screen.contains("Ad-hoc contacts have no status counts") && screen.contains("Zoë 東京"))
        #expect(!screen.contains("\u{1B}"), "vendor text sanitized")
    }

    @Test func wAndContactsDefaultOpenTheAdHocContactsAndTabOffersThem() {
        var state = Self.campaignsState()
        _ = update(&state, .key(.character("j")))
        _ = update(&state, .key(.enter))
        #expect(state.screen == .campaign(id: "a3"))
        let opened = update(&state, .key(.character("w")))
        #expect(state.stack == [.campaigns, .campaign(id: "default")] && state.campaignTable.selected == 0)
        #expect(opened.first == .stopObservingCampaign && !Self.asksForStats(opened, of: "default"))
        _ = update(&state, .key(.escape))
        for key in [Key.character("/"), .character("s"), .character("p"), .enter] { _ = update(&state, .key(key)) }
        _ = update(&state, .key(.character(":")))
        for character in "contacts de" { _ = update(&state, .key(.character(character))) }
        _ = update(&state, .key(.tab))
        #expect(state.editing == .command(TextField(text: "contacts default")), "offered even while the filter hides it")
        let effects = update(&state, .key(.enter))
        #expect(state.screen == .campaign(id: "default") && state.status == nil)
        #expect(effects.contains(.fetchContacts(account: "reach", campaignID: "default", offset: 0, limit: AppState.vendorPageSize)))
        #expect(!Self.asksForStats(effects, of: "default"))
    }

    @Test func newEditRemoveAndImportReachTheirFormsInTheAdHocContacts() {
        var state = Self.adHocState()
        _ = update(&state, .key(.character("n")))
        let form = try! #require(state.contactForm)
        #expect(form.campaignID == "default" && form.campaignName == "Ad-hoc contacts" && form.original == nil)
        #expect(form.note == "No configuration gives ad-hoc contacts a country code: phones must be E.164.")
        state.contactForm = nil
        _ = update(&state, .key(.character("j")))
        _ = update(&state, .key(.character("e")))
        #expect(state.contactForm?.original?.vendorID == "u2" && state.contactForm?.campaignID == "default")
        #expect(state.contactForm?.note != nil)
        state.contactForm = nil
        _ = update(&state, .key(.character("d")))
        #expect(state.removal?.campaignID == "default" && state.removal?.contact.vendorID == "u2")
        #expect(state.removal?.action == .delete, "Anyreach deletes a contact by id")
        let dialog = TextBackend.render(ConsoleView.render(state))
        #expect(dialog.contains("Remove Zoë 東京 from Ad-hoc contacts?") && !dialog.contains("from campaign"))
        state.removal = nil
        _ = update(&state, .key(.character("i")))
        #expect(state.importFlow?.campaignID == "default" && state.importFlow?.campaignName == "Ad-hoc contacts")
        state.importFlow = nil
        _ = update(&state, .key(.enter))
        #expect(state.screen == .contact(campaignID: "default", key: Self.adHocContacts[1].key))
        _ = update(&state, .key(.character("e")))
        #expect(state.contactForm?.original?.vendorID == "u2" && state.contactForm?.note != nil)
        state.contactForm = nil
        _ = update(&state, .key(.character("d")))
        #expect(state.removal?.contact.vendorID == "u2")
    }

    @Test func theFormSaysWhichCountryCodeIsAssumedAndChecksTheNumbers() throws {
        var state = Self.adHocState()
        _ = update(&state, .key(.character("n")))
        var form = try #require(state.contactForm)
        let phones = try #require(form.fields.firstIndex { $0.slot == .phones })
        #expect(form.hint(at: phones) == "comma between numbers; no +: +1 assumed (the account's default_country_code)")
        form.inputs[phones] = TextField(text: "415 555 0199")
        #expect(form.problem(at: phones) == nil && form.normalized(at: phones) == "+14155550199")
        form.inputs[phones] = TextField(text: "+44 20 7183 8750")
        #expect(form.problem(at: phones) == nil && form.normalized(at: phones) == "+442071838750")
        form.inputs[phones] = TextField(text: "12")
        #expect(form.problem(at: phones) != nil)
        let screen = TextBackend.render(ConsoleView.render(state))
        #expect(screen.contains(" No configuration gives ad-hoc contacts a country code: phones must be E.164."))

        var without = Self.adHocState(countryCode: nil)
        _ = update(&without, .key(.character("n")))
        var bare = try #require(without.contactForm)
        #expect(bare.hint(at: phones).hasPrefix("comma between numbers; each with + and its country code"))
        bare.inputs[phones] = TextField(text: "415 555 0199")
        #expect(bare.problem(at: phones) != nil, "no country code to assume")
        bare.inputs[phones] = TextField(text: "+1 415 555 0199")
        #expect(bare.problem(at: phones) == nil)
        #expect(AccountContactsNote.lines(without, campaignID: "default")?.last
            == "No configuration gives them a country code: numbers must be E.164.")
    }

    @Test func campaignActionsAreRefusedOnTheAdHocContacts() {
        var state = Self.campaignsState()
        let refusals: [(Character, String)] = [
            ("t", "start"), ("p", "pause"), ("c", "close"), ("e", "edit"),
        ]
        for (key, verb) in refusals {
            state.status = nil
            #expect(update(&state, .key(.character(key))).isEmpty)
            #expect(state.status == StatusMessage(
                text: "Ad-hoc contacts are not a campaign: there is nothing to \(verb) (Enter lists them)", isError: true))
            #expect(state.setup.modal == nil, "\(key)")
        }
        _ = update(&state, .key(.enter))
        for (key, verb) in refusals.dropLast() {
            state.status = nil
            #expect(update(&state, .key(.character(key))).isEmpty)
            #expect(state.status == StatusMessage(text: "Ad-hoc contacts are not a campaign: there is nothing to \(verb)", isError: true))
            #expect(state.setup.modal == nil, "\(key)")
        }
    }

    @Test func anyreachCampaignsKeepTheirContactsStatsAndEveryKey() {
        var state = Self.campaignsState()
        _ = update(&state, .key(.character("G")))
        #expect(state.actionTarget?.id == "a2")
        _ = update(&state, .key(.character("p")))
        #expect(state.status?.isError == true && state.status?.text.contains("already paused") == true)
        _ = update(&state, .key(.character("t")))
        #expect(state.setup.modal != nil, "t asks to start the campaign")
        state.setup.modal = nil
        _ = update(&state, .key(.character("e")))
        #expect(state.setup.modal != nil, "e opens the campaign form")
        state.setup.modal = nil
        let effects = update(&state, .key(.enter))
        #expect(state.screen == .campaign(id: "a2"))
        #expect(effects.contains(.fetchContacts(account: "reach", campaignID: "a2", offset: 0, limit: AppState.vendorPageSize)))
        #expect(Self.asksForStats(effects, of: "a2") && Self.asksForConcurrency(effects))
        #expect(AccountContactsNote.lines(state, campaignID: "a2") == nil, "the panel shows the campaign's counts")
        _ = update(&state, .key(.character("n")))
        #expect(state.contactForm?.campaignID == "a2" && state.contactForm?.note == nil)
        let phones = state.contactForm?.fields.firstIndex { $0.slot == .phones } ?? 0
        #expect(state.contactForm?.hint(at: phones) == "dialled in this order; comma between numbers")
        state.contactForm = nil
        _ = update(&state, .key(.character("i")))
        #expect(state.importFlow?.campaignID == "a2")
        state.importFlow = nil
        state.status = nil
        _ = update(&state, .key(.character("p")))
        #expect(state.status?.text.contains("already paused") == true, "p on the campaign screen goes to the campaign")
    }

    @Test(arguments: GoldenScreenTests.sizes) func anyreachCampaignsGolden(width: Int, height: Int) {
        expectGolden(Self.campaignsState(width: width, height: height), "anyreach-campaigns-adhoc")
    }

    @Test(arguments: GoldenScreenTests.sizes) func adHocContactsGolden(width: Int, height: Int) {
        expectGolden(Self.adHocState(width: width, height: height), "anyreach-adhoc-contacts")
    }

    @Test(arguments: GoldenScreenTests.sizes) func adHocContactRemovalGolden(width: Int, height: Int) {
        var state = Self.adHocState(width: width, height: height)
        _ = update(&state, .key(.character("j")))
        _ = update(&state, .key(.character("d")))
        expectGolden(state, "anyreach-adhoc-remove")
    }

    @Test(arguments: GoldenScreenTests.sizes) func adHocContactFormGolden(width: Int, height: Int) {
        var state = Self.adHocState(width: width, height: height)
        _ = update(&state, .key(.character("n")))
        for character in "415 555 0199" { _ = update(&state, .key(.character(character))) }
        expectGolden(state, "anyreach-adhoc-form")
    }
}
