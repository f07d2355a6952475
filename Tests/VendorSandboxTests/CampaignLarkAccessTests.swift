import HTTPTypes
import HummingbirdTesting
import Testing

@testable import VendorSandbox

@Suite struct CampaignLarkAuthenticationTests {
    @Test func missingKeyIsRefusedInTheVendorShape() async throws {
        try await withSandbox { _, client in
            let response = try await client.campaignLark(.get, "/tags", key: nil)
            #expect(response.status == .unauthorized)
            #expect(
                String(buffer: response.body)
                    == #"{"error":{"message":"Missing API key. Send it as 'Authorization: Bearer <key>'."}}"#)
            let basic = try await client.execute(
                uri: "/campaignlark/tags", method: .get, headers: [.authorization: "Basic \(LarkKeys.main)"])
            #expect(basic.status == .unauthorized)
        }
    }

    @Test func unknownKeyIsInvalid() async throws {
        try await withSandbox { _, client in
            for path in ["/tags", "/fields", "/merge-tags", "/campaigns", "/contacts/by-email?email=a%40b.c"] {
                let response = try await client.campaignLark(.get, path, key: "cl_sbx_nope")
                #expect(response.status == .unauthorized, "\(path)")
                #expect(response.larkMessage == "The API key provided is not valid.")
            }
            let upsert = try await client.campaignLark(
                .post, "/contacts/upsert", key: Tokens.org, json: #"{"email_address": "a@example.com"}"#)
            #expect(upsert.status == .unauthorized, "another vendor's key")
            let search = try await client.campaignLark(.post, "/contacts/search", key: "cl_sbx_nope", json: "{}")
            #expect(search.status == .unauthorized)
        }
    }

    @Test func aKeyActsForItsOwnWorkspaceOnly() async throws {
        try await withSandbox { _, client in
            let created = try await client.larkUpsert(
                #"{"email_address": "shared@example.com", "fields": {"first_name": "Sam"}}"#)
            #expect(created.status == .ok)
            #expect(
                try await client.larkContact("shared@example.com", key: LarkKeys.secondary)?["id"]
                    == created.json["data"]?["id"])
            let elsewhere = try await client.campaignLark(
                .get, "/contacts/by-email?email=shared%40example.com", key: LarkKeys.other)
            #expect(elsewhere.status == .notFound)

            let otherSearch = try await client.campaignLark(.post, "/contacts/search", key: LarkKeys.other, json: "{}")
            #expect(otherSearch.json["pagination"]?["total_count"]?.int == 12)
            let otherTags = try await client.campaignLark(.get, "/tags", key: LarkKeys.other)
            #expect(otherTags.json["data"]?.array.map { $0["name"]?.string } == ["beta"])
            let lenient = try await client.larkUpsert(#"{"email_address": "x@example.com"}"#, key: LarkKeys.other)
            #expect(lenient.status == .ok, "the other workspace requires no field")
            #expect(try await client.larkContact("x@example.com") == nil)
        }
    }
}

@Suite struct CampaignLarkRateLimitTests {
    @Test func past100RequestsPerSecondPerWorkspaceAnswers429WithRetryAfter() async throws {
        try await withSimulatedCampaignLark { vendor, client in
            for number in 1...100 {
                let key = number.isMultiple(of: 2) ? LarkKeys.main : LarkKeys.secondary
                let response = try await client.campaignLark(.get, "/tags", key: key)
                #expect(response.status == .ok, "request \(number)")
            }
            let limited = try await client.campaignLark(.get, "/tags", key: LarkKeys.secondary)
            #expect(limited.status == .tooManyRequests, "both keys count against one workspace")
            #expect(limited.headers[.retryAfter] == "1")
            #expect(limited.larkMessage == "Too many requests: the limit is 100 per second per workspace.")
            let upsert = try await client.larkUpsert(
                #"{"email_address": "late@example.com", "fields": {"first_name": "L"}}"#)
            #expect(upsert.status == .tooManyRequests)

            let other = try await client.campaignLark(.get, "/tags", key: LarkKeys.other)
            #expect(other.status == .ok, "another workspace has its own limit")

            await vendor.advance(by: 0.5)
            #expect(try await client.campaignLark(.get, "/tags").status == .tooManyRequests)
            await vendor.advance(by: 0.5)
            #expect(try await client.campaignLark(.get, "/tags").status == .ok, "the window has moved on")
            #expect(
                try await client.larkUpsert(#"{"email_address": "late@example.com", "fields": {"first_name": "L"}}"#)
                    .status == .ok)
            #expect(try await client.larkContact("late@example.com") != nil)
        }
    }

    @Test func resetEmptiesTheWindow() async throws {
        try await withSimulatedCampaignLark { vendor, client in
            for _ in 1...100 { _ = try await client.campaignLark(.get, "/fields") }
            #expect(try await client.campaignLark(.get, "/fields").status == .tooManyRequests)
            await vendor.reset()
            #expect(try await client.campaignLark(.get, "/fields").status == .ok)
        }
    }

    @Test func injectedFaultsUseTheVendorsErrorShape() async throws {
        try await withSandbox(.testing(faults: try FaultSpec(parsing: "429:1.0"))) { _, client in
            let response = try await client.campaignLark(.get, "/tags")
            #expect(response.status == .tooManyRequests)
            #expect(response.headers[.retryAfter] == "1")
            #expect(String(buffer: response.body) == #"{"error":{"message":"Too Many Requests (injected)"}}"#)
        }
    }
}
