import Foundation
import Testing
import VendorSandbox

@testable import SwitchboardCore

/// The Anyreach client against the live sandbox over loopback HTTP: every route,
/// the documented examples, pagination, chunking and each error path.
@Suite struct AnyreachSandboxTests {
    typealias Credentials = SandboxCredentials.Anyreach

    @Test func campaignLifecycleRoutes() async throws {
        try await withLiveSandbox { base, transport in
            let client = try AnyreachClient(account: Credentials.account(base), transport: transport)
            let configuration = try await client.createConfiguration(
                AnyreachConfigurationInput(name: "UK weekdays", defaultTimezone: "Europe/London", retryLimit: 1, defaultCountryCode: "+44"))
            var campaign = try await client.createCampaign(
                AnyreachCampaignInput(name: "Spring outreach", externalID: "docs-outreach", configurationID: configuration.id))
            #expect(campaign.status == .active)
            #expect(campaign.externalID == "docs-outreach")
            #expect(campaign.configurationID == configuration.id)

            #expect(try await client.campaign("docs-outreach").id == campaign.id)
            #expect(try await client.campaign(campaign.id).name == "Spring outreach")

            campaign = try await client.updateCampaign("docs-outreach", AnyreachCampaignInput(name: "Spring outreach 2"))
            #expect(campaign.name == "Spring outreach 2")

            #expect(try await client.pauseCampaign(campaign.id).status == .paused)
            #expect(try await client.startCampaign("docs-outreach").status == .active)
            #expect(try await client.closeCampaign(campaign.id).status == .closed)

            let wrongState = await #expect(throws: VendorError.self) { try await client.startCampaign(campaign.id) }
            #expect(wrongState?.status == 400)
            #expect(wrongState?.message.isEmpty == false)

            let closedUpsert = await #expect(throws: VendorError.self) {
                try await client.upsertContacts(campaign: campaign.id, [AnyreachContactInput(phoneNumbers: ["+447700900123"])])
            }
            #expect(closedUpsert?.status == 400)
        }
    }

    @Test func documentedExamplesAreAccepted() async throws {
        try await withLiveSandbox { base, transport in
            let client = try AnyreachClient(account: Credentials.account(base, token: Credentials.personalToken, org: Credentials.organization), transport: transport)
            let campaign = try await client.createCampaign(AnyreachCampaignInput(name: "Docs", externalID: "docs-outreach"))
            for name in ["request.bulk-add.json", "request.contact-with-overrides.json"] {
                let body = try JSONCoding.decode(AnyreachUpsertBody.self, from: try VendorExamples.bytes("anyreach", name))
                let answer = try await client.upsertContacts(campaign: "docs-outreach", body.contacts)
                #expect(answer.inserted == body.contacts.count, "\(name)")
                #expect(answer.failed.isEmpty)
                #expect(answer.contactIDs.count == body.contacts.count)
            }
            // agent_config, an API-only override: stored as sent, read back, kept by an upsert without it.
            let config = JSONValue.object(["voice": .string("alloy"), "temperature": .number(0.4)])
            let neutral = Contact(
                externalID: "crm-4821", phoneNumbers: ["+14155550101", "+14155550102"],
                data: ["agent_config": config, "plan": .string("pro")])
            let withConfig = try await client.upsertContacts(campaign: "docs-outreach", [AnyreachContactInput(neutral: neutral)])
            #expect(withConfig.updated == 1)
            let configured = try await client.contact(campaign: campaign.id, id: "crm-4821")
            #expect(configured.agentConfig == config)
            #expect(configured.neutral.data["agent_config"] == config)
            #expect(configured.data["agent_config"] == nil, "a top-level column, not data")
            let without = Contact(externalID: "crm-4821", phoneNumbers: ["+14155550101", "+14155550102"])
            _ = try await client.upsertContacts(campaign: "docs-outreach", [AnyreachContactInput(neutral: without)])
            #expect(try await client.contact(campaign: campaign.id, id: "crm-4821").agentConfig == config)
            let dana = try await client.contact(campaign: campaign.id, id: "crm-4821")
            #expect(dana.phoneNumbers == ["+14155550101", "+14155550102"])
            #expect(dana.timezone == "America/Los_Angeles")
            #expect(dana.initialContext == "Renewal due next week.")
            #expect(dana.data["plan"] == .string("pro"))
            #expect(dana.status == .pending)

            // Sending the same external ids again updates rather than inserts.
            let again = try JSONCoding.decode(AnyreachUpsertBody.self, from: try VendorExamples.bytes("anyreach", "request.bulk-add.json"))
            let second = try await client.upsertContacts(campaign: "docs-outreach", again.contacts)
            #expect(second.inserted == 0)
            #expect(second.updated == 2)

            let stats = try await client.stats(campaign: campaign.id)
            #expect(stats.campaignID == campaign.id)
            #expect(stats.contacts["total"] == 3)
            #expect(stats.contacts["pending"] == 3)
            #expect(stats.concurrencyLimit == 10)
            let byExternal = await #expect(throws: VendorError.self) { try await client.stats(campaign: "docs-outreach") }
            #expect(byExternal?.status == 404)
        }
    }

    @Test func contactRoutesAndDefaultCampaign() async throws {
        try await withLiveSandbox { base, transport in
            let client = try AnyreachClient(account: Credentials.account(base), transport: transport)
            let campaign = try await client.createCampaign(AnyreachCampaignInput(name: "Contacts"))
            let answer = try await client.upsertContacts(
                campaign: campaign.id,
                [
                    AnyreachContactInput(externalID: "a", phoneNumbers: ["(415) 555-0123"], data: ["first_name": .string("Zoë")]),
                    AnyreachContactInput(externalID: "b", phoneNumbers: ["+44 7700 900123"]),
                    AnyreachContactInput(externalID: "c", phoneNumbers: []),
                ])
            #expect(answer.inserted == 2)
            #expect(answer.failed.map(\.index) == [2])
            let a = try await client.contact(campaign: campaign.id, id: "a")
            #expect(a.phoneNumbers == ["+14155550123"])
            #expect(a.data["first_name"] == .string("Zoë"))
            #expect(try await client.contact(campaign: campaign.id, id: a.id).externalID == "a")

            let page = try await client.listContacts(campaign: campaign.id, limit: 1, offset: 1)
            #expect(page.total == 2)
            #expect(page.limit == 1)
            #expect(page.offset == 1)
            #expect(page.contacts.count == 1)
            #expect(try await client.listContacts(campaign: campaign.id, status: .completed).total == 0)

            try await client.deleteContact(campaign: campaign.id, id: "a")
            let gone = await #expect(throws: VendorError.self) { try await client.contact(campaign: campaign.id, id: "a") }
            #expect(gone?.status == 404)

            let adHoc = try await client.upsertContacts(campaign: "default", [AnyreachContactInput(externalID: "solo", phoneNumbers: ["+14155550177"])])
            #expect(adHoc.inserted == 1)
            #expect(try await client.contact(campaign: "default", id: "solo").phoneNumbers == ["+14155550177"])
            let national = await #expect(throws: VendorError.self) {
                try await client.upsertContacts(campaign: "default", [AnyreachContactInput(phoneNumbers: ["4155550177"])])
            }
            #expect(national?.status == 422)
        }
    }

    @Test func unparseableNumbersFailTheWholeRequest() async throws {
        try await withLiveSandbox { base, transport in
            let client = try AnyreachClient(account: Credentials.account(base), transport: transport)
            let campaign = try await client.createCampaign(AnyreachCampaignInput(name: "Bad numbers"))
            let error = await #expect(throws: VendorError.self) {
                try await client.upsertContacts(
                    campaign: campaign.id,
                    [AnyreachContactInput(phoneNumbers: ["+14155550123"]), AnyreachContactInput(phoneNumbers: ["call me"])])
            }
            #expect(error?.status == 422)
            #expect(error?.message.contains("call me") == true)
            #expect(try await client.listContacts(campaign: campaign.id).total == 0)
        }
    }

    @Test func paginationToTheEnd() async throws {
        try await withLiveSandbox(contacts: 300) { base, transport in
            let client = try AnyreachClient(account: Credentials.account(base), transport: transport)
            let firstPage = try await client.listCampaigns()
            let everything = try await client.allCampaigns(pageSize: 2)
            #expect(everything.count >= firstPage.campaigns.count)
            #expect(Set(everything.map(\.id)).count == everything.count)
            let pages = transport.requests.filter { $0.url.contains("limit=2") }.count
            #expect(pages == (everything.count + 1) / 2 || pages == everything.count / 2 + 1)

            let active = try await client.allCampaigns(statuses: [.active])
            #expect(active.allSatisfy { $0.status == .active })
            let activeOrPaused = try await client.allCampaigns(statuses: [.active, .paused])
            #expect(activeOrPaused.count > active.count)

            let busiest = try await withThrowingTaskGroup(of: (String, Int).self) { group in
                for campaign in everything {
                    group.addTask { (campaign.id, try await client.listContacts(campaign: campaign.id, limit: 1).total) }
                }
                return try await group.reduce(into: [(String, Int)]()) { $0.append($1) }.max { $0.1 < $1.1 }!
            }
            let contacts = try await client.allContacts(campaign: busiest.0, pageSize: 7)
            #expect(contacts.count == busiest.1)
            #expect(Set(contacts.map(\.id)).count == busiest.1)
        }
    }

    @Test func upsertOf2500IsThreeRequests() async throws {
        try await withLiveSandbox { base, transport in
            let client = try AnyreachClient(account: Credentials.account(base), transport: transport)
            let campaign = try await client.createCampaign(AnyreachCampaignInput(name: "Big"))
            let contacts = (0..<2500).map {
                AnyreachContactInput(externalID: "bulk-\($0)", phoneNumbers: [String(format: "+1415%07d", $0)])
            }
            let answer = try await client.upsertContacts(campaign: campaign.id, contacts)
            let posts = transport.requests.filter { $0.method == .POST && $0.url.hasSuffix("/contacts") }
            #expect(posts.count == 3)
            #expect(answer.inserted == 2500)
            #expect(answer.contactIDs.count == 2500)
            #expect(try await client.listContacts(campaign: campaign.id, limit: 1).total == 2500)
        }
    }

    @Test func configurationsTimezonesConcurrency() async throws {
        try await withLiveSandbox { base, transport in
            let client = try AnyreachClient(account: Credentials.account(base), transport: transport)
            let created = try await client.createConfiguration(
                AnyreachConfigurationInput(
                    name: "Nights", defaultWindows: [AnyreachWindow(days: ["fri"], start: "22:00", end: "02:00")], retryLimit: 3))
            #expect(created.retryLimit == 3)
            #expect(created.defaultTimezone == "America/New_York")
            #expect(created.defaultWindows == [AnyreachWindow(days: ["fri"], start: "22:00", end: "02:00")])
            #expect(try await client.configuration(created.id).name == "Nights")
            #expect(try await client.listConfigurations().contains { $0.id == created.id })
            let updated = try await client.updateConfiguration(created.id, AnyreachConfigurationInput(defaultCountryCode: "+44"))
            #expect(updated.defaultCountryCode == "+44")
            #expect(updated.name == "Nights")

            let campaign = try await client.createCampaign(AnyreachCampaignInput(name: "Uses it", configurationID: created.id))
            let inUse = await #expect(throws: VendorError.self) { try await client.deleteConfiguration(created.id) }
            #expect(inUse?.status == 409)
            _ = try await client.updateCampaign(campaign.id, AnyreachCampaignInput(configurationID: try await client.createConfiguration(AnyreachConfigurationInput(name: "Other")).id))
            try await client.deleteConfiguration(created.id)
            let gone = await #expect(throws: VendorError.self) { try await client.configuration(created.id) }
            #expect(gone?.status == 404)

            let zones = try await client.timezones()
            #expect(zones.contains("America/New_York"))
            #expect(zones.contains("Europe/London"))

            #expect(try await client.concurrency().concurrencyLimit == 10)
            #expect(try await client.setConcurrency(25).concurrencyLimit == 25)
            #expect(try await client.concurrency().concurrencyLimit == 25)
            await #expect(throws: VendorError.self) { try await client.setConcurrency(10_001) }
        }
    }

    @Test func errorPathsAreTypedWithTheVendorsMessage() async throws {
        try await withLiveSandbox { base, transport in
            let wrongToken = try AnyreachClient(account: Credentials.account(base, token: "ak_nope.nope"), transport: transport)
            let unauthorized = await #expect(throws: VendorError.self) { try await wrongToken.listCampaigns() }
            #expect(unauthorized?.status == 401)
            #expect(unauthorized?.message == "Invalid token")

            // A personal token sent without its organization header.
            let bare = VendorConnection(
                baseURL: base + "/anyreach", transport: transport,
                headers: [("Authorization", "Bearer \(Credentials.personalToken)")],
                errorMessage: AnyreachErrorBody.message(status:body:))
            let noOrg = await #expect(throws: VendorError.self) {
                try await bare.json(.GET, ["campaign", "campaigns"], as: AnyreachCampaignPage.self)
            }
            #expect(noOrg == .http(status: 401, message: "Token is missing organization claim", retryAfter: nil))

            let readOnly = try AnyreachClient(account: Credentials.account(base, token: Credentials.readOnlyKey), transport: transport)
            #expect(try await readOnly.listCampaigns().campaigns.isEmpty == false)
            let forbidden = await #expect(throws: VendorError.self) {
                try await readOnly.createCampaign(AnyreachCampaignInput(name: "nope"))
            }
            #expect(forbidden?.status == 403)
            #expect(forbidden?.message.contains("campaigns:manage") == true)

            let client = try AnyreachClient(account: Credentials.account(base), transport: transport)
            let missing = await #expect(throws: VendorError.self) { try await client.campaign("no-such-campaign") }
            #expect(missing == .http(status: 404, message: "Campaign not found", retryAfter: nil))

            let overLimit = await #expect(throws: VendorError.self) {
                try await client.connection.json(.GET, ["campaign", "campaigns"], query: [("limit", "500")], as: AnyreachCampaignPage.self)
            }
            #expect(overLimit?.status == 400)
            #expect(overLimit?.message.contains("limit") == true)

            let duplicate = try await client.createCampaign(AnyreachCampaignInput(name: "Dup", externalID: "dup"))
            let conflict = await #expect(throws: VendorError.self) {
                try await client.createCampaign(AnyreachCampaignInput(name: "Dup again", externalID: duplicate.externalID))
            }
            #expect(conflict?.status == 409)
        }
    }

    @Test func neutralProtocolOverTheSandbox() async throws {
        try await withLiveSandbox { base, transport in
            let client: any VendorClient = try VendorRegistry.client(for: Credentials.account(base), transport: transport)
            #expect(client.capabilities.contains(.listCampaigns))
            #expect(client.capabilities.contains(.stats))
            #expect(!client.capabilities.contains(.updateOnly))
            #expect(client.maxContactsPerRequest == 1000)
            let campaigns = try await client.campaigns(nameContains: nil, states: [.active])
            #expect(!campaigns.isEmpty)
            let target = try await client.perform(.pause, campaignID: campaigns[0].id)
            #expect(target.state == .paused)
            let report = try await client.upsert(
                UpsertRequest(
                    campaignID: target.id,
                    contacts: [
                        Contact(externalID: "n1", firstName: "José", phoneNumbers: ["+14155550101"]),
                        Contact(externalID: "n2", phoneNumbers: []),
                    ]))
            #expect(report.outcomes.count == 2)
            #expect(report.outcomes[0].result == .created)
            #expect(report.outcomes[0].vendorID != nil)
            guard case .failed(let reason) = report.outcomes[1].result else {
                Issue.record("contact without a phone should fail alone")
                return
            }
            #expect(!reason.isEmpty)
            let fetched = try await client.contact(campaignID: target.id, contactID: "n1")
            #expect(fetched.firstName == "José")
            #expect(fetched.status?.normalized == .pending)

            let counts = try await client.stats(campaignID: target.id)
            #expect(counts.total == (counts.byStatus.values.reduce(0, +)))

            let removed = try await client.upsert(
                UpsertRequest(campaignID: target.id, action: .remove, contacts: [Contact(externalID: "n1"), Contact(externalID: "n1")]))
            #expect(removed.outcomes.map(\.result) == [.removed, .ignored(reason: "Contact not found")])

            let page = try await client.contacts(campaignID: target.id, status: nil, limit: 5, offset: 0)
            #expect(page.contacts.count <= 5)
        }
    }
}
