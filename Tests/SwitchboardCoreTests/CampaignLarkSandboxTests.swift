import Foundation
import Testing
import VendorSandbox

@testable import SwitchboardCore

/// The CampaignLark client against the live sandbox: the documented upsert and its
/// behaviour table, the four documented errors word for word, and the reads.
@Suite struct CampaignLarkSandboxTests {
    typealias Credentials = SandboxCredentials.CampaignLark

    static func client(_ base: String, _ transport: any HTTPTransport, key: String = Credentials.apiKey) -> CampaignLarkClient {
        CampaignLarkClient(
            account: Account(name: "sandbox-campaignlark", vendor: .campaignlark, baseURL: base + "/campaignlark", credential: Secret(key)),
            transport: transport)
    }

    @Test func documentedUpsertAndTheBehaviourTable() async throws {
        try await withLiveSandbox { base, transport in
            let client = Self.client(base, transport)
            let example = try JSONCoding.decode(
                CampaignLarkUpsertInput.self, from: try VendorExamples.bytes("campaignlark", "request.upsert.json"))
            let created = try await client.upsertContact(example)
            #expect(created.status == .subscribed)
            #expect(created.data["email_address"] == .string("tywin@example.com"))
            #expect(created.data["first_name"] == .string("Tywin"))
            #expect(Set(created.tags.map(\.id)) == [1, 2])

            // Partial update: unspecified fields, tags and status are kept.
            let merged = try await client.upsertContact(
                CampaignLarkUpsertInput(emailAddress: "tywin@example.com", fields: ["last_name": .string("Lannister-Casterly")], partialUpdate: true))
            #expect(merged.data["first_name"] == .string("Tywin"))
            #expect(merged.data["last_name"] == .string("Lannister-Casterly"))
            #expect(Set(merged.tags.map(\.id)) == [1, 2])
            #expect(merged.status == .subscribed)

            // Full replace: fields, tags and status are replaced; status defaults to SUBSCRIBED.
            let replaced = try await client.upsertContact(
                CampaignLarkUpsertInput(emailAddress: "tywin@example.com", fields: ["first_name": .string("Tywin")], status: .unconfirmed))
            #expect(replaced.data["last_name"] == nil)
            #expect(replaced.tags.isEmpty)
            #expect(replaced.status == .unconfirmed)
            #expect(replaced.id == created.id)

            let fetched = try await client.contact(email: "tywin@example.com")
            #expect(fetched.id == created.id)
            let missing = await #expect(throws: VendorError.self) { try await client.contact(email: "nobody@example.com") }
            #expect(missing?.status == 404)
        }
    }

    @Test func documentedErrorsWordForWord() async throws {
        try await withLiveSandbox { base, transport in
            let client = Self.client(base, transport)
            let fields = try await client.fields()
            let required = try #require(fields.first { $0.required })
            let connection = client.connection
            let cases: [(String, String)] = [
                (#"{"fields":{"first_name":"A"}}"#, "Email address is required for upsert operation."),
                (#"{"email_address":"x@example.com","fields":{"\#(required.mergeTag)":"A","shoe_size":"9"}}"#,
                 "We were unable to find a field with the merge_tag shoe_size"),
                (#"{"email_address":"x@example.com","fields":{"\#(required.mergeTag)":"A"},"status":"ASLEEP"}"#,
                 "The status you provided is not valid."),
                (#"{"email_address":"new-person@example.com","fields":{}}"#, "Field '\(required.label ?? required.mergeTag)' is required."),
            ]
            for (body, message) in cases {
                let error = await #expect(throws: VendorError.self) {
                    _ = try await connection.send(.POST, ["contacts", "upsert"], body: Array(body.utf8))
                }
                #expect(error == .http(status: 400, message: message, retryAfter: nil), "\(body)")
            }
            let unauthorized = await #expect(throws: VendorError.self) {
                try await Self.client(base, transport, key: "cl_wrong").tags()
            }
            #expect(unauthorized?.status == 401)
        }
    }

    @Test func readsPageToTheEnd() async throws {
        try await withLiveSandbox { base, transport in
            let client = Self.client(base, transport)
            #expect(try await !client.tags().isEmpty)
            #expect(try await client.fields().contains { $0.required })
            #expect(try await !client.mergeTags().isEmpty)
            let lists = try #require(try await client.contactFormLists())
            #expect(lists.tags.map(\.name).contains("vip"))
            #expect(lists.fields.contains { $0.key == "lifetime_value" && $0.kind == .number && $0.needsRow })
            #expect(lists.fields.contains { $0.key == "first_name" && !$0.needsRow })
            let campaigns = try await client.allCampaigns()
            #expect(Set(campaigns.map(\.status.rawValue)).count > 1)

            let first = try await client.searchContacts(CampaignLarkSearch(page: 1, limit: 25))
            let total = try #require(first.pagination.totalCount)
            var seen: Set<String> = []
            var page = 1
            while true {
                let answer = try await client.searchContacts(CampaignLarkSearch(page: page, limit: 25, sortBy: .createdAt, sortOrder: .ascending))
                seen.formUnion(answer.items.map(\.id))
                if !answer.hasMore(requestedLimit: 25) { break }
                page += 1
            }
            #expect(seen.count == total)
            let bounced = try await client.searchContacts(CampaignLarkSearch(page: 1, limit: 250, status: .bounced))
            #expect(bounced.items.allSatisfy { $0.status == .bounced })
            await #expect(throws: VendorError.self) { try await client.searchContacts(CampaignLarkSearch(limit: 5)) }
        }
    }

    @Test func neutralProtocolOverTheSandbox() async throws {
        try await withLiveSandbox { base, transport in
            let client: any VendorClient = Self.client(base, transport)
            #expect(client.capabilities.isSuperset(of: [.listCampaigns, .listContacts, .getContact, .upsert]))
            #expect(!client.capabilities.contains(.stats))
            #expect(!client.capabilities.contains(.remove))
            let page = try await client.contacts(campaignID: "default", status: nil, limit: 30, offset: 40)
            // Offsets map onto CampaignLark's search pages, so a page may stop at a page boundary.
            #expect((1...30).contains(page.contacts.count))
            #expect(page.nextOffset == 40 + page.contacts.count)
            #expect(page.total != nil)
            let fields = try await (client as! CampaignLarkClient).fields()
            var data: [String: JSONValue] = [:]
            for field in fields where field.required && !["first_name", "last_name", "phone"].contains(field.mergeTag) {
                data[field.mergeTag] = .string("x")
            }
            let report = try await client.upsert(
                UpsertRequest(
                    campaignID: "default",
                    contacts: [
                        Contact(firstName: "Łukasz", lastName: "Nowak", email: "lukasz@example.com", data: data),
                        Contact(firstName: "No email"),
                    ]))
            #expect(report.outcomes.count == 2)
            if case .failed = report.outcomes[0].result {
                Issue.record("the contact with an email must be accepted: \(report.outcomes[0])")
            }
            guard case .failed = report.outcomes[1].result else {
                Issue.record("a contact without an email must fail")
                return
            }
            let fetched = try await client.contact(campaignID: "default", contactID: "lukasz@example.com")
            #expect(fetched.firstName == "Łukasz")
        }
    }
}
