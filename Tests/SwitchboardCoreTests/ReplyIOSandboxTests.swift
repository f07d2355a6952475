import Foundation
import Testing
import VendorSandbox

@testable import SwitchboardCore

/// The Reply.io client against the live sandbox, in both API forms (v4 with `X-API-Key`,
/// v3 with `Authorization: Bearer`): the documented create, the conflict, validation,
/// sequences and the contacts filter paged to the end.
@Suite struct ReplyIOSandboxTests {
    typealias Credentials = SandboxCredentials.ReplyIO

    static func account(_ base: String, version: String = "v4", key: String = Credentials.apiKey) -> Account {
        var account = Account(name: "sandbox-replyio", vendor: .replyio, baseURL: base + "/replyio", credential: Secret(key))
        account.apiVersion = version
        return account
    }

    @Test(arguments: ["v4", "v3"])
    func documentedCreateThenConflict(version: String) async throws {
        try await withLiveSandbox { base, transport in
            let client = try ReplyIOClient(account: Self.account(base, version: version), transport: transport)
            let input = try JSONCoding.decode(ReplyIOContactInput.self, from: try VendorExamples.bytes("replyio", "request.create-contact.json"))
            let created = try await client.createContact(input)
            #expect(created.email == "john.doe@company.com")
            #expect(created.firstName == "John")
            #expect(created.accountId == 100)
            #expect(created.customFields == [ReplyIOCustomField(key: "leadSource", value: .string("Conference"))])
            #expect(created.createdAt != nil)
            let documented = try JSONCoding.decode(ReplyIOContact.self, from: try VendorExamples.bytes("replyio", "response.create-contact.json"))
            #expect(created.domain == documented.domain)
            #expect(created.phoneStatus == documented.phoneStatus)

            let conflict = await #expect(throws: VendorError.self) { try await client.createContact(input) }
            #expect(conflict?.status == 409)
            #expect(conflict?.message.contains("contact.alreadyExists") == true)

            let invalid = await #expect(throws: VendorError.self) {
                try await client.createContact(ReplyIOContactInput(email: "someone@example.com", companySize: .unknown("Huge")))
            }
            #expect(invalid?.status == 400)
            #expect(invalid?.message.contains("companySize") == true)

            let unidentifiable = await #expect(throws: VendorError.self) {
                try await client.createContact(ReplyIOContactInput(firstName: "No key"))
            }
            #expect(unidentifiable.map { if case .invalidRequest = $0 { true } else { false } } == true)
        }
    }

    @Test func sequencesAndContactsPageToTheEnd() async throws {
        try await withLiveSandbox { base, transport in
            let client = try ReplyIOClient(account: Self.account(base), transport: transport)
            let sequences = try await client.allSequences(pageSize: 2)
            #expect(sequences.count > 2)
            #expect(Set(sequences.map(\.id)).count == sequences.count)

            let first = try await client.filterContacts(top: 50, skip: 0)
            let total = try #require(first.totalCount)
            var ids: Set<Int> = []
            var skip = 0
            while true {
                let page = try await client.filterContacts(top: 50, skip: skip)
                ids.formUnion(page.items.map(\.id))
                skip += page.items.count
                if !page.hasMore { break }
            }
            #expect(ids.count == total)

            let enrolled = try #require(sequences.first)
            var filter = ReplyIOContactFilter()
            filter.sequenceId = enrolled.id
            let inSequence = try await client.filterContacts(filter, top: 100, skip: 0)
            #expect(inSequence.items.allSatisfy { $0.sequences.contains { $0.sequenceId == enrolled.id } })

            filter.sequenceId = 999_999
            let unknown = await #expect(throws: VendorError.self) { try await client.filterContacts(filter, top: 10, skip: 0) }
            #expect(unknown?.message.contains("sequence.notFound") == true)
        }
    }

    @Test func wrongKeyIsATypedError() async throws {
        try await withLiveSandbox { base, transport in
            let client = try ReplyIOClient(account: Self.account(base, key: "rio_wrong"), transport: transport)
            let error = await #expect(throws: VendorError.self) { try await client.listSequences() }
            #expect(error?.status == 401)
            #expect(!(error?.description.contains("rio_wrong") ?? true))
        }
    }

    @Test func neutralProtocolOverTheSandbox() async throws {
        try await withLiveSandbox { base, transport in
            let client = try VendorRegistry.client(for: Self.account(base), transport: transport)
            #expect(client.capabilities.isSuperset(of: [.listCampaigns, .listContacts, .upsert]))
            #expect(!client.capabilities.contains(.remove))
            #expect(!client.capabilities.contains(.stats))
            let campaigns = try await client.campaigns(nameContains: nil, states: [])
            #expect(!campaigns.isEmpty)
            let page = try await client.contacts(campaignID: "default", status: nil, limit: 20, offset: 0)
            #expect(page.contacts.count == 20)
            let report = try await client.upsert(
                UpsertRequest(
                    campaignID: "default",
                    contacts: [
                        Contact(firstName: "佐藤", lastName: "花子", email: "hanako@example.jp"),
                        Contact(firstName: "佐藤", email: "hanako@example.jp"),
                        Contact(firstName: "Nobody"),
                    ]))
            #expect(report.outcomes[0].result == .created)
            // Reply.io's create is not idempotent: the documented conflict means "already there".
            if case .ignored = report.outcomes[1].result {} else {
                Issue.record("a second create of the same email must be ignored: \(report.outcomes[1])")
            }
            if case .failed = report.outcomes[2].result {} else {
                Issue.record("a contact without email or LinkedIn URL must fail: \(report.outcomes[2])")
            }
        }
    }
}
