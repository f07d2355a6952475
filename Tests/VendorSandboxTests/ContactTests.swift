import HummingbirdTesting
import Testing

@testable import VendorSandbox

@Suite struct ContactTests {
    /// A campaign with the UK configuration (+44) and one without any (+1 fallback).
    private func campaigns(_ client: any TestClientProtocol) async throws -> (uk: String, bare: String) {
        let configurations =
            try await client.anyreach(.get, "/campaign/configurations").json["configurations"]?.array ?? []
        let uk = try #require(configurations.first { $0["default_country_code"]?.string == "+44" }?["id"]?.string)
        let ukCampaign = try await createCampaign(client, name: "UK", externalID: "uk", configurationID: uk)
        let bare = try await createCampaign(client, name: "Bare", externalID: "bare")
        return (try #require(ukCampaign["id"]?.string), try #require(bare["id"]?.string))
    }

    @Test func upsertInsertsThenUpdatesByExternalID() async throws {
        try await withSandbox { _, client in
            _ = try await campaigns(client)
            let first = try await client.anyreach(
                .post, "/campaign/campaigns/bare/contacts",
                json:
                    #"{"contacts": [{"external_id": "x1", "phone_numbers": ["(415) 555-0101"], "data": {"first_name": "Zoë"}}]}"#
            )
            #expect(first.status == .ok)
            #expect(first.json.keys == ["inserted", "updated", "failed", "warnings", "contact_ids"])
            #expect(first.json["inserted"]?.int == 1)
            let id = try #require(first.json["contact_ids"]?[0]?.string)

            let contact = try await client.anyreach(.get, "/campaign/campaigns/bare/contacts/x1")
            #expect(contact.json["id"]?.string == id)
            #expect(contact.json["phone_numbers"]?[0]?.string == "+14155550101")
            #expect(contact.json["status"]?.string == "pending")
            #expect(contact.json["attempt_count"]?.int == 0)
            #expect(contact.json["attempts"]?.array.isEmpty == true)
            #expect(contact.json["data"]?["first_name"]?.string == "Zoë")
            #expect(
                contact.json.keys == [
                    "id", "campaign_id", "external_id", "phone_numbers", "data", "timezone", "scheduled_at", "status",
                    "attempt_count", "attempts", "agent_id", "agent_config", "agent_number", "agent_version",
                    "initial_context", "created_at", "updated_at",
                ])

            let second = try await client.anyreach(
                .post, "/campaign/campaigns/bare/contacts",
                json:
                    #"{"contacts": [{"external_id": "x1", "phone_numbers": ["+14155550102"]}, {"id": "\#(id)", "initial_context": "Hi"}]}"#
            )
            #expect(second.json["inserted"]?.int == 0)
            #expect(second.json["updated"]?.int == 2)
            let updated = try await client.anyreach(.get, "/campaign/campaigns/bare/contacts/\(id)")
            #expect(updated.json["phone_numbers"]?.array == [.string("+14155550102")])
            #expect(updated.json["initial_context"]?.string == "Hi")
            #expect(updated.json["data"]?["first_name"]?.string == "Zoë", "fields not sent are kept")
        }
    }

    @Test func duplicateExternalIDInOneRequestUpdatesTheFirst() async throws {
        try await withSandbox { _, client in
            _ = try await campaigns(client)
            let response = try await client.anyreach(
                .post, "/campaign/campaigns/bare/contacts",
                json:
                    #"{"contacts": [{"external_id": "dup", "phone_numbers": ["+14155550101"]}, {"external_id": "dup", "phone_numbers": ["+14155550199"]}]}"#
            )
            #expect(response.json["inserted"]?.int == 1)
            #expect(response.json["updated"]?.int == 1)
            let ids = response.json["contact_ids"]?.array ?? []
            #expect(ids.count == 2 && ids[0] == ids[1])
            let list = try await client.anyreach(.get, "/campaign/campaigns/bare/contacts")
            #expect(list.json["total"]?.int == 1)
            #expect(list.json["contacts"]?[0]?["phone_numbers"]?[0]?.string == "+14155550199")
        }
    }

    @Test func contactsFailAloneAndWarningsAreGiven() async throws {
        try await withSandbox { _, client in
            _ = try await campaigns(client)
            let response = try await client.anyreach(
                .post, "/campaign/campaigns/bare/contacts",
                json: """
                    {"contacts": [
                      {"external_id": "ok", "phone_numbers": ["+14155550101"], "data": {"external_id": "again"}},
                      {"external_id": "nophone", "phone_numbers": []},
                      {"id": "00000000-0000-4000-8000-000000000000", "phone_numbers": ["+14155550102"]}
                    ]}
                    """)
            #expect(response.status == .ok)
            #expect(response.json["inserted"]?.int == 1)
            let failed = response.json["failed"]?.array ?? []
            #expect(failed.count == 2)
            #expect(failed.first?.keys == ["index", "id", "external_id", "error"])
            #expect(failed.first?["index"]?.int == 1)
            #expect(failed.first?["external_id"]?.string == "nophone")
            #expect(failed.last?["index"]?.int == 2)
            #expect(response.json["contact_ids"]?.array.count == 1)
            #expect(response.json["warnings"]?[0]?.string?.contains("data.external_id") == true)
        }
    }

    @Test func unparseablePhonesFailTheWholeRequest() async throws {
        try await withSandbox { _, client in
            _ = try await campaigns(client)
            let bad = (0..<12).map { #"{"phone_numbers": ["bad\#($0)"]}"# }.joined(separator: ",")
            let response = try await client.anyreach(
                .post, "/campaign/campaigns/bare/contacts",
                json: #"{"contacts": [{"external_id": "good", "phone_numbers": ["+14155550101"]}, \#(bad)]}"#)
            #expect(response.status == .unprocessableContent)
            #expect(response.detail?.hasPrefix("Invalid phone numbers: bad0, bad1") == true)
            #expect(response.json["invalid_numbers"]?.array.count == 10)
            let list = try await client.anyreach(.get, "/campaign/campaigns/bare/contacts")
            #expect(list.json["total"]?.int == 0, "nothing is stored")
        }
    }

    @Test func nationalNumbersGetTheConfigurationsCountryCode() async throws {
        try await withSandbox { _, client in
            _ = try await campaigns(client)
            let uk = try await client.anyreach(
                .post, "/campaign/campaigns/uk/contacts",
                json: #"{"contacts": [{"external_id": "u", "phone_numbers": ["07700 900123"]}]}"#)
            #expect(uk.status == .ok)
            let contact = try await client.anyreach(.get, "/campaign/campaigns/uk/contacts/u")
            #expect(contact.json["phone_numbers"]?[0]?.string == "+447700900123")
            let tooShort = try await client.anyreach(
                .post, "/campaign/campaigns/uk/contacts", json: #"{"contacts": [{"phone_numbers": ["01-234"]}]}"#)
            #expect(tooShort.status == .unprocessableContent)
        }
    }

    @Test func defaultHoldsContactsInNoCampaignWithE164Only() async throws {
        try await withSandbox { _, client in
            let national = try await client.anyreach(
                .post, "/campaign/campaigns/default/contacts",
                json: #"{"contacts": [{"phone_numbers": ["4155550101"]}]}"#)
            #expect(national.status == .unprocessableContent)
            let before = try await client.anyreach(.get, "/campaign/campaigns/default/contacts?limit=1")
            let total = try #require(before.json["total"]?.int)
            #expect(total > 0, "the seed puts some contacts in default")
            let e164 = try await client.anyreach(
                .post, "/campaign/campaigns/default/contacts",
                json: #"{"contacts": [{"external_id": "adhoc", "phone_numbers": ["+14155550101"]}]}"#)
            #expect(e164.json["inserted"]?.int == 1)
            let contact = try await client.anyreach(.get, "/campaign/campaigns/default/contacts/adhoc")
            #expect(contact.json["campaign_id"]?.isNull == true)
            let after = try await client.anyreach(.get, "/campaign/campaigns/default/contacts?limit=1")
            #expect(after.json["total"]?.int == total + 1)
        }
    }

    @Test func limitsAndClosedCampaigns() async throws {
        try await withSandbox { _, client in
            let many = (0..<1001).map { _ in #"{"phone_numbers": ["+14155550101"]}"# }.joined(separator: ",")
            let tooMany = try await client.anyreach(
                .post, "/campaign/campaigns/spring-outreach/contacts", json: #"{"contacts": [\#(many)]}"#)
            #expect(tooMany.status == .badRequest)
            #expect(tooMany.detail == "Too many contacts: 1001 (at most 1000 per request)")
            let closed = try await client.anyreach(
                .post, "/campaign/campaigns/holiday-2025/contacts",
                json: #"{"contacts": [{"phone_numbers": ["+14155550101"]}]}"#)
            #expect(closed.status == .badRequest)
            #expect(closed.detail?.contains("closed") == true)
            let unknown = try await client.anyreach(
                .post, "/campaign/campaigns/nope/contacts", json: #"{"contacts": []}"#)
            #expect(unknown.status == .notFound)
        }
    }

    @Test func offsetPaginationWithStatusFilter() async throws {
        try await withSandbox(.testing(contacts: 400)) { _, client in
            let first = try await client.anyreach(.get, "/campaign/campaigns/holiday-2025/contacts?limit=7")
            #expect(first.json.keys == ["contacts", "total", "limit", "offset"])
            #expect(first.json["limit"]?.int == 7)
            #expect(first.json["offset"]?.int == 0)
            let total = try #require(first.json["total"]?.int)
            var seen: [String] = []
            var offset = 0
            while offset < total {
                let page = try await client.anyreach(
                    .get, "/campaign/campaigns/holiday-2025/contacts?limit=7&offset=\(offset)")
                seen += page.json["contacts"]?.array.compactMap { contact in contact["id"]?.string } ?? []
                offset += 7
            }
            #expect(seen.count == total)
            #expect(Set(seen).count == total)
            let beyond = try await client.anyreach(
                .get, "/campaign/campaigns/holiday-2025/contacts?offset=\(total + 5)")
            #expect(beyond.json["contacts"]?.array.isEmpty == true)
            #expect(beyond.json["total"]?.int == total)

            let completed = try await client.anyreach(
                .get, "/campaign/campaigns/holiday-2025/contacts?status=completed&limit=200")
            let statuses = Set(
                completed.json["contacts"]?.array.compactMap { contact in contact["status"]?.string } ?? [])
            #expect(statuses == ["completed"])
            #expect((completed.json["total"]?.int ?? 0) < total)
            let badStatus = try await client.anyreach(.get, "/campaign/campaigns/holiday-2025/contacts?status=done")
            #expect(badStatus.status == .badRequest)
            let badOffset = try await client.anyreach(.get, "/campaign/campaigns/holiday-2025/contacts?offset=-1")
            #expect(badOffset.status == .badRequest)
        }
    }

    @Test func getAndDeleteByUUIDOrExternalID() async throws {
        try await withSandbox { _, client in
            _ = try await campaigns(client)
            let upsert = try await client.anyreach(
                .post, "/campaign/campaigns/bare/contacts",
                json:
                    #"{"contacts": [{"external_id": "a", "phone_numbers": ["+14155550101"]}, {"external_id": "b", "phone_numbers": ["+14155550102"]}]}"#
            )
            let id = try #require(upsert.json["contact_ids"]?[0]?.string)
            let deleted = try await client.anyreach(.delete, "/campaign/campaigns/bare/contacts/\(id)")
            #expect(deleted.status == .ok)
            #expect(deleted.json == .object(["id": .string(id), "deleted": .bool(true)]))
            let byExternal = try await client.anyreach(.delete, "/campaign/campaigns/bare/contacts/b")
            #expect(byExternal.json["deleted"] == .bool(true))
            let gone = try await client.anyreach(.get, "/campaign/campaigns/bare/contacts/a")
            #expect(gone.status == .notFound)
            #expect(gone.detail == "Contact not found")
            let elsewhere = try await client.anyreach(.get, "/campaign/campaigns/spring-outreach/contacts/b")
            #expect(elsewhere.status == .notFound)
        }
    }

    @Test func scheduledAtAndTimezoneAreChecked() async throws {
        try await withSandbox { _, client in
            let badTime = try await client.anyreach(
                .post, "/campaign/campaigns/spring-outreach/contacts",
                json: #"{"contacts": [{"phone_numbers": ["+14155550101"], "scheduled_at": "tomorrow"}]}"#)
            #expect(badTime.status == .unprocessableContent)
            let badZone = try await client.anyreach(
                .post, "/campaign/campaigns/spring-outreach/contacts",
                json: #"{"contacts": [{"phone_numbers": ["+14155550101"], "timezone": "Mars/Olympus"}]}"#)
            #expect(badZone.status == .unprocessableContent)
        }
    }
}
