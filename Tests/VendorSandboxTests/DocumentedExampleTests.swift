import Foundation
import HummingbirdTesting
import Testing

@testable import VendorSandbox

@Suite struct DocumentedExampleTests {
    @Test func bulkAddIsAcceptedWithTheDocumentedAnswer() async throws {
        try await withSandbox { _, client in
            let documented = try JSONDecoder().decode(
                JSONValue.self, from: Data(try DocumentedExample.text("response.upsert.json").utf8))
            let response = try await client.anyreach(
                .post, "/campaign/campaigns/spring-outreach/contacts",
                json: try DocumentedExample.text("request.bulk-add.json"))
            #expect(response.status == .ok)
            #expect(response.json.keys == documented.keys)
            #expect(response.json["inserted"]?.int == 2)
            #expect(response.json["failed"]?.array.isEmpty == true)
            let ada = try await client.anyreach(.get, "/campaign/campaigns/spring-outreach/contacts/lead-1001")
            #expect(ada.json["data"]?["first_name"]?.string == "Ada")
            #expect(ada.json["phone_numbers"]?[0]?.string == "+14155550123")
        }
    }

    @Test func contactWithOverridesIsAcceptedAndWaitsForItsTime() async throws {
        try await withSandbox { sandbox, client in
            let body = try DocumentedExample.text("request.contact-with-overrides.json")
            let response = try await client.anyreach(
                .post, "/campaign/campaigns/spring-outreach/contacts", token: Tokens.personal,
                org: SandboxCredentials.Anyreach.organization, json: body)
            #expect(response.status == .ok)
            #expect(response.json["inserted"]?.int == 1)
            await sandbox.advance(by: 900)
            let dana = try await client.anyreach(.get, "/campaign/campaigns/spring-outreach/contacts/crm-4821")
            #expect(dana.json["timezone"]?.string == "America/Los_Angeles")
            #expect(dana.json["scheduled_at"]?.string == "2026-07-01T17:00:00Z")
            #expect(dana.json["initial_context"]?.string == "Renewal due next week.")
            #expect(dana.json["phone_numbers"]?.array.count == 2)
            #expect(dana.json["data"]?["plan"]?.string == "pro")
            #expect(dana.json["status"]?.string == "pending")
            #expect(dana.json["attempt_count"]?.int == 0, "scheduled a month after simulated now")
        }
    }
}
