import Foundation
import HummingbirdTesting
import Testing

@testable import VendorSandbox

@Suite struct SettingsTests {
    @Test func concurrencyDefaultsToTenAndIsBounded() async throws {
        try await withSandbox { _, client in
            let initial = try await client.anyreach(.get, "/campaign/concurrency-settings")
            #expect(initial.json == .object(["concurrency_limit": .number(10), "active_calls": .number(0)]))
            for limit in [0, 10_001] {
                let refused = try await client.anyreach(
                    .put, "/campaign/concurrency-settings", json: #"{"concurrency_limit": \#(limit)}"#)
                #expect(refused.status == .badRequest)
            }
            let changed = try await client.anyreach(
                .put, "/campaign/concurrency-settings", token: Tokens.personal,
                org: SandboxCredentials.Anyreach.organization,
                json: #"{"concurrency_limit": 10000}"#)
            #expect(changed.json["concurrency_limit"]?.int == 10_000)
            let read = try await client.anyreach(.get, "/campaign/concurrency-settings")
            #expect(read.json["concurrency_limit"]?.int == 10_000)
        }
    }

    @Test func statsHaveTheDocumentedShapeAndResolveByUUIDOnly() async throws {
        try await withSandbox { _, client in
            let example = try DocumentedExample.text("response.stats.json")
            let documented = try JSONDecoder().decode(JSONValue.self, from: Data(example.utf8))
            let campaign = try await client.anyreach(.get, "/campaign/campaigns/holiday-2025")
            let id = try #require(campaign.json["id"]?.string)

            let stats = try await client.anyreach(.get, "/campaign/campaigns/\(id)/stats")
            #expect(stats.status == .ok)
            #expect(stats.json.keys == documented.keys)
            #expect(stats.json["contacts"]?.keys.isSuperset(of: documented["contacts"]?.keys ?? []) == true)
            #expect(stats.json["attempts"]?.keys == documented["attempts"]?.keys)
            #expect(stats.json["campaign_id"]?.string == id)
            #expect(stats.json["status"]?.string == "closed")
            #expect(stats.json["concurrency_limit"]?.int == 10)

            let contacts = try #require(stats.json["contacts"])
            let parts = ["pending", "locked", "in_progress", "completed", "exhausted", "error"].compactMap { key in
                contacts[key]?.int
            }
            #expect(parts.count == 6)
            #expect(parts.reduce(0, +) == contacts["total"]?.int)
            #expect((contacts["completed"]?.int ?? 0) > 0, "a closed seeded campaign has history")
            #expect((stats.json["attempts"]?["total"]?.int ?? 0) > 0)

            let byExternalID = try await client.anyreach(.get, "/campaign/campaigns/holiday-2025/stats")
            #expect(byExternalID.status == .notFound)
        }
    }
}
