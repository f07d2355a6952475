import HummingbirdTesting
import Testing

@testable import VendorSandbox

@Suite struct InspectionTests {
    @Test func stateShowsEveryVendorUnderItsName() async throws {
        try await withSandbox { _, client in
            let response = try await client.execute(uri: "/_sandbox/state", method: .get)
            #expect(response.status == .ok)
            #expect(response.json.keys.contains("anyreach"), "each vendor's own tests check its key")
            let anyreach = try #require(response.json["anyreach"])
            #expect(
                anyreach.keys == [
                    "organization_id", "simulated_time", "concurrency_limit", "active_calls", "campaigns", "contacts",
                    "configurations",
                ])
            #expect(anyreach["contacts"]?.array.count == 150)
            #expect(anyreach["organization_id"]?.string == SandboxCredentials.Anyreach.organization)
        }
    }

    @Test func resetGoesBackToTheSeed() async throws {
        try await withSandbox { _, client in
            let seeded = try await client.execute(uri: "/_sandbox/state", method: .get).body
            _ = try await createCampaign(client, name: "Temporary")
            _ = try await client.anyreach(.post, "/campaign/campaigns/spring-outreach/pause")
            _ = try await client.execute(uri: "/_sandbox/advance?seconds=120", method: .post)
            let changed = try await client.execute(uri: "/_sandbox/state", method: .get).body
            #expect(changed != seeded)
            let reset = try await client.execute(uri: "/_sandbox/reset", method: .post)
            #expect(reset.status == .ok)
            let after = try await client.execute(uri: "/_sandbox/state", method: .get).body
            #expect(after == seeded)
        }
    }

    @Test func advanceMovesSimulatedTime() async throws {
        try await withSandbox { _, client in
            let before = try await client.execute(uri: "/_sandbox/state", method: .get).json["anyreach"]?[
                "simulated_time"]
            #expect(before?.string == "2026-06-01T12:00:00Z")
            let advanced = try await client.execute(uri: "/_sandbox/advance?seconds=90", method: .post)
            #expect(advanced.status == .ok)
            let after = try await client.execute(uri: "/_sandbox/state", method: .get).json["anyreach"]?[
                "simulated_time"]
            #expect(after?.string == "2026-06-01T12:01:30Z")
            let refused = try await client.execute(uri: "/_sandbox/advance?seconds=soon", method: .post)
            #expect(refused.status == .badRequest)
        }
    }
}
