import Foundation
import SwitchboardCore
import Testing

@testable import Console

/// Contacts that belong to the account (CampaignLark's workspace, Reply.io's contacts):
/// their row in the campaigns list, `w` and `:contacts default`, the contact keys there,
/// and the pointer from a campaign that takes no contact changes.
@Suite struct AccountContactsTests {
    let t0 = Fixtures.t0

    /// An account as the live console makes it from the vendor's real client.
    static func account(_ vendor: Vendor, name: String) -> AccountInfo {
        let client = ChangeFixtures.client(vendor)
        return AccountInfo(
            name: name, vendorName: vendor.displayName, capabilities: client.capabilities, configuredCampaigns: [],
            contactFields: (client as? any ContactFormVendor)?.contactFormFields ?? [], defaultCountryCode: "+1",
            accountContacts: (client as? any AccountContactsVendor)?.accountContacts)
    }

    static let accounts = [account(.campaignlark, name: "lark"), account(.replyio, name: "reply")]

    static let larkCampaigns: [CachedCampaign] = [
        ("101", "Spring newsletter", CampaignState.active), ("102", "Autumn launch", .draft), ("103", "Webinar recap", .closed),
    ].map { CachedCampaign(account: "lark", campaign: Campaign(id: $0.0, name: $0.1, state: $0.2), seenAt: Fixtures.t0) }

    static let workspaceContacts: [CachedContact] = [
        Contact(vendorID: "7", firstName: "Ada", lastName: "Byron", email: "ada@example.com",
                status: ContactStatus(raw: "SUBSCRIBED", normalized: .active)),
        Contact(vendorID: "8", firstName: "Zoë", lastName: "東京", email: "zoe@example.jp",
                status: ContactStatus(raw: "UNSUBSCRIBED", normalized: .exhausted), data: ["company": .string("Acme")]),
        Contact(vendorID: "9", firstName: Fixtures.hostile, email: "evil@example.com",
                status: ContactStatus(raw: "BOUNCED", normalized: .failed)),
    ].map { CachedContact(account: "lark", campaignID: "default", contact: $0) }

    /// The CampaignLark account's campaigns list, as the console shows it after the first fetch.
    static func larkCampaignsState(width: Int = 80, height: Int = 24) -> AppState {
        var state = AppState(accounts: accounts, width: width, height: height, now: Fixtures.t0)
        _ = start(&state)
        _ = update(&state, .campaignsFetched(account: "lark", .success(3), at: Fixtures.t0))
        _ = update(&state, .campaignsObserved(account: "lark", larkCampaigns))
        return state
    }

    /// The workspace's contacts open, read from the vendor into the store.
    static func workspaceState(width: Int = 80, height: Int = 24) -> AppState {
        var state = larkCampaignsState(width: width, height: height)
        _ = update(&state, .key(.enter))
        deliverWorkspaceContacts(&state)
        return state
    }

    static func deliverWorkspaceContacts(_ state: inout AppState) {
        let statuses = workspaceContacts.compactMap(\.contact.status)
        _ = update(&state, .contactCountObserved(account: "lark", campaignID: "default", workspaceContacts.count))
        _ = update(&state, .contactsObserved(account: "lark", campaignID: "default", offset: 0, workspaceContacts))
        _ = update(&state, .contactsFetched(account: "lark", campaignID: "default", .success(ContactsFetched(total: 3, nextOffset: nil))))
        _ = update(&state, .contactStatusesObserved(account: "lark", campaignID: "default", statuses))
    }

    @Test func theWorkspaceRowComesFirstWhateverTheSortAndHasNoCounts() {
        var state = Self.larkCampaignsState()
        #expect(state.campaignRows.map(\.id) == ["default", "102", "101", "103"])
        #expect(state.campaignRows[0] == CampaignRow(id: "default", name: "Workspace contacts", state: "—", counts: nil))
        _ = update(&state, .key(.character("N")))
        #expect(state.sort == CampaignSort(column: .name, ascending: false))
        #expect(state.campaignRows.map(\.id) == ["default", "103", "101", "102"])
        _ = update(&state, .key(.character("S")))
        #expect(state.campaignRows.first?.id == "default")
        #expect(FooterView.summary(state).hasPrefix("3 campaigns and Workspace contacts · sorted by status"))
        for key in [Key.character("/"), .character("s"), .character("p"), .character("r"), .enter] {
            _ = update(&state, .key(key))
        }
        #expect(state.campaignRows.map(\.id) == ["101"], "the filter applies to the row by name or id")
        _ = update(&state, .key(.escape))
        for key in [Key.character("/"), .character("d"), .character("e"), .character("f"), .enter] {
            _ = update(&state, .key(key))
        }
        #expect(state.campaignRows.map(\.id) == ["default"])
    }

    @Test func theWorkspaceRowIsThereWhileTheCampaignsAreListed() {
        var state = AppState(accounts: Self.accounts, width: 80, height: 24, now: t0)
        _ = start(&state)
        #expect(state.campaignRows.map(\.id) == ["default"])
        let lines = TextBackend.render(ConsoleView.render(state)).components(separatedBy: "\n")
        #expect(lines[2].hasPrefix("Workspace cont") && lines[4] == "  Listing campaigns…")
        _ = update(&state, .campaignsFetched(account: "lark", .success(0), at: t0))
        _ = update(&state, .campaignsObserved(account: "lark", []))
        #expect(TextBackend.render(ConsoleView.render(state)).components(separatedBy: "\n")[4] == "  This account has no campaigns.")
    }

    @Test func enterOnTheWorkspaceRowListsItsContactsFromTheVendorWithoutStats() {
        var state = Self.larkCampaignsState()
        let effects = update(&state, .key(.enter))
        #expect(state.screen == .campaign(id: "default"))
        #expect(
            effects == [
                .observeCampaign(account: "lark", campaignID: "default"),
                .observeContacts(account: "lark", campaignID: "default", offset: 0, limit: state.layout.contactRows),
                .fetchContacts(account: "lark", campaignID: "default", offset: 0, limit: AppState.vendorPageSize),
            ])
        Self.deliverWorkspaceContacts(&state)
        #expect(state.selectedContact?.contact.email == "ada@example.com")
        let opened = update(&state, .key(.enter))
        #expect(state.screen == .contact(campaignID: "default", key: Self.workspaceContacts[0].key))
        #expect(opened.count == 1)
        _ = update(&state, .key(.escape))
        #expect(update(&state, .key(.character("s"))).contains(
            .observeMatchCount(account: "lark", campaignID: "default", filter: ContactFilter(statuses: ["SUBSCRIBED"]))))
        _ = update(&state, .key(.escape))
        #expect(state.campaign?.hasFilterSet == false)
        #expect(update(&state, .key(.character("R"))) == [
            .fetchContacts(account: "lark", campaignID: "default", offset: 0, limit: AppState.vendorPageSize)
        ])
    }

    @Test func contactsDefaultOpensTheWorkspaceAndTabOffersIt() {
        var state = Self.larkCampaignsState()
        for key in [Key.character("/"), .character("s"), .character("p"), .character("r"), .enter] {
            _ = update(&state, .key(key))
        }
        _ = update(&state, .key(.character(":")))
        for character in "contacts d" { _ = update(&state, .key(.character(character))) }
        _ = update(&state, .key(.tab))
        #expect(state.editing == .command(TextField(text: "contacts default")), "offered even while the filter hides it")
        let effects = update(&state, .key(.enter))
        #expect(state.screen == .campaign(id: "default") && state.stack == [.campaigns, .campaign(id: "default")])
        #expect(effects.contains(.fetchContacts(account: "lark", campaignID: "default", offset: 0, limit: AppState.vendorPageSize)))
        #expect(state.status == nil)
        _ = update(&state, .key(.character(":")))
        _ = update(&state, .key(.character("c")))
        _ = update(&state, .key(.character("o")))
        _ = update(&state, .key(.tab))
        #expect(state.completions == ["configurations", "contacts"])
    }

    @Test(arguments: [Vendor.campaignlark, .replyio]) func newEditAndImportReachTheFormsInTheAccountsContacts(vendor: Vendor) {
        let name = vendor == .campaignlark ? "lark" : "reply"
        var state = Self.larkCampaignsState()
        if vendor == .replyio { _ = update(&state, .key(.character("]"))) }
        #expect(state.account?.name == name)
        _ = update(&state, .key(.character("w")))
        #expect(state.screen == .campaign(id: "default"))
        let title = vendor == .campaignlark ? "Workspace contacts" : "All contacts"
        _ = update(&state, .key(.character("n")))
        #expect(state.contactForm?.campaignID == "default" && state.contactForm?.campaignName == title)
        #expect(state.contactForm?.original == nil)
        state.contactForm = nil
        let contacts = Self.workspaceContacts.map { CachedContact(account: name, campaignID: "default", contact: $0.contact) }
        _ = update(&state, .contactCountObserved(account: name, campaignID: "default", contacts.count))
        _ = update(&state, .contactsObserved(account: name, campaignID: "default", offset: 0, contacts))
        _ = update(&state, .key(.character("j")))
        _ = update(&state, .key(.character("e")))
        #expect(state.contactForm?.original?.email == "zoe@example.jp" && state.contactForm?.campaignID == "default")
        state.contactForm = nil
        _ = update(&state, .key(.character("d")))
        #expect(state.removal == nil, "neither vendor documents a route that removes a contact")
        #expect(state.status == StatusMessage(text: "\(vendor.displayName) has no route that removes a contact", isError: true))
        _ = update(&state, .key(.character("i")))
        #expect(state.importFlow?.campaignID == "default" && state.importFlow?.campaignName == title)
        #expect(state.importFlow?.actions == [.upsert])
        state.importFlow = nil
        _ = update(&state, .key(.escape))
        _ = update(&state, .key(.character("i")))
        #expect(state.importFlow?.campaignID == "default", "i on the campaigns list imports into the selected row")
    }

    @Test func aCampaignLarkCampaignFetchesNothingAndPointsToTheWorkspace() {
        var state = Self.larkCampaignsState()
        _ = update(&state, .key(.character("j")))
        let effects = update(&state, .key(.enter))
        #expect(state.screen == .campaign(id: "102"))
        #expect(!effects.contains { if case .fetchContacts = $0 { true } else { false } })
        #expect(update(&state, .key(.character("R"))).isEmpty)
        let pointer = "contacts are changed in Workspace contacts: w opens them (:contacts default)"
        for key in ["n", "e", "d", "i"] {
            state.status = nil
            #expect(update(&state, .key(.character(Character(key)))).isEmpty)
            #expect(state.status == StatusMessage(text: pointer, isError: true), "\(key)")
            #expect(state.contactForm == nil && state.removal == nil && state.importFlow == nil)
        }
        _ = update(&state, .key(.escape))
        _ = update(&state, .key(.character("i")))
        #expect(state.status?.text == pointer && state.importFlow == nil, "i on a campaign row points there too")
        _ = update(&state, .key(.enter))
        let opened = update(&state, .key(.character("w")))
        #expect(state.stack == [.campaigns, .campaign(id: "default")] && state.campaignTable.selected == 0)
        #expect(opened.first == .stopObservingCampaign)
        #expect(opened.contains(.fetchContacts(account: "lark", campaignID: "default", offset: 0, limit: AppState.vendorPageSize)))
    }

    @Test func aReplyIOSequenceListsItsContactsAndPointsToAllContactsForChanges() {
        var state = Self.larkCampaignsState()
        _ = update(&state, .key(.character("]")))
        _ = update(&state, .campaignsObserved(
            account: "reply", [CachedCampaign(account: "reply", campaign: Campaign(id: "55", name: "Cold intro", state: .active), seenAt: t0)]))
        #expect(state.campaignRows.map(\.name) == ["All contacts", "Cold intro"])
        _ = update(&state, .key(.character("j")))
        let effects = update(&state, .key(.enter))
        #expect(effects.contains(.fetchContacts(account: "reply", campaignID: "55", offset: 0, limit: AppState.vendorPageSize)))
        _ = update(&state, .key(.character("n")))
        #expect(state.contactForm == nil)
        #expect(state.status?.text == "contacts are changed in All contacts: w opens them (:contacts default)")
        let enrolled = CachedContact(account: "reply", campaignID: "55", contact: Self.workspaceContacts[0].contact)
        _ = update(&state, .contactCountObserved(account: "reply", campaignID: "55", 1))
        _ = update(&state, .contactsObserved(account: "reply", campaignID: "55", offset: 0, [enrolled]))
        _ = update(&state, .key(.enter))
        #expect(state.screen == .contact(campaignID: "55", key: enrolled.key))
        _ = update(&state, .key(.character("e")))
        #expect(state.contactForm == nil && state.status?.text.hasPrefix("contacts are changed in All contacts") == true)
        _ = update(&state, .key(.character("w")))
        #expect(state.stack == [.campaigns, .campaign(id: "default")] && state.contactPane == nil)
    }

    @Test func theStatsPanelSaysTheAccountsContactsHaveNoStatusCounts() {
        var state = Self.larkCampaignsState()
        _ = update(&state, .key(.enter))
        let counts = "Workspace contacts have no status counts: CampaignLark reports none for them."
        #expect(AccountContactsNote.lines(state, campaignID: "default") == [counts], "no status to filter by yet")
        Self.deliverWorkspaceContacts(&state)
        #expect(AccountContactsNote.lines(state, campaignID: "default") == [counts, "Each contact's own status is in the table; s filters by it."])
        #expect(AccountContactsNote.lines(Fixtures.campaignState(width: 80, height: 24), campaignID: "c2") == nil)
    }

    @Test func vendorsWithoutAccountContactsKeepTheirListAndRefuseW() {
        var state = Fixtures.campaignsState(width: 80, height: 24)
        state.accounts = ChangeFixtures.accounts
        _ = update(&state, .key(.character("]")))
        #expect(state.account?.vendorName == "Replify")
        #expect(state.campaignRows.map(\.id) == ["3f2a-uuid"])
        #expect(update(&state, .key(.character("w"))).isEmpty)
        #expect(state.screen == .campaigns)
        #expect(state.status == StatusMessage(text: "Replify keeps contacts in campaigns; there are no account contacts to open", isError: true))
        _ = update(&state, .key(.enter))
        _ = update(&state, .key(.character("n")))
        #expect(state.contactForm?.campaignID == "3f2a-uuid" && state.contactForm?.note == nil)
        state.contactForm = nil
        _ = update(&state, .key(.character("i")))
        #expect(state.importFlow?.campaignID == "3f2a-uuid")
    }

    @Test(arguments: GoldenScreenTests.sizes) func campaignLarkCampaignsGolden(width: Int, height: Int) {
        expectGolden(Self.larkCampaignsState(width: width, height: height), "campaignlark-campaigns")
    }

    @Test(arguments: GoldenScreenTests.sizes) func workspaceContactsGolden(width: Int, height: Int) {
        expectGolden(Self.workspaceState(width: width, height: height), "campaignlark-workspace")
    }

    @Test(arguments: GoldenScreenTests.sizes) func campaignLarkCampaignGolden(width: Int, height: Int) {
        var state = Self.larkCampaignsState(width: width, height: height)
        _ = update(&state, .key(.character("j")))
        _ = update(&state, .key(.enter))
        _ = update(&state, .contactCountObserved(account: "lark", campaignID: "102", 0))
        expectGolden(state, "campaignlark-campaign")
    }
}
