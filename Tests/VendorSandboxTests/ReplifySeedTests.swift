import Foundation
import HummingbirdTesting
import Testing

@testable import VendorSandbox

/// The seeded Replify account, its place in `/_sandbox/state`, reset, faults and the accounts file.
@Suite struct ReplifySeedTests {
    @Test func sameSeedSameDataOtherSeedOtherData() throws {
        let encoder = JSONAnswer.encoder()
        let first = try encoder.encode(ReplifySnapshot(ReplifySeed.state(seed: 1)))
        #expect(first == (try encoder.encode(ReplifySnapshot(ReplifySeed.state(seed: 1)))))
        #expect(first != (try encoder.encode(ReplifySnapshot(ReplifySeed.state(seed: 2)))))
    }

    @Test(arguments: [1, 2, 99] as [UInt64])
    func seededAccountMatchesTheCredentials(seed: UInt64) {
        let state = ReplifySeed.state(seed: seed)
        let credentials = SandboxCredentials.Replify.self
        #expect(state.campaigns.map(\.id) == credentials.campaigns + [credentials.foreignCampaign])
        #expect(state.apiKeys.map(\.key) == [credentials.apiKey, credentials.limitedKey])
        #expect(Set(credentials.limitedCampaigns).isStrictSubset(of: credentials.campaigns))
        for campaign in state.campaigns {
            #expect(!campaign.contacts.isEmpty)
            #expect(UUID(uuidString: campaign.id) != nil)
            let emails = campaign.contacts.compactMap(\.email)
            let phones = campaign.contacts.compactMap(\.phone)
            #expect(Set(emails).count == emails.count, "identifiers are unique in a campaign")
            #expect(Set(phones).count == phones.count)
            for contact in campaign.contacts {
                #expect(contact.email != nil || contact.phone != nil)
                #expect(contact.email.map { ReplifyIdentifiers.email($0) == $0 } ?? true)
                #expect(contact.phone.map { ReplifyIdentifiers.phone($0) == $0 } ?? true)
            }
        }
    }

    @Test func namesIncludeAccentsCJKAndEmoji() {
        let names = ReplifySeed.state(seed: 5).campaigns.flatMap(\.contacts).compactMap(\.firstName)
        for expected in ["Zoë", "王芳", "Ana 🌻"] { #expect(names.contains(expected), "\(expected)") }
        let emails = ReplifySeed.state(seed: 5).campaigns[0].contacts.compactMap(\.email)
        #expect(emails.allSatisfy { $0.allSatisfy(\.isASCII) })
    }

    @Test func stateShowsReplifyAndResetRestoresTheSeed() async throws {
        try await withSandbox { _, client in
            let seeded = try await client.execute(uri: "/_sandbox/state", method: .get)
            let replify = try #require(seeded.json["replify"])
            #expect(replify.keys == ["apiKeys", "campaigns", "calls"])
            #expect(replify["campaigns"]?[0]?["id"]?.string == Replify.campaign)
            #expect(replify["campaigns"]?[0]?["contacts"]?.array.count == ReplifySeed.contactCounts[0])
            #expect(replify["campaigns"]?[0]?["contacts"]?[0]?["firstName"]?.string == "Zoë")

            _ = try await client.replifyContacts([#"{"email": "temp@example.com"}"#])
            _ = try await client.replify(
                "/outbound/call",
                body:
                    #"{"agentId": "5b0e7c3a-2f4d-4e6b-8a9c-1d2e3f4a5b6c", "contact": {"phoneNumber": "+15551234567"}, "callInstructions": "x"}"#
            )
            let changed = try await client.execute(uri: "/_sandbox/state", method: .get).json["replify"]
            #expect(changed != replify)
            _ = try await client.execute(uri: "/_sandbox/reset", method: .post)
            let after = try await client.execute(uri: "/_sandbox/state", method: .get).json["replify"]
            #expect(after == replify)
        }
    }

    @Test func seededContactsAnswerToTheirIdentifiers() async throws {
        try await withSandbox { _, client in
            let seeded = ReplifySeed.state(seed: SandboxOptions.testing().seed).campaigns[0].contacts
            let known = try #require(seeded.first { $0.email != nil && $0.phone != nil })
            let response = try await client.replifyContacts(
                [#"{"email": "\#(known.email!)", "phone": "+\#(known.phone!)"}"#], action: "updateOnly")
            #expect(response.json["success"]?[0]?["action"]?.string == "updated")
        }
    }

    @Test func injectedFaultsUseReplifysErrorShape() async throws {
        try await withSandbox(.testing(faults: try FaultSpec(parsing: "503:1"))) { _, client in
            let response = try await client.replifyContacts([#"{"email": "a@example.com"}"#])
            #expect(response.status == .serviceUnavailable)
            #expect(
                String(buffer: response.body)
                    == #"{"code":"SERVICE_UNAVAILABLE","message":"Service Unavailable (injected)"}"#)
        }
    }

    @Test func accountsFileHasTheReplifyAccount() {
        let file = Sandbox(options: .testing(), logger: quietLogger).accountsFile(host: "0.0.0.0", port: 8089)
        let campaigns = SandboxCredentials.Replify.campaigns.map { "\"\($0)\"" }.joined(separator: ", ")
        #expect(
            file.contains(
                """
                [accounts.sandbox-replify]
                vendor = "replify"
                base_url = "http://127.0.0.1:8089/replify"
                token = "\(SandboxCredentials.Replify.apiKey)"
                campaigns = [\(campaigns)]

                """))
    }
}
