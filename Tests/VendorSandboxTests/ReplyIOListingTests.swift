import HummingbirdTesting
import Testing

@testable import VendorSandbox

@Suite struct ReplyIOListingTests {
    @Test func sequencesArePagedWithTopAndSkip() async throws {
        try await withSandbox { _, client in
            var ids: [Int] = []
            var skip = 0
            while true {
                let page = try await client.replyIO(.get, "/sequences?top=3&skip=\(skip)")
                #expect(page.status == .ok)
                #expect(page.json.keys == ["items", "hasMore"])
                let items = page.json["items"]?.array ?? []
                ids += items.compactMap { $0["id"]?.int }
                skip += items.count
                guard page.json["hasMore"] == .bool(true) else { break }
                #expect(items.count == 3)
            }
            #expect(ids == Array(100..<108))
            let first = try await client.replyIO(.get, "/sequences?top=1")
            #expect(
                first.json["items"]?[0]?.keys == [
                    "id", "ownerUserId", "name", "status", "created", "isArchived", "health",
                ])
            #expect(first.json["items"]?[0]?["name"]?.string == "Sales Outreach")
            #expect(first.json["items"]?[0]?["status"]?.string == "Active")
            #expect(first.json["items"]?[0]?["created"]?.string?.hasSuffix("+00:00") == true)
            let beyond = try await client.replyIO(.get, "/sequences?skip=50")
            #expect(beyond.json["items"]?.array.isEmpty == true)
            #expect(beyond.json["hasMore"] == .bool(false))
        }
    }

    @Test func defaultPageIsTwentyFiveAndV3SpellsStatusesInCamelCase() async throws {
        try await withSandbox { _, client in
            let page = try await client.replyIO(.get, "/sequences", version: .v3)
            let statuses = Set(page.json["items"]?.array.compactMap { $0["status"]?.string } ?? [])
            #expect(statuses == ["active", "paused", "new"])
            #expect(page.json["hasMore"] == .bool(false))
            let contacts = try await client.replyIO(.post, "/contacts/filter", json: "{}")
            #expect(contacts.json["items"]?.array.count == 25)
        }
    }

    @Test(arguments: ["top=0", "top=1001", "top=x", "skip=-1"])
    func pagingOutOfRangeIsAProblemNamingTheParameter(query: String) async throws {
        try await withSandbox { _, client in
            let sequences = try await client.replyIO(.get, "/sequences?\(query)")
            #expect(sequences.status == .badRequest)
            #expect(sequences.isProblem)
            #expect(sequences.problemFields == [String(query.prefix { $0 != "=" })])
            let contacts = try await client.replyIO(.post, "/contacts/filter?\(query)", json: "{}")
            #expect(contacts.status == .badRequest)
        }
    }

    @Test func unknownSequenceIsNotFound() async throws {
        try await withSandbox { _, client in
            let byID = try await client.replyIO(.get, "/sequences/999")
            #expect(byID.status == .notFound)
            #expect(byID.isProblem)
            #expect(byID.json["code"]?.string == "sequence.notFound")
            let filtered = try await client.replyIO(.post, "/contacts/filter", json: #"{"sequenceId": 999}"#)
            #expect(filtered.status == .notFound)
            #expect(filtered.json["code"]?.string == "sequence.notFound")
            let list = try await client.replyIO(.post, "/contacts/filter", json: #"{"listId": 999}"#)
            #expect(list.json["code"]?.string == "list.notFound")
            let known = try await client.replyIO(.get, "/sequences/102", version: .v3)
            #expect(known.json["name"]?.string == "Q3 Enterprise — LinkedIn + email")
        }
    }

    @Test func contactsFilterPagesWithTotalCount() async throws {
        try await withSandbox { _, client in
            var ids: [Int] = []
            var skip = 0
            while true {
                let page = try await client.replyIO(.post, "/contacts/filter?top=100&skip=\(skip)", json: "{}")
                #expect(page.status == .ok)
                #expect(page.json.keys == ["items", "hasMore", "totalCount"])
                #expect(page.json["totalCount"]?.int == ReplyIOSeed.contactCount)
                let items = page.json["items"]?.array ?? []
                ids += items.compactMap { $0["id"]?.int }
                skip += items.count
                if page.json["hasMore"] != .bool(true) { break }
            }
            #expect(ids.count == ReplyIOSeed.contactCount)
            #expect(Set(ids).count == ids.count)
            #expect(ids == ids.sorted())
        }
    }

    @Test func filterBySequenceListSearchAndRules() async throws {
        try await withSandbox { sandbox, client in
            let state = await sandbox.replyIO.store.state
            let inSales = state.contacts.filter { $0.sequences.contains { $0.sequenceID == 100 } }
            let bySequence = try await client.replyIO(.post, "/contacts/filter?top=1000", json: #"{"sequenceId": 100}"#)
            #expect(bySequence.json["totalCount"]?.int == inSales.count)
            #expect(bySequence.json["hasMore"] == .bool(false))
            let enrollment = bySequence.json["items"]?[0]?["sequences"]?.array.first { $0["sequenceId"]?.int == 100 }
            #expect(enrollment?["sequenceName"]?.string == "Sales Outreach")
            #expect(
                enrollment?.keys == [
                    "sequenceId", "sequenceName", "status", "currentStep", "addingDate", "emailAccountId",
                    "linkedInAccountId",
                ])

            let hot = state.contacts.filter { $0.listIDs.contains(10) }.count
            let byList = try await client.replyIO(.post, "/contacts/filter", json: #"{"listId": 10}"#)
            #expect(byList.json["totalCount"]?.int == hot)
            #expect(
                byList.json["items"]?[0]?["lists"]?.array.contains { $0["listName"]?.string == "Hot Leads" } == true)

            let created = try await client.createReplyIOContact(
                #"{"email": "shoji@sakura.example", "firstName": "翔太", "lastName": "Ōtani", "country": "Japan"}"#)
            #expect(created.status == .created)
            let search = try await client.replyIO(.post, "/contacts/filter", json: #"{"searchTerm": "OTANI"}"#)
            #expect(search.json["items"]?.array.contains { $0["firstName"]?.string == "翔太" } == true)

            let japan = state.contacts.filter { $0.country == "Japan" }.count + 1
            let rule = try await client.replyIO(
                .post, "/contacts/filter?top=1000",
                json: #"{"rules": [{"property": "country", "condition": "Equals", "value": "japan"}]}"#)
            #expect(rule.json["totalCount"]?.int == japan)

            let sorted = try await client.replyIO(
                .post, "/contacts/filter?top=5", json: #"{"sortBy": "id", "sortDirection": "desc"}"#)
            #expect(sorted.json["items"]?[0]?["email"]?.string == "shoji@sakura.example")
        }
    }

    @Test func badFilterFieldsAreNamed() async throws {
        try await withSandbox { _, client in
            let rules = #"[{"property": "email", "condition": "resembles"}]"#
            let response = try await client.replyIO(
                .post, "/contacts/filter", json: #"{"rules": \#(rules), "sortBy": "mood", "sequenceId": "x"}"#)
            #expect(response.status == .badRequest)
            #expect(Set(response.problemFields) == ["rules[0].condition", "sortBy", "sequenceId"])
        }
    }
}
