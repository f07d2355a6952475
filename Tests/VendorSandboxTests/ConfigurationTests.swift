import HummingbirdTesting
import Testing

@testable import VendorSandbox

@Suite struct ConfigurationTests {
    @Test func createFillsTheDocumentedDefaults() async throws {
        try await withSandbox { _, client in
            let created = try await client.anyreach(.post, "/campaign/configurations", json: #"{"name": "Plain"}"#)
            #expect(created.status == .ok)
            #expect(
                created.json.keys == [
                    "id", "name", "default_timezone", "default_windows", "overrides", "scheduled_windows",
                    "scheduled_overrides", "retry_limit", "default_country_code", "agent_id", "agent_number",
                    "created_at", "updated_at",
                ])
            #expect(created.json["default_timezone"]?.string == "America/New_York")
            #expect(created.json["default_country_code"]?.string == "+1")
            #expect(created.json["retry_limit"]?.int == 2)
            #expect(created.json["default_windows"]?[0]?["days"]?.array.count == 5)
            #expect(created.json["default_windows"]?[0]?["start"]?.string == "09:00")

            let id = try #require(created.json["id"]?.string)
            let fetched = try await client.anyreach(.get, "/campaign/configurations/\(id)")
            #expect(fetched.json == created.json)
            let list = try await client.anyreach(.get, "/campaign/configurations")
            #expect(list.json.keys == ["configurations"])
            #expect(list.json["configurations"]?.array.count == 4)
        }
    }

    @Test func createAndPatchCheckTheFields() async throws {
        try await withSandbox { _, client in
            let invalid = [
                #"{}"#,
                #"{"name": "X", "default_timezone": "Nowhere/Else"}"#,
                #"{"name": "X", "default_windows": [{"days": ["monday"], "start": "09:00", "end": "17:00"}]}"#,
                #"{"name": "X", "default_windows": [{"days": ["mon"], "start": "9", "end": "17:00"}]}"#,
                #"{"name": "X", "retry_limit": -1}"#,
                #"{"name": "X", "default_country_code": "44"}"#,
            ]
            for body in invalid {
                let response = try await client.anyreach(.post, "/campaign/configurations", json: body)
                #expect(response.status == .unprocessableContent, "\(body)")
            }
            let night = try await client.anyreach(
                .post, "/campaign/configurations",
                json:
                    #"{"name": "Night", "default_windows": [{"days": ["fri"], "start": "22:00", "end": "02:00"}], "retry_limit": 0, "default_country_code": "+44", "agent_id": "agent-1"}"#
            )
            #expect(night.status == .ok)
            let id = try #require(night.json["id"]?.string)
            let patched = try await client.anyreach(
                .patch, "/campaign/configurations/\(id)", json: #"{"retry_limit": 4, "agent_id": null}"#)
            #expect(patched.json["retry_limit"]?.int == 4)
            #expect(patched.json["agent_id"]?.isNull == true)
            #expect(patched.json["default_country_code"]?.string == "+44")
            #expect(patched.json["name"]?.string == "Night")
        }
    }

    @Test func deleteRefusedWhileACampaignUsesIt() async throws {
        try await withSandbox { _, client in
            let created = try await client.anyreach(.post, "/campaign/configurations", json: #"{"name": "Used"}"#)
            let id = try #require(created.json["id"]?.string)
            let campaign = try await createCampaign(client, name: "User", configurationID: id)
            let refused = try await client.anyreach(.delete, "/campaign/configurations/\(id)")
            #expect(refused.status == .conflict)
            #expect(refused.detail?.contains("User") == true)

            let campaignID = try #require(campaign["id"]?.string)
            _ = try await client.anyreach(
                .patch, "/campaign/campaigns/\(campaignID)", json: #"{"configuration_id": null}"#)
            let deleted = try await client.anyreach(.delete, "/campaign/configurations/\(id)")
            #expect(deleted.json == .object(["id": .string(id), "deleted": .bool(true)]))
            let gone = try await client.anyreach(.get, "/campaign/configurations/\(id)")
            #expect(gone.status == .notFound)
            #expect(gone.detail == "Configuration not found")
        }
    }
}
