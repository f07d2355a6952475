import HummingbirdTesting
import Testing

@testable import VendorSandbox

@Suite struct AuthenticationTests {
    @Test func missingTokenIsNotAuthenticated() async throws {
        try await withSandbox { _, client in
            let response = try await client.anyreach(.get, "/campaign/campaigns", token: nil)
            #expect(response.status == .unauthorized)
            #expect(String(buffer: response.body) == #"{"detail":"Not authenticated"}"#)
        }
    }

    @Test func unknownTokenIsInvalid() async throws {
        try await withSandbox { _, client in
            let response = try await client.anyreach(.get, "/campaign/campaigns", token: "ak_nope.nope")
            #expect(response.status == .unauthorized)
            #expect(response.detail == "Invalid token")
        }
    }

    @Test func personalTokenNeedsTheOrganizationHeader() async throws {
        try await withSandbox { _, client in
            let missing = try await client.anyreach(.get, "/campaign/campaigns", token: Tokens.personal)
            #expect(missing.status == .unauthorized)
            #expect(missing.detail == "Token is missing organization claim")

            let foreign = try await client.anyreach(
                .get, "/campaign/campaigns", token: Tokens.personal, org: "org_other")
            #expect(foreign.status == .forbidden)
            #expect(foreign.detail == "Token has no access to organization org_other")

            let member = try await client.anyreach(
                .post, "/campaign/campaigns", token: Tokens.personal, org: SandboxCredentials.Anyreach.organization,
                json: #"{"name": "By PAT"}"#)
            #expect(member.status == .ok)
        }
    }

    @Test func readOnlyKeyReadsButCannotChange() async throws {
        try await withSandbox { _, client in
            let list = try await client.anyreach(.get, "/campaign/campaigns", token: Tokens.readOnly)
            #expect(list.status == .ok)
            let create = try await client.anyreach(
                .post, "/campaign/campaigns", token: Tokens.readOnly, json: #"{"name": "Nope"}"#)
            #expect(create.status == .forbidden)
            #expect(create.detail == "Missing required scope: campaigns:manage")
            let pause = try await client.anyreach(
                .post, "/campaign/campaigns/spring-outreach/pause", token: Tokens.readOnly)
            #expect(pause.status == .forbidden)
            let upsert = try await client.anyreach(
                .post, "/campaign/campaigns/spring-outreach/contacts", token: Tokens.readOnly,
                json: #"{"contacts": []}"#)
            #expect(upsert.detail == "Missing required scope: campaigns:manage")
        }
    }

    @Test func concurrencyScopes() async throws {
        try await withSandbox { _, client in
            for token in [Tokens.org, Tokens.readOnly] {
                let read = try await client.anyreach(.get, "/campaign/concurrency-settings", token: token)
                #expect(read.status == .ok)
            }
            let denied = try await client.anyreach(
                .put, "/campaign/concurrency-settings", token: Tokens.readOnly, json: #"{"concurrency_limit": 5}"#)
            #expect(denied.status == .forbidden)
            #expect(denied.detail == "Missing required scope: concurrency:manage")
            let allowed = try await client.anyreach(
                .put, "/campaign/concurrency-settings", token: Tokens.org, json: #"{"concurrency_limit": 5}"#)
            #expect(allowed.status == .ok)
        }
    }

    @Test func timezonesNeedNoToken() async throws {
        try await withSandbox { _, client in
            let response = try await client.anyreach(.get, "/campaign/timezones", token: nil)
            #expect(response.status == .ok)
            let zones = response.json["timezones"]?.array.compactMap(\.string) ?? []
            #expect(zones.contains("America/New_York"))
            #expect(zones.contains("Europe/London"))
        }
    }

    @Test func authenticationComesBeforeLookup() async throws {
        try await withSandbox { _, client in
            let response = try await client.anyreach(.get, "/campaign/campaigns/no-such-campaign", token: nil)
            #expect(response.status == .unauthorized)
        }
    }
}
