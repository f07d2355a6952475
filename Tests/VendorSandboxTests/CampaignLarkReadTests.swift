import Foundation
import HummingbirdTesting
import Testing

@testable import VendorSandbox

@Suite struct CampaignLarkReadTests {
    @Test func byEmailNeedsTheParameterAndAnswers404WhenAbsent() async throws {
        try await withSandbox { _, client in
            for path in ["/contacts/by-email", "/contacts/by-email?email="] {
                let missing = try await client.campaignLark(.get, path)
                #expect(missing.status == .badRequest)
                #expect(missing.larkMessage == "The email query parameter is required.")
            }
            let absent = try await client.campaignLark(.get, "/contacts/by-email?email=nobody%40example.com")
            #expect(absent.status == .notFound)
            #expect(String(buffer: absent.body) == #"{"error":{"message":"Contact not found."}}"#)

            let first = try await client.campaignLark(.post, "/contacts/search", json: #"{"limit": 10}"#).json["data"]?[
                0]
            let email = try #require(first?["data"]?["email_address"]?.string)
            let found = try await client.larkContact(email.uppercased())
            #expect(found == first)
        }
    }

    @Test func searchPagesWithTheDocumentedKeys() async throws {
        try await withSandbox { _, client in
            let firstPage = try await client.campaignLark(.post, "/contacts/search", json: "{}")
            #expect(firstPage.status == .ok)
            #expect(firstPage.json.keys == ["data", "pagination"])
            #expect(
                firstPage.json["pagination"]
                    == .object([
                        "current_page": .number(1), "per_page": .number(50), "total_pages": .number(6),
                        "total_count": .number(300),
                    ]))
            #expect(firstPage.json["data"]?.array.count == 50)
            let empty = try await client.campaignLark(.post, "/contacts/search")
            #expect(empty.json["pagination"] == firstPage.json["pagination"], "an empty body searches with defaults")

            let last = try await client.campaignLark(.post, "/contacts/search", json: #"{"page": 2, "limit": 250}"#)
            #expect(last.json["data"]?.array.count == 50)
            #expect(last.json["pagination"]?["total_pages"]?.int == 2)
            let beyond = try await client.campaignLark(.post, "/contacts/search", json: #"{"page": 31, "limit": 10}"#)
            #expect(beyond.json["data"]?.array.isEmpty == true)
            #expect(beyond.json["pagination"]?["current_page"]?.int == 31)

            var seen = Set<String>()
            for page in 1...3 {
                let response = try await client.campaignLark(
                    .post, "/contacts/search", json: #"{"page": \#(page), "limit": 100}"#)
                for contact in response.json["data"]?.array ?? [] { seen.insert(contact["id"]?.string ?? "") }
            }
            #expect(seen.count == 300, "pages neither overlap nor skip")
        }
    }

    @Test func searchValidatesLimitPageStatusAndSort() async throws {
        try await withSandbox { _, client in
            for body in [#"{"limit": 9}"#, #"{"limit": 251}"#, #"{"limit": 0}"#] {
                let response = try await client.campaignLark(.post, "/contacts/search", json: body)
                #expect(response.status == .badRequest)
                #expect(response.larkMessage == "limit must be between 10 and 250.")
            }
            for body in [#"{"limit": 10}"#, #"{"limit": 250}"#] {
                #expect(try await client.campaignLark(.post, "/contacts/search", json: body).status == .ok)
            }
            let page = try await client.campaignLark(.post, "/contacts/search", json: #"{"page": 0}"#)
            #expect(page.larkMessage == "page must be 1 or greater.")
            let status = try await client.campaignLark(.post, "/contacts/search", json: #"{"status": "GONE"}"#)
            #expect(status.larkMessage == "The status you provided is not valid.")
            let sortBy = try await client.campaignLark(.post, "/contacts/search", json: #"{"sort_by": "email"}"#)
            #expect(sortBy.larkMessage == "sort_by must be created_at or updated_at.")
            let order = try await client.campaignLark(.post, "/contacts/search", json: #"{"sort_order": "up"}"#)
            #expect(order.larkMessage == "sort_order must be asc or desc.")
        }
    }

    @Test func searchFiltersByStatusAndTagsAndSorts() async throws {
        try await withSandbox { _, client in
            let bounced = try await client.campaignLark(
                .post, "/contacts/search", json: #"{"status": "BOUNCED", "limit": 250}"#)
            let contacts = bounced.json["data"]?.array ?? []
            #expect(!contacts.isEmpty)
            #expect(contacts.allSatisfy { $0["status"]?.string == "BOUNCED" })
            #expect(bounced.json["pagination"]?["total_count"]?.int == contacts.count)

            let tagged = try await client.campaignLark(
                .post, "/contacts/search", json: #"{"tags": [1, 2], "limit": 250}"#)
            let withBoth = tagged.json["data"]?.array ?? []
            #expect(!withBoth.isEmpty)
            #expect(withBoth.allSatisfy { Set($0.tagIDs).isSuperset(of: [1, 2]) })

            for (sortBy, order) in [("created_at", "asc"), ("updated_at", "desc"), ("updated_at", "asc")] {
                let sorted = try await client.campaignLark(
                    .post, "/contacts/search",
                    json: #"{"sort_by": "\#(sortBy)", "sort_order": "\#(order)", "limit": 250}"#)
                let stamps = (sorted.json["data"]?.array ?? []).compactMap { $0[sortBy]?.string }
                #expect(stamps.count == 250)
                #expect(stamps == (order == "asc" ? stamps.sorted() : stamps.sorted(by: >)), "\(sortBy) \(order)")
            }
            let newest = try await client.campaignLark(.post, "/contacts/search", json: #"{"limit": 10}"#)
            let stamps = (newest.json["data"]?.array ?? []).compactMap { $0["created_at"]?.string }
            #expect(stamps == stamps.sorted(by: >), "newest first by default")
        }
    }

    @Test func tagsFieldsAndMergeTags() async throws {
        try await withSandbox { _, client in
            let tags = try await client.campaignLark(.get, "/tags")
            #expect(tags.status == .ok)
            #expect(tags.json["data"]?[0] == .object(["id": .number(1), "name": .string("newsletter")]))
            #expect(tags.json["data"]?.array.count == 8)

            let fields = try await client.campaignLark(.get, "/fields").json["data"]?.array ?? []
            #expect(Set(fields.compactMap { $0["type"]?.string }) == ["TEXT", "NUMBER", "BOOL", "DATE", "MULTI"])
            #expect(fields.allSatisfy { $0.keys == ["id", "label", "merge_tag", "type", "required"] })
            let required = fields.filter { $0["required"] == .bool(true) }
            #expect(required.map { $0["merge_tag"]?.string } == ["first_name"])
            #expect(fields.contains { $0["merge_tag"]?.string == "phone" })

            let mergeTags = try await client.campaignLark(.get, "/merge-tags").json["data"]?.array ?? []
            #expect(
                mergeTags.first == .object(["merge_tag": .string("email_address"), "label": .string("Email address")]))
            #expect(
                Set(mergeTags.dropFirst().compactMap { $0["merge_tag"]?.string })
                    == Set(fields.compactMap { $0["merge_tag"]?.string }))
        }
    }

    @Test func campaignsArePagedAndFilteredByStatus() async throws {
        try await withSandbox { _, client in
            let all = try await client.campaignLark(.get, "/campaigns?limit=10")
            #expect(all.status == .ok)
            #expect(
                all.json["pagination"]
                    == .object([
                        "current_page": .number(1), "per_page": .number(10), "total_pages": .number(2),
                        "total_count": .number(12),
                    ]))
            let second = try await client.campaignLark(.get, "/campaigns?page=2&limit=10")
            #expect(second.json["data"]?.array.count == 2)
            let campaign = try #require(all.json["data"]?[0])
            #expect(campaign.keys == ["id", "name", "subject", "status", "created_at", "updated_at"])

            let everything = try await client.campaignLark(.get, "/campaigns?limit=250").json["data"]?.array ?? []
            #expect(
                Set(everything.compactMap { $0["status"]?.string })
                    == Set(CampaignLark.CampaignStatus.allCases.map(\.rawValue)))
            let drafts = try await client.campaignLark(.get, "/campaigns?status=DRAFT")
            #expect(drafts.json["data"]?.array.count == 2)
            #expect(drafts.json["pagination"]?["total_count"]?.int == 2)

            #expect(
                try await client.campaignLark(.get, "/campaigns?limit=5").larkMessage
                    == "limit must be between 10 and 250.")
            #expect(
                try await client.campaignLark(.get, "/campaigns?limit=ten").larkMessage == "limit must be an integer.")
            #expect(
                try await client.campaignLark(.get, "/campaigns?status=LIVE").larkMessage
                    == "The status you provided is not valid.")
        }
    }
}
