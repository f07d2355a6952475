import HummingbirdTesting
import Testing

@testable import VendorSandbox

/// `x-api-key` on both routes: missing, wrong, a campaign out of the key's reach, unknown campaigns.
@Suite struct ReplifyAuthenticationTests {
    @Test func missingAndWrongKeysAreForbidden() async throws {
        try await withSandbox { _, client in
            let missing = try await client.replify(Replify.contacts(), key: nil, body: #"{"contacts": []}"#)
            #expect(missing.status == .forbidden)
            #expect(String(buffer: missing.body) == #"{"code":"FORBIDDEN","message":"API key is required"}"#)
            let empty = try await client.replify(Replify.contacts(), key: "", body: #"{"contacts": []}"#)
            #expect(empty.json["message"]?.string == "API key is required")
            let wrong = try await client.replify(Replify.contacts(), key: "nope", body: #"{"contacts": []}"#)
            #expect(String(buffer: wrong.body) == #"{"code":"FORBIDDEN","message":"Invalid API key provided"}"#)
        }
    }

    @Test func keyIsCheckedBeforeTheCampaignAndTheBody() async throws {
        try await withSandbox { _, client in
            let unknownCampaign = try await client.replify(
                Replify.contacts("00000000-0000-4000-8000-000000000000"), key: "nope", body: "{")
            #expect(unknownCampaign.json["message"]?.string == "Invalid API key provided")
            let badBody = try await client.replify(Replify.contacts(Replify.foreignCampaign), body: "{")
            #expect(badBody.json["message"]?.string == "You are not authorized to access this campaign")
        }
    }

    @Test func limitedKeyReachesOnlyItsCampaigns() async throws {
        try await withSandbox { _, client in
            let own = try await client.replifyContacts(
                [#"{"email": "lim@example.com"}"#], campaign: Replify.campaign, key: Replify.limitedKey)
            #expect(own.status == .ok)
            #expect(own.json["success"]?[0]?["action"]?.string == "created")
            for campaign in [Replify.otherCampaign, Replify.foreignCampaign] {
                let denied = try await client.replifyContacts(
                    [#"{"email": "lim@example.com"}"#], campaign: campaign, key: Replify.limitedKey)
                #expect(denied.status == .forbidden)
                #expect(
                    String(buffer: denied.body)
                        == #"{"code":"FORBIDDEN","message":"You are not authorized to access this campaign"}"#)
            }
            #expect(try await client.replifyStoredContacts(Replify.otherCampaign).count == 8, "nothing stored")
        }
    }

    @Test func unknownCampaignIsNotFoundWhateverTheIdLooksLike() async throws {
        try await withSandbox { _, client in
            for id in ["00000000-0000-4000-8000-000000000000", "not-a-uuid"] {
                let response = try await client.replify(Replify.contacts(id), body: #"{"contacts": []}"#)
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body) == #"{"code":"NOT_FOUND","message":"Campaign not found"}"#)
            }
        }
    }

    @Test func campaignIdsMatchInAnyCase() async throws {
        try await withSandbox { _, client in
            let response = try await client.replifyContacts(
                [#"{"email": "case@example.com"}"#], campaign: Replify.campaign.uppercased())
            #expect(response.status == .ok)
        }
    }

    @Test func outboundCallNeedsAKnownKey() async throws {
        try await withSandbox { _, client in
            let missing = try await client.replify("/outbound/call", key: nil, body: "{}")
            #expect(missing.status == .forbidden)
            #expect(missing.json["message"]?.string == "API key is required")
            let wrong = try await client.replify("/outbound/call", key: "nope", body: "{}")
            #expect(wrong.json["message"]?.string == "Invalid API key provided")
        }
    }
}
