import Foundation
import HummingbirdTesting
import Testing

@testable import VendorSandbox

@Suite struct CampaignLarkSeedTests {
    @Test func sameSeedSameDataOtherSeedOtherData() throws {
        let encoder = JSONAnswer.encoder()
        let first = try encoder.encode(CampaignLarkSnapshot(CampaignLarkSeed.state(seed: 1)))
        #expect(try encoder.encode(CampaignLarkSnapshot(CampaignLarkSeed.state(seed: 1))) == first)
        #expect(try encoder.encode(CampaignLarkSnapshot(CampaignLarkSeed.state(seed: 2))) != first)
    }

    @Test func mainWorkspaceHasEveryKindOfRecord() throws {
        let workspace = try #require(CampaignLarkSeed.state(seed: 1).workspaces.first)
        #expect(workspace.id == SandboxCredentials.CampaignLark.workspace)
        #expect(workspace.contacts.count == 300)
        #expect(Set(workspace.contacts.map(\.status)) == Set(CampaignLark.ContactStatus.allCases))
        #expect(Set(workspace.campaigns.map(\.status)) == Set(CampaignLark.CampaignStatus.allCases))
        #expect(Set(workspace.fields.map(\.type)) == Set(CampaignLark.FieldType.allCases))
        #expect(workspace.fields.filter(\.required).map(\.mergeTag) == ["first_name"])
        let emails = workspace.contacts.map { CampaignLark.Contact.matchKey($0.emailAddress) }
        #expect(Set(emails).count == 300, "emails are unique")
        #expect(Set(workspace.contacts.map(\.id)).count == 300)
        #expect(workspace.contacts.contains { $0.tagIDs.isEmpty })
        #expect(workspace.contacts.contains { $0.tagIDs.count >= 2 })
        #expect(workspace.contacts.filter { $0.status == .bounced }.allSatisfy { $0.statistics.totalBounces > 0 })
    }

    @Test func namesIncludeAccentsCJKEmojiAndHostileStrings() throws {
        let contacts = CampaignLarkSeed.state(seed: 1).workspaces[0].contacts
        let names = contacts.compactMap { contact -> String? in
            guard case .string(let first) = contact.fields["first_name"],
                case .string(let last) = contact.fields["last_name"]
            else { return nil }
            return first + " " + last
        }
        #expect(names.count == 300)
        #expect(names.contains { $0.unicodeScalars.contains { (0x00C0...0x024F).contains($0.value) } }, "accents")
        #expect(names.contains { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }, "CJK")
        #expect(names.contains { $0.unicodeScalars.contains { $0.properties.isEmojiPresentation } }, "emoji")
        #expect(names.contains { $0.hasPrefix("Eve\u{1b}[31m") })
        #expect(contacts.allSatisfy { $0.emailAddress.allSatisfy(\.isASCII) })
    }

    @Test func stateShowsCampaignLarkAndResetRestoresIt() async throws {
        try await withSandbox { _, client in
            let seeded = try await client.execute(uri: "/_sandbox/state", method: .get)
            let lark = try #require(seeded.json["campaignlark"])
            #expect(lark.keys == ["simulated_time", "workspaces"])
            #expect(
                lark["workspaces"]?.array.map { $0["id"]?.string } == [
                    SandboxCredentials.CampaignLark.workspace, SandboxCredentials.CampaignLark.otherWorkspace,
                ])
            #expect(lark["workspaces"]?[0]?["contacts"]?.array.count == 300)
            #expect(!String(buffer: seeded.body).contains(SandboxCredentials.CampaignLark.apiKey), "keys stay out")

            _ = try await client.larkUpsert(#"{"email_address": "temp@example.com", "fields": {"first_name": "T"}}"#)
            let changed = try await client.execute(uri: "/_sandbox/state", method: .get)
            #expect(changed.json["campaignlark"] != lark)
            #expect(try await client.execute(uri: "/_sandbox/reset", method: .post).status == .ok)
            let after = try await client.execute(uri: "/_sandbox/state", method: .get)
            #expect(after.json["campaignlark"] == lark)
            #expect(try await client.larkContact("temp@example.com") == nil)
        }
    }

    @Test func accountsFileHasTheCampaignLarkAccount() {
        let sandbox = Sandbox(options: .testing(), logger: quietLogger)
        let file = sandbox.accountsFile(host: "0.0.0.0", port: 8089)
        #expect(
            file.contains(
                """
                [accounts.sandbox-campaignlark]
                vendor = "campaignlark"
                base_url = "http://127.0.0.1:8089/campaignlark"
                token = "\(SandboxCredentials.CampaignLark.apiKey)"

                """))
    }
}
