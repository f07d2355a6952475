import Foundation
import Testing

@testable import SwitchboardCore

private func larkAccount() -> Account {
    Account(name: "lark", vendor: .campaignlark, baseURL: "http://127.0.0.1:1/campaignlark", credential: Secret("cl_live.secret"))
}

private func larkClient(_ answer: @escaping @Sendable (HTTPRequest) throws -> HTTPResponse) -> (CampaignLarkClient, RecordingTransport) {
    let transport = RecordingTransport(answer: answer)
    return (CampaignLarkClient(account: larkAccount(), transport: transport), transport)
}

private let contactJSON = #"""
    {"id":"64f1a2b3c4d5e6f7a8b9c0d1","status":"SUBSCRIBED","tags":[{"id":1,"name":"newsletter"}],
     "data":{"email_address":"tywin@example.com","first_name":"Tywin","plan":"gold"},"created_at":"2024-02-15T10:30:00Z","updated_at":"2024-02-16T10:30:00Z"}
    """#

/// The CampaignLark client's requests, answers and mapping, against a recording transport.
@Suite struct CampaignLarkWireTests {
    @Test func upsertRouteAndDocumentedExamples() async throws {
        let example = try VendorExamples.bytes("campaignlark", "request.upsert.json")
        let answer = try VendorExamples.bytes("campaignlark", "response.upsert.200.json")
        let (client, transport) = larkClient { _ in HTTPResponse(status: 200, body: answer) }
        let input = try JSONCoding.decode(CampaignLarkUpsertInput.self, from: example)
        #expect(try sameJSON(example, try JSONCoding.encode(input)))
        let contact = try await client.upsertContact(input)
        let request = try #require(transport.requests.first)
        #expect(request.method == .POST)
        #expect(request.url == "http://127.0.0.1:1/campaignlark/contacts/upsert")
        #expect(request.header("Authorization") == "Bearer cl_live.secret")
        #expect(request.header("Content-Type") == "application/json")
        #expect(try sameJSON(example, request.body ?? []))

        #expect(contact.id == "64f1a2b3c4d5e6f7a8b9c0d1")
        #expect(contact.status == .subscribed)
        #expect(contact.tags == [CampaignLarkTag(id: 1, name: "newsletter"), CampaignLarkTag(id: 2, name: "vip")])
        #expect(contact.emailAddress == "tywin@example.com")
        #expect(contact.statistics?.totalDelivered == 0)
        let neutral = contact.neutral
        #expect(neutral.email == "tywin@example.com")
        #expect(neutral.firstName == "Tywin")
        #expect(neutral.lastName == "Lannister")
        #expect(neutral.status == ContactStatus(raw: "SUBSCRIBED", normalized: .pending))
        #expect(neutral.updatedAt == "2024-02-15T10:30:00Z")
    }

    @Test(arguments: [
        "Email address is required for upsert operation.",
        "We were unable to find a field with the merge_tag favourite_colour",
        "The status you provided is not valid.",
        "Field 'Company' is required.",
    ])
    func documentedErrorsSurfaceWithTheirMessage(message: String) async throws {
        let body = try JSONCoding.encode(JSONValue.object(["error": .object(["message": .string(message)])]))
        let (client, _) = larkClient { _ in HTTPResponse(status: 400, body: body) }
        let error = await #expect(throws: VendorError.self) {
            try await client.upsertContact(CampaignLarkUpsertInput(emailAddress: "a@example.com"))
        }
        #expect(error == .http(status: 400, message: message, retryAfter: nil))
    }

    @Test func errorBodyForms() async {
        #expect(CampaignLarkErrorBody.message(status: 404, body: Array(#"{"error":{"message":"Contact not found"}}"#.utf8)) == "Contact not found")
        #expect(CampaignLarkErrorBody.message(status: 429, body: Array(#"{"error":"Too many requests"}"#.utf8)) == "Too many requests")
        #expect(CampaignLarkErrorBody.message(status: 503, body: []) == "Service Unavailable")
        let (client, _) = larkClient { _ in .json(429, #"{"error":{"message":"Rate limit exceeded"}}"#, headers: [("Retry-After", "1")]) }
        let error = await #expect(throws: VendorError.self) { try await client.tags() }
        #expect(error == .http(status: 429, message: "Rate limit exceeded", retryAfter: .seconds(1)))
        #expect(error.map { "\($0)" }?.contains("cl_live") == false)
    }

    @Test func byEmailLookup() async throws {
        let (client, transport) = larkClient { _ in .json(200, #"{"data":\#(contactJSON)}"#) }
        let contact = try await client.contact(email: "tywin+lannister@example.com")
        #expect(transport.requests.first?.method == .GET)
        #expect(transport.requests.first?.url == "http://127.0.0.1:1/campaignlark/contacts/by-email?email=tywin%2Blannister%40example.com")
        #expect(transport.requests.first?.body == nil)
        #expect(contact.data["plan"] == .string("gold"))
        let neutral = try await client.contact(campaignID: "default", contactID: "tywin@example.com")
        #expect(neutral.vendorID == "64f1a2b3c4d5e6f7a8b9c0d1")
        await #expect(throws: VendorError.self) { try await client.contact(campaignID: "default", contactID: "64f1a2b3") }
    }

    @Test func searchBodyLimitsAndPagination() async throws {
        let (client, transport) = larkClient { _ in
            .json(200, #"{"data":[\#(contactJSON)],"pagination":{"current_page":2,"per_page":10,"total_pages":3,"total_count":25}}"#)
        }
        let page = try await client.searchContacts(
            CampaignLarkSearch(page: 2, limit: 10, status: .subscribed, tags: [1, 2], sortBy: .updatedAt, sortOrder: .descending))
        let request = try #require(transport.requests.first)
        #expect(request.method == .POST)
        #expect(request.url == "http://127.0.0.1:1/campaignlark/contacts/search")
        let expected = #"{"page":2,"limit":10,"status":"SUBSCRIBED","tags":[1,2],"sort_by":"updated_at","sort_order":"desc"}"#
        #expect(try sameJSON(request.body ?? [], Array(expected.utf8)))
        #expect(page.items.count == 1)
        #expect(page.pagination == CampaignLarkPagination(currentPage: 2, perPage: 10, totalPages: 3, totalCount: 25))
        #expect(page.hasMore(requestedLimit: 10))
        await #expect(throws: VendorError.self) { try await client.searchContacts(CampaignLarkSearch(limit: 9)) }
        await #expect(throws: VendorError.self) { try await client.searchContacts(CampaignLarkSearch(limit: 251)) }
        #expect(transport.requests.count == 1)
    }

    @Test(arguments: [
        #"{"data":[{"id":7,"name":"vip"}],"current_page":1,"per_page":10,"total_pages":1,"total_count":1}"#,
        #"{"data":{"items":[{"id":7,"name":"vip"}],"current_page":1,"total_pages":1}}"#,
        #"{"data":{"tags":[{"id":7,"name":"vip"}],"pagination":{"current_page":1,"total_pages":1}}}"#,
        #"{"data":[{"id":7,"name":"vip"}],"meta":{"current_page":1,"total_count":1}}"#,
        #"{"data":[7]}"#,
    ])
    func paginationIsReadWhereverItSits(body: String) throws {
        let page = try JSONCoding.decode(CampaignLarkPage<CampaignLarkTag>.self, from: Array(body.utf8))
        #expect(page.items.map(\.id) == [7])
        #expect(!page.hasMore(requestedLimit: 10))
    }

    @Test func workspaceReads() async throws {
        let (client, transport) = larkClient { request in
            switch request.url.split(separator: "/").last {
            case "tags": .json(200, #"{"data":[{"id":1,"name":"newsletter"},{"id":2,"name":"vip"}]}"#)
            case "fields":
                .json(
                    200,
                    #"{"data":[{"id":1,"label":"First name","merge_tag":"first_name","type":"TEXT","required":true},{"id":"f2","label":"Score","merge_tag":"score","type":"CURRENCY"}]}"#
                )
            default: .json(200, #"{"data":["first_name",{"merge_tag":"score","label":"Score"}]}"#)
            }
        }
        #expect(try await client.tags().map(\.name) == ["newsletter", "vip"])
        let fields = try await client.fields()
        #expect(fields.map(\.mergeTag) == ["first_name", "score"])
        #expect(fields.map(\.required) == [true, false])
        #expect(fields.map(\.type) == [.text, .unknown("CURRENCY")])
        #expect(fields.map(\.id) == ["1", "f2"])
        #expect(try await client.mergeTags() == [CampaignLarkMergeTag(tag: "first_name"), CampaignLarkMergeTag(tag: "score", label: "Score")])
        #expect(transport.requests.map(\.url) == ["tags", "fields", "merge-tags"].map { "http://127.0.0.1:1/campaignlark/\($0)" })
        #expect(transport.requests.allSatisfy { $0.method == .GET })
    }

    /// The contact form's lists: `GET /tags` and `GET /fields`, types mapped to the form's
    /// kinds, the merge tags the form's fixed fields send marked as having no row of their own.
    @Test func contactFormListsReadTagsAndFields() async throws {
        let (client, transport) = larkClient { request in
            switch request.url.split(separator: "/").last {
            case "tags": .json(200, #"{"data":[{"id":1,"name":"newsletter"},{"id":2,"name":"vip"},{"id":3}]}"#)
            default:
                .json(
                    200,
                    #"""
                    {"data":[{"id":1,"label":"First name","merge_tag":"first_name","type":"TEXT","required":true},
                     {"id":2,"label":"Score","merge_tag":"score","type":"NUMBER"},
                     {"id":3,"merge_tag":"opt_in","type":"BOOL","required":true},
                     {"id":4,"label":"Birthday","merge_tag":"birthday","type":"DATE"},
                     {"id":5,"label":"Interests","merge_tag":"interests","type":"MULTI"},
                     {"id":6,"label":"Tier","merge_tag":"tier","type":"CURRENCY"},
                     {"id":7,"label":"Nameless","type":"TEXT"}]}
                    """#)
            }
        }
        let lists = try #require(try await client.contactFormLists())
        #expect(lists.tags == [.init(id: 1, name: "newsletter"), .init(id: 2, name: "vip"), .init(id: 3, name: "3")])
        #expect(lists.fields.map(\.key) == ["first_name", "score", "opt_in", "birthday", "interests", "tier"])
        #expect(lists.fields.map(\.kind) == [.text, .number, .boolean, .date, .list, .text])
        #expect(lists.fields.map(\.needsRow) == [false, true, true, true, true, true])
        #expect(lists.fields.map(\.required) == [true, false, true, false, false, false])
        #expect(lists.fields[2].label == "opt_in", "a field without a label is named by its merge tag")
        #expect(lists.tag("VIP")?.id == 2 && lists.tag("3")?.name == "3" && lists.tag("vipp") == nil)
        #expect(Set(transport.requests.map(\.url)) == Set(["tags", "fields"].map { "http://127.0.0.1:1/campaignlark/\($0)" }))
        #expect(transport.requests.allSatisfy { $0.method == .GET })
    }

    @Test func campaignsFollowPagesAndMapStates() async throws {
        let (client, transport) = larkClient { request in
            if request.url.contains("page=1&") {
                return .json(
                    200,
                    #"{"data":[{"id":"c1","name":"Spring sale","status":"PROCESSING"},{"id":"c2","name":"Draft one","status":"DRAFT"}],"current_page":1,"per_page":100,"total_pages":2,"total_count":3}"#
                )
            }
            return .json(200, #"{"data":[{"id":3,"name":"Old","status":"SUNSET"}],"current_page":2,"per_page":100,"total_pages":2,"total_count":3}"#)
        }
        let campaigns = try await client.campaigns(nameContains: nil, states: [])
        #expect(transport.requests.map(\.url) == [
            "http://127.0.0.1:1/campaignlark/campaigns?page=1&limit=100", "http://127.0.0.1:1/campaignlark/campaigns?page=2&limit=100",
        ])
        #expect(campaigns.map(\.id) == ["c1", "c2", "3"])
        #expect(campaigns.map(\.state) == [.active, .draft, .unknown("SUNSET")])
        #expect(try await client.campaigns(nameContains: "SPRING", states: [.active]).map(\.id) == ["c1"])
        #expect(try await client.campaign(id: "default").id == "default")
        #expect(try await client.campaign(id: "c2").name == "Draft one")
        _ = try await client.listCampaigns(page: 1, limit: 10, status: .paused)
        #expect(transport.requests.last?.url == "http://127.0.0.1:1/campaignlark/campaigns?page=1&limit=10&status=PAUSED")
    }

    @Test func neutralContactsPageThroughSearch() async throws {
        let items = (0..<10).map { #"{"id":"k\#($0)","status":"BOUNCED","data":{"email_address":"p\#($0)@example.com"}}"# }
        let (client, transport) = larkClient { _ in
            .json(200, #"{"data":[\#(items.joined(separator: ","))],"pagination":{"current_page":2,"per_page":10,"total_pages":4,"total_count":35}}"#)
        }
        let page = try await client.contacts(campaignID: "default", status: "BOUNCED", limit: 5, offset: 13)
        let body = try jsonObject(transport.requests.first?.body)
        #expect(body["page"] as? Int == 2)
        #expect(body["limit"] as? Int == 10)
        #expect(body["status"] as? String == "BOUNCED")
        #expect(page.contacts.map(\.vendorID) == ["k3", "k4", "k5", "k6", "k7"])
        #expect(page.contacts.first?.status == ContactStatus(raw: "BOUNCED", normalized: .failed))
        #expect(page.total == 35)
        #expect(page.nextOffset == 18)
        await #expect(throws: VendorError.self) { try await client.contacts(campaignID: "c1", status: nil, limit: 10, offset: 0) }
    }

    @Test func neutralUpsertOneRequestPerContact() async throws {
        let (client, transport) = larkClient { request in
            let body = try jsonObject(request.body)
            if body["email_address"] as? String == "bad@example.com" {
                return .json(400, #"{"error":{"message":"We were unable to find a field with the merge_tag shoe_size"}}"#)
            }
            return .json(200, #"{"data":\#(contactJSON)}"#)
        }
        let contacts = [
            Contact(
                firstName: "Tywin", email: "tywin@example.com", phoneNumbers: ["+447700900123"],
                status: ContactStatus(raw: "UNSUBSCRIBED", normalized: .failed),
                data: ["plan": .string("gold"), "tags": .array([.object(["id": .number(2), "name": .string("vip")]), .number(5)])]),
            Contact(firstName: "No email"),
            Contact(email: "bad@example.com", data: ["shoe_size": .number(44)]),
        ]
        let report = try await client.upsert(UpsertRequest(campaignID: "default", partial: true, contacts: contacts))
        #expect(transport.requests.count == 2)
        #expect(
            report.outcomes.map(\.result) == [
                .upserted, .failed(reason: "CampaignLark needs an email address; this contact has none"),
                .failed(reason: "We were unable to find a field with the merge_tag shoe_size"),
            ])
        #expect(report.outcomes.map(\.index) == [0, 1, 2])
        #expect(report.outcomes[0].vendorID == "64f1a2b3c4d5e6f7a8b9c0d1")
        let expected = #"""
            {"email_address":"tywin@example.com","fields":{"first_name":"Tywin","phone":"+447700900123","plan":"gold"},
             "tags":[2,5],"status":"UNSUBSCRIBED","partial_update":true}
            """#
        #expect(try sameJSON(transport.requests[0].body ?? [], Array(expected.utf8)))
        await #expect(throws: VendorError.self) {
            try await client.upsert(UpsertRequest(campaignID: "default", action: .remove, contacts: contacts))
        }
        await #expect(throws: VendorError.self) { try await client.upsert(UpsertRequest(campaignID: "c1", contacts: contacts)) }
    }

    @Test func upsertStopsOnAuthenticationErrors() async {
        let (client, transport) = larkClient { _ in .json(401, #"{"error":{"message":"Invalid API key"}}"#) }
        let error = await #expect(throws: VendorError.self) {
            try await client.upsert(UpsertRequest(campaignID: "default", contacts: [Contact(email: "a@b.c"), Contact(email: "d@e.f")]))
        }
        #expect(error?.message == "Invalid API key")
        #expect(transport.requests.count == 1)
    }

    @Test func capabilities() throws {
        let client = try VendorRegistry.client(for: larkAccount(), transport: RecordingTransport { _ in .json(200, "{}") })
        #expect(client.vendor == .campaignlark)
        #expect(client.capabilities == [.listCampaigns, .listContacts, .getContact, .upsert, .defaultCampaign])
        #expect(!client.capabilities.contains(.updateOnly))
        #expect(!client.capabilities.contains(.remove))
        #expect(!client.capabilities.contains(.stats))
        #expect(client.maxContactsPerRequest == 1)
        #expect(Vendor.campaignlark.defaultBaseURL == "https://api.campaignlark.com/v1")
    }

    @Test func unknownEnumValuesAreKept() throws {
        let contact = try JSONCoding.decode(
            CampaignLarkContact.self, from: Array(#"{"id":42,"status":"PENDING_REVIEW","tags":[3],"data":{},"new_key":true}"#.utf8))
        #expect(contact.id == "42")
        #expect(contact.status == .unknown("PENDING_REVIEW"))
        #expect(contact.neutral.status == ContactStatus(raw: "PENDING_REVIEW", normalized: .unknown))
        #expect(contact.tags == [CampaignLarkTag(id: 3)])
        let input = CampaignLarkUpsertInput(neutral: Contact(email: "a@b.c", status: contact.neutral.status), partial: false)
        #expect(input?.status == nil)
        #expect(CampaignLarkCampaignStatus(rawValue: "IN_REVIEW").neutral == .active)
        #expect(CampaignLarkCampaignStatus(rawValue: "ARCHIVED").neutral == .closed)
    }
}
