import HummingbirdTesting
import Testing

@testable import VendorSandbox

@Suite struct CampaignTests {
    @Test func createAnswersTheDocumentedCampaign() async throws {
        try await withSandbox { _, client in
            let campaign = try await createCampaign(client, name: "Autumn", externalID: "autumn")
            #expect(
                campaign.keys == [
                    "id", "external_id", "name", "description", "status", "configuration_id", "created_at",
                    "updated_at",
                ])
            #expect(campaign["status"]?.string == "active")
            #expect(campaign["description"]?.isNull == true)
            #expect(campaign["created_at"]?.string?.hasSuffix("Z") == true)
            let id = try #require(campaign["id"]?.string)
            #expect(id == id.lowercased())

            for reference in [id, "autumn", id.uppercased()] {
                let fetched = try await client.anyreach(.get, "/campaign/campaigns/\(reference)")
                #expect(fetched.status == .ok)
                #expect(fetched.json["id"]?.string == id)
            }
            let missing = try await client.anyreach(.get, "/campaign/campaigns/nothing-here")
            #expect(missing.status == .notFound)
            #expect(missing.detail == "Campaign not found")
        }
    }

    @Test func createChecksItsFields() async throws {
        try await withSandbox { _, client in
            let noName = try await client.anyreach(.post, "/campaign/campaigns", json: #"{"name": "  "}"#)
            #expect(noName.status == .unprocessableContent)
            let duplicate = try await client.anyreach(
                .post, "/campaign/campaigns", json: #"{"name": "Again", "external_id": "spring-outreach"}"#)
            #expect(duplicate.status == .conflict)
            #expect(duplicate.detail?.contains("spring-outreach") == true)
            let unknownConfiguration = try await client.anyreach(
                .post, "/campaign/campaigns",
                json: #"{"name": "X", "configuration_id": "00000000-0000-4000-8000-000000000000"}"#)
            #expect(unknownConfiguration.status == .notFound)
            #expect(unknownConfiguration.detail == "Configuration not found")
            let notJSON = try await client.anyreach(.post, "/campaign/campaigns", json: "{name")
            #expect(notJSON.status == .unprocessableContent)
        }
    }

    @Test func inlineContactsAreUpsertedAndLimited() async throws {
        try await withSandbox { _, client in
            let response = try await client.anyreach(
                .post, "/campaign/campaigns",
                json: #"{"name": "Inline", "contacts": [{"phone_numbers": ["415 555 0101"], "external_id": "a"}]}"#)
            #expect(response.status == .ok)
            #expect(response.json["contacts_result"]?["inserted"]?.int == 1)

            let tooMany = (0..<5001).map { _ in #"{"phone_numbers": ["+14155550101"]}"# }.joined(separator: ",")
            let rejected = try await client.anyreach(
                .post, "/campaign/campaigns", json: #"{"name": "Huge", "contacts": [\#(tooMany)]}"#)
            #expect(rejected.status == .badRequest)
            #expect(rejected.detail?.hasPrefix("Too many contacts: 5001") == true)
            let patched = try await client.anyreach(
                .patch, "/campaign/campaigns/spring-outreach", json: #"{"contacts": [\#(tooMany)]}"#)
            #expect(patched.status == .badRequest)

            let badPhone = try await client.anyreach(
                .post, "/campaign/campaigns", json: #"{"name": "Bad", "contacts": [{"phone_numbers": ["abc"]}]}"#)
            #expect(badPhone.status == .unprocessableContent)
            let list = try await client.anyreach(.get, "/campaign/campaigns?name=bad")
            #expect(list.json["campaigns"]?.array.isEmpty == true, "a failed create stores nothing")
        }
    }

    @Test func patchChangesOnlyWhatIsSent() async throws {
        try await withSandbox { _, client in
            let campaign = try await createCampaign(client, name: "Before", externalID: "before")
            let id = try #require(campaign["id"]?.string)
            let patched = try await client.anyreach(
                .patch, "/campaign/campaigns/before",
                json: #"{"name": "After", "description": "Now described", "external_id": "after"}"#)
            #expect(patched.status == .ok)
            #expect(patched.json["name"]?.string == "After")
            #expect(patched.json["external_id"]?.string == "after")
            let cleared = try await client.anyreach(
                .patch, "/campaign/campaigns/\(id)", json: #"{"description": null}"#)
            #expect(cleared.json["description"]?.isNull == true)
            #expect(cleared.json["name"]?.string == "After")
            let taken = try await client.anyreach(
                .patch, "/campaign/campaigns/\(id)", json: #"{"external_id": "spring-outreach"}"#)
            #expect(taken.status == .conflict)
        }
    }

    @Test func stateMachine() async throws {
        try await withSandbox { _, client in
            let campaign = try await createCampaign(client, externalID: "machine")
            #expect(campaign["status"]?.string == "active")
            let startActive = try await client.anyreach(.post, "/campaign/campaigns/machine/start")
            #expect(startActive.status == .badRequest)
            #expect(startActive.detail == "Cannot start a campaign whose status is active")
            let pause = try await client.anyreach(.post, "/campaign/campaigns/machine/pause")
            #expect(pause.json["status"]?.string == "paused")
            let pauseAgain = try await client.anyreach(.post, "/campaign/campaigns/machine/pause")
            #expect(pauseAgain.detail == "Cannot pause a campaign whose status is paused")
            let start = try await client.anyreach(.post, "/campaign/campaigns/machine/start")
            #expect(start.json["status"]?.string == "active")
            let close = try await client.anyreach(.post, "/campaign/campaigns/machine/close")
            #expect(close.json["status"]?.string == "closed")
            for transition in ["start", "pause", "close"] {
                let refused = try await client.anyreach(.post, "/campaign/campaigns/machine/\(transition)")
                #expect(refused.status == .badRequest)
                #expect(refused.detail?.contains("closed") == true)
            }
            let pausedToClosed = try await client.anyreach(.post, "/campaign/campaigns/winback/close")
            #expect(pausedToClosed.json["status"]?.string == "closed")
        }
    }

    @Test func cursorPaginationWalksEveryCampaignOnce() async throws {
        try await withSandbox { _, client in
            for number in 0..<9 { _ = try await createCampaign(client, name: "Paged \(number)") }
            var seen: [String] = []
            var cursor: String? = nil
            var pages = 0
            repeat {
                let query = cursor.map { "&cursor=\($0)" } ?? ""
                let page = try await client.anyreach(.get, "/campaign/campaigns?limit=4\(query)")
                #expect(page.status == .ok)
                #expect(page.json.keys == ["campaigns", "next_cursor"])
                seen += page.json["campaigns"]?.array.compactMap { $0["id"]?.string } ?? []
                cursor = page.json["next_cursor"]?.string
                pages += 1
            } while cursor != nil
            #expect(seen.count == 16)
            #expect(Set(seen).count == 16)
            #expect(pages == 4)

            let bad = try await client.anyreach(.get, "/campaign/campaigns?cursor=bm9wZQ==")
            #expect(bad.status == .badRequest)
        }
    }

    @Test func listFiltersByNameAndStatus() async throws {
        try await withSandbox { _, client in
            let byName = try await client.anyreach(.get, "/campaign/campaigns?name=SPRING")
            let names = byName.json["campaigns"]?.array.compactMap { campaign in campaign["external_id"]?.string }
            #expect(names == ["spring-outreach"])
            let paused = try await client.anyreach(.get, "/campaign/campaigns?status=paused")
            #expect(paused.json["campaigns"]?.array.count == 2)
            let pausedOrClosed = try await client.anyreach(.get, "/campaign/campaigns?status=paused&status=closed")
            let statuses = Set(
                pausedOrClosed.json["campaigns"]?.array.compactMap { campaign in campaign["status"]?.string } ?? [])
            #expect(statuses == ["paused", "closed"])
            #expect(pausedOrClosed.json["campaigns"]?.array.count == 4)
            let unknown = try await client.anyreach(.get, "/campaign/campaigns?status=running")
            #expect(unknown.status == .badRequest)
        }
    }

    @Test(arguments: ["limit=201", "limit=0", "limit=ten", "limit=-3"])
    func listLimitIsChecked(query: String) async throws {
        try await withSandbox { _, client in
            let campaigns = try await client.anyreach(.get, "/campaign/campaigns?\(query)")
            #expect(campaigns.status == .badRequest)
            #expect(campaigns.detail?.contains("limit") == true)
            let contacts = try await client.anyreach(.get, "/campaign/campaigns/spring-outreach/contacts?\(query)")
            #expect(contacts.status == .badRequest)
        }
    }

    @Test func listDefaultsToFifty() async throws {
        try await withSandbox { _, client in
            for number in 0..<50 { _ = try await createCampaign(client, name: "Many \(number)") }
            let page = try await client.anyreach(.get, "/campaign/campaigns")
            #expect(page.json["campaigns"]?.array.count == 50)
            #expect(page.json["next_cursor"]?.string != nil)
        }
    }
}
