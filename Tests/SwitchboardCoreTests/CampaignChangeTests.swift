import Foundation
import Testing
import VendorSandbox

@testable import SwitchboardCore

/// Campaign create, update and lifecycle changes through the journal and the sync engine,
/// against the live sandbox with the real Anyreach client; and `readonly` in the accounts file.
@Suite struct CampaignChangeTests {
    /// The sandbox's campaigns with an external id, from `GET /_sandbox/state`.
    struct SandboxCampaigns: Decodable {
        struct Anyreach: Decodable { let campaigns: [Stored] }
        struct Stored: Decodable {
            let name: String
            let status: String
            let externalID: String?
            let configurationID: String?

            enum CodingKeys: String, CodingKey {
                case name, status
                case externalID = "external_id"
                case configurationID = "configuration_id"
            }
        }
        let anyreach: Anyreach
    }

    func campaigns(_ base: String, _ transport: CountingTransport, externalID: String) async throws
        -> [SandboxCampaigns.Stored]
    {
        let answer = try await transport.send(HTTPRequest(method: .GET, url: base + "/_sandbox/state", timeout: .seconds(30)))
        return try JSONDecoder().decode(SandboxCampaigns.self, from: Data(answer.body)).anyreach.campaigns
            .filter { $0.externalID == externalID }
    }

    @Test func createIsJournaledAndNeverMadeTwiceThenUpdateAndPause() async throws {
        try await withLiveSandbox { base, transport in
            let account = SandboxCredentials.Anyreach.account(base)
            let client = try AnyreachClient(account: account, transport: transport)
            let configuration = try #require(try await client.configurations().first)
            #expect(try await client.concurrencyLimit().limit >= 1)
            try await withTemporaryStore { store, _ in
                let engine = SyncEngine(store: store, client: client)
                let draft = CampaignDraft(name: "Fall drive", externalID: "fall-25", configurationID: configuration.id)
                let created = try await engine.submit(
                    Change(account: account.name, campaignID: "fall-25", action: .createCampaign, campaign: draft))
                #expect(created.state == .done && created.contactCount == 0)
                #expect(try await store.journal.entry(created.id!)?.campaign == draft, "the draft is journaled")
                // A second send of the same create (a replay after a lost answer) finds it.
                let again = try await engine.submit(
                    Change(account: account.name, campaignID: "fall-25", action: .createCampaign, campaign: draft))
                #expect(again.state == .done)
                let stored = try await campaigns(base, transport, externalID: "fall-25")
                #expect(stored.count == 1)
                #expect(stored.first?.name == "Fall drive" && stored.first?.configurationID == configuration.id)

                let renamed = try await engine.submit(
                    Change(
                        account: account.name, campaignID: "fall-25", action: .updateCampaign,
                        campaign: CampaignDraft(name: "Fall drive 2")))
                #expect(renamed.state == .done)
                let paused = try await engine.submit(Change(account: account.name, campaignID: "fall-25", action: .pause))
                #expect(paused.state == .done)
                let after = try await campaigns(base, transport, externalID: "fall-25")
                #expect(after.map(\.name) == ["Fall drive 2"] && after.map(\.status) == ["paused"])

                let anonymous = try await engine.submit(
                    Change(account: account.name, campaignID: "", action: .createCampaign, campaign: CampaignDraft(name: "x")))
                #expect(anonymous.state == .failed)
                #expect(anonymous.reason?.contains("external id") == true)
            }
        }
    }

    @Test func readonlyIsABooleanWithItsLineOnError() throws {
        let text = "[accounts.x]\nvendor = \"anyreach\"\ntoken_env = \"T\"\nreadonly = true\n"
        let file = try AccountsFile.parse(text, path: "/etc/sb.toml", fileMode: 0o600, environment: ["T": "v"])
        #expect(file.accounts[0].readonly)
        let plain = try AccountsFile.parse(
            "[accounts.x]\nvendor = \"anyreach\"\ntoken_env = \"T\"\n", path: "/etc/sb.toml", fileMode: 0o600,
            environment: ["T": "v"])
        #expect(plain.accounts[0].readonly == false)
        let error = #expect(throws: ConfigError.self) {
            try AccountsFile.parse(
                "[accounts.x]\nvendor = \"anyreach\"\ntoken_env = \"T\"\nreadonly = \"yes\"\n", path: "/etc/sb.toml",
                fileMode: 0o600, environment: ["T": "v"])
        }
        #expect(error?.description == "/etc/sb.toml:4: accounts.x.readonly: must be true or false")
    }
}
