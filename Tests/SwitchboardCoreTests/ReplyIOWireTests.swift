import Foundation
import Testing

@testable import SwitchboardCore

private func replyAccount(version: String? = nil, baseURL: String? = "http://127.0.0.1:1/replyio") -> Account {
    Account(name: "reply", vendor: .replyio, baseURL: baseURL, credential: Secret("ri_live.secret"), apiVersion: version)
}

private func replyClient(version: String? = nil, _ answer: @escaping @Sendable (HTTPRequest) throws -> HTTPResponse) throws
    -> (ReplyIOClient, RecordingTransport)
{
    let transport = RecordingTransport(answer: answer)
    return (try ReplyIOClient(account: replyAccount(version: version), transport: transport), transport)
}

private let conflictBody = #"""
    {"type":"https://reply.io/problems/conflict","title":"Contact already exists","status":409,
     "detail":"A contact with email john.doe@company.com already exists","code":"contact.alreadyExists"}
    """#

/// The Reply.io client's requests, answers and mapping, against a recording transport.
@Suite struct ReplyIOWireTests {
    @Test func createContactV4RouteAndDocumentedExamples() async throws {
        let example = try VendorExamples.bytes("replyio", "request.create-contact.json")
        let answer = try VendorExamples.bytes("replyio", "response.create-contact.json")
        let (client, transport) = try replyClient { _ in HTTPResponse(status: 201, body: answer) }
        let input = try JSONCoding.decode(ReplyIOContactInput.self, from: example)
        #expect(try sameJSON(example, try JSONCoding.encode(input)))
        let contact = try await client.createContact(input)
        let request = try #require(transport.requests.first)
        #expect(request.method == .POST)
        #expect(request.url == "http://127.0.0.1:1/replyio/v4/contacts")
        #expect(request.header("X-API-Key") == "ri_live.secret")
        #expect(request.header("Authorization") == nil)
        #expect(request.header("Content-Type") == "application/json")
        #expect(try sameJSON(example, request.body ?? []))

        #expect(contact.id == 12345)
        #expect(contact.domain == "company.com")
        #expect(contact.companySize == .oneThousand)
        #expect(contact.phoneStatus == .valid)
        #expect(contact.linkedInSalesNavigatorUrl == "https://www.linkedin.com/sales/profile/123456")
        #expect(contact.ownerUserId == 42)
        #expect(contact.accountId == 100)
        #expect(contact.isOptedOut == false)
        #expect(contact.addingDate == "2024-03-08T10:00:00+00:00")
        #expect(contact.createdAt == "2024-03-08T10:00:00")
        #expect(contact.lastModifiedAt == "2024-03-10T15:30:00")
        #expect(contact.customFields == [.init(key: "leadSource", value: .string("Conference")), .init(key: "budget", value: .string("100k-250k"))])
        let sequence = try #require(contact.sequences.first)
        #expect(sequence.sequenceId == 100)
        #expect(sequence.status == .active)
        #expect(sequence.currentStep == 2)
        #expect(sequence.emailAccountId == 101)
        #expect(sequence.linkedInAccountId == nil)
        #expect(contact.lists.first?.listName == "Hot Leads")
        #expect(contact.lists.first?.isShared == false)
    }

    @Test func everyDocumentedFieldIsSent() throws {
        let input = ReplyIOContactInput(
            email: "a@example.com", firstName: "Ada", lastName: "Lovelace", phone: "+44 20 7946 0000", phone2: "+44 20 7946 0001",
            title: "CTO", company: "Engines", companySize: .fifty, industry: "Computing", city: "London", state: "LDN",
            country: "UK", timeZoneId: "Europe/London", linkedInUrl: "https://www.linkedin.com/in/ada",
            linkedInSalesNavigatorUrl: "https://www.linkedin.com/sales/ada", linkedInRecruiterUrl: "https://www.linkedin.com/recruiter/ada",
            notes: "n", accountId: 7, customFields: [.init(key: "k", value: .string("v"))])
        let body = try jsonObject(try JSONCoding.encode(input))
        #expect(Set(body.keys) == [
            "email", "firstName", "lastName", "phone", "phone2", "title", "company", "companySize", "industry", "city", "state",
            "country", "timeZoneId", "linkedInUrl", "linkedInSalesNavigatorUrl", "linkedInRecruiterUrl", "notes", "accountId",
            "customFields",
        ])
        #expect(body["companySize"] as? String == "Fifty")
    }

    @Test func v3UsesBearerAndTheV3Prefix() async throws {
        let (client, transport) = try replyClient(version: "v3") { _ in .json(200, #"{"items":[],"hasMore":false}"#) }
        #expect(client.apiVersion == .v3)
        _ = try await client.listSequences()
        let request = try #require(transport.requests.first)
        #expect(request.url == "http://127.0.0.1:1/replyio/v3/sequences")
        #expect(request.header("Authorization") == "Bearer ri_live.secret")
        #expect(request.header("X-API-Key") == nil)
        #expect(throws: VendorError.self) {
            try ReplyIOClient(account: replyAccount(version: "v5"), transport: transport)
        }
    }

    @Test func productionBaseCarriesNoVersion() async throws {
        #expect(Vendor.replyio.defaultBaseURL == "https://api.reply.io")
        let transport = RecordingTransport { _ in .json(200, #"{"items":[],"hasMore":false}"#) }
        let client = try ReplyIOClient(account: replyAccount(baseURL: nil), transport: transport)
        _ = try await client.listSequences(top: 5, skip: 10)
        #expect(transport.requests.first?.url == "https://api.reply.io/v4/sequences?top=5&skip=10")
    }

    @Test func sequencesPageUntilHasMoreIsFalse() async throws {
        let (client, transport) = try replyClient { request in
            if request.url.hasSuffix("skip=0") {
                return .json(
                    200,
                    #"{"items":[{"id":12345,"ownerUserId":42,"name":"Sales Outreach","status":"active","created":"2024-03-08T10:00:00+00:00","isArchived":false,"health":"healthy"},{"id":12346,"name":"Follow-up","status":"Paused"}],"hasMore":true}"#
                )
            }
            return .json(200, #"{"items":[{"id":1,"name":"Old","status":"active","isArchived":true},{"id":2,"name":"Next","status":"new"},{"id":3,"name":"Odd","status":"Stopped"}],"hasMore":false}"#)
        }
        let campaigns = try await client.campaigns(nameContains: nil, states: [])
        #expect(transport.requests.map(\.url) == [
            "http://127.0.0.1:1/replyio/v4/sequences?top=1000&skip=0", "http://127.0.0.1:1/replyio/v4/sequences?top=1000&skip=2",
        ])
        #expect(campaigns.map(\.id) == ["12345", "12346", "1", "2", "3"])
        #expect(campaigns.map(\.state) == [.active, .paused, .closed, .draft, .unknown("Stopped")])
        #expect(campaigns.first?.createdAt == "2024-03-08T10:00:00+00:00")
        #expect(try await client.campaigns(nameContains: "sales", states: [.active]).map(\.id) == ["12345"])
        #expect(try await client.campaign(id: "2").name == "Next")
        #expect(try await client.campaign(id: "default").id == "default")
        await #expect(throws: VendorError.self) { try await client.campaign(id: "abc") }
        await #expect(throws: VendorError.self) { try await client.listSequences(top: 1001) }
    }

    @Test func contactsFilterRouteAndNeutralPage() async throws {
        let answer = try VendorExamples.bytes("replyio", "response.create-contact.json")
        let item = String(decoding: answer, as: UTF8.self)
        let (client, transport) = try replyClient { _ in .json(200, #"{"items":[\#(item)],"hasMore":true,"totalCount":123}"#) }
        let page = try await client.contacts(campaignID: "100", status: nil, limit: 25, offset: 50)
        let request = try #require(transport.requests.first)
        #expect(request.method == .POST)
        #expect(request.url == "http://127.0.0.1:1/replyio/v4/contacts/filter?top=25&skip=50")
        #expect(try sameJSON(request.body ?? [], Array(#"{"sequenceId":100}"#.utf8)))
        #expect(page.total == 123)
        #expect(page.nextOffset == 51)
        let contact = try #require(page.contacts.first)
        #expect(contact.vendorID == "12345")
        #expect(contact.status == ContactStatus(raw: "Active", normalized: .active))
        #expect(contact.phoneNumbers == ["+1-415-555-0123"])
        #expect(contact.timezone == "America/Los_Angeles")
        #expect(contact.updatedAt == "2024-03-10T15:30:00")
        #expect(contact.data["leadSource"] == .string("Conference"))
        #expect(contact.data["company"] == .string("Tech Solutions Inc"))

        let filtered = try await client.contacts(campaignID: "default", status: "paused", limit: 10, offset: 0)
        #expect(try sameJSON(transport.requests[1].body ?? [], Array("{}".utf8)))
        #expect(filtered.contacts.isEmpty)
        #expect(filtered.total == nil)
    }

    @Test func problemDetailsBecomeOneMessage() async throws {
        let validation = #"""
            {"type":"https://reply.io/problems/validation","title":"Validation failed","status":400,"code":"validation.failed",
             "errors":[{"field":"email","message":"The email is not valid"},{"field":"companySize","message":"Unknown size"}]}
            """#
        #expect(
            ReplyIOProblem.message(status: 400, body: Array(validation.utf8))
                == "Validation failed: email: The email is not valid; companySize: Unknown size (validation.failed)")
        #expect(
            ReplyIOProblem.message(status: 404, body: Array(#"{"title":"Not Found","detail":"Sequence 9 was not found","code":"sequence.notFound"}"#.utf8))
                == "Sequence 9 was not found (sequence.notFound)")
        #expect(
            ReplyIOProblem.message(status: 400, body: Array(#"{"title":"One or more validation errors occurred.","errors":{"Email":["Required"]}}"#.utf8))
                == "One or more validation errors occurred.: Email: Required")
        #expect(ReplyIOProblem.message(status: 404, body: Array(#"{"code":"sequence.notFound"}"#.utf8)) == "sequence.notFound")
        #expect(ReplyIOProblem.message(status: 500, body: Array("oops".utf8)) == "Internal Server Error")

        let (client, _) = try replyClient { _ in .json(429, #"{"title":"Too many requests","status":429}"#, headers: [("Retry-After", "30")]) }
        let error = await #expect(throws: VendorError.self) { try await client.listSequences() }
        #expect(error == .http(status: 429, message: "Too many requests", retryAfter: .seconds(30)))
        #expect(error.map { "\($0)" }?.contains("ri_live") == false)
    }

    @Test func existingContactIsIgnoredNotFailed() async throws {
        let (client, transport) = try replyClient { request in
            let body = try jsonObject(request.body)
            switch body["email"] as? String {
            case "john.doe@company.com": return HTTPResponse(status: 409, headers: [("Content-Type", "application/problem+json")], body: Array(conflictBody.utf8))
            case "bad": return .json(400, #"{"title":"Validation failed","errors":[{"field":"email","message":"The email is not valid"}]}"#)
            default: return .json(200, #"{"id":777,"email":"new@company.com"}"#)
            }
        }
        let contacts = [
            Contact(email: "new@company.com"), Contact(email: "john.doe@company.com"), Contact(firstName: "Nobody"),
            Contact(email: "bad"),
        ]
        let report = try await client.upsert(UpsertRequest(campaignID: "default", contacts: contacts))
        #expect(transport.requests.count == 3)
        #expect(
            report.outcomes.map(\.result) == [
                .created, .ignored(reason: "A contact with email john.doe@company.com already exists (contact.alreadyExists)"),
                .failed(reason: "Reply.io needs an email or a LinkedIn URL; this contact has neither"),
                .failed(reason: "Validation failed: email: The email is not valid"),
            ])
        #expect(report.outcomes[0].vendorID == "777")
        #expect(ReplyIOProblem.isConflict(.http(status: 400, message: "Duplicate contact (contact.alreadyExists)", retryAfter: nil)))
        #expect(!ReplyIOProblem.isConflict(.http(status: 400, message: "Validation failed", retryAfter: nil)))
        await #expect(throws: VendorError.self) { try await client.upsert(UpsertRequest(campaignID: "100", contacts: contacts)) }
        await #expect(throws: VendorError.self) {
            try await client.upsert(UpsertRequest(campaignID: "default", action: .updateOnly, contacts: contacts))
        }
    }

    @Test func createNeedsEmailOrLinkedIn() async throws {
        let (client, transport) = try replyClient { _ in .json(200, #"{"id":1}"#) }
        await #expect(throws: VendorError.self) { try await client.createContact(ReplyIOContactInput(firstName: "Ada")) }
        _ = try await client.createContact(ReplyIOContactInput(linkedInUrl: "https://www.linkedin.com/in/ada"))
        #expect(transport.requests.count == 1)
    }

    @Test func neutralContactInReplyIOShape() throws {
        let contact = Contact(
            vendorID: "12345", firstName: "José", lastName: "Núñez", email: "jose@example.com", phoneNumbers: ["+34 600 000 000", "+34 600 000 001", "+34 600 000 002"],
            data: [
                "company": .string("Acme"), "companySize": .string("fiveHundred"), "accountId": .number(100), "domain": .string("example.com"),
                "sequences": .array([]), "leadSource": .string("Conference"), "budget": .number(5),
            ], timezone: "Europe/Madrid")
        let input = ReplyIOContactInput(neutral: contact)
        #expect(input.phone == "+34 600 000 000")
        #expect(input.phone2 == "+34 600 000 001")
        #expect(input.company == "Acme")
        #expect(input.companySize == .fiveHundred)
        #expect(input.accountId == 100)
        #expect(input.timeZoneId == "Europe/Madrid")
        #expect(input.customFields == [.init(key: "budget", value: .number(5)), .init(key: "leadSource", value: .string("Conference"))])
        let text = String(decoding: try JSONCoding.encode(input), as: UTF8.self)
        #expect(!text.contains("domain"))
        #expect(!text.contains("sequences"))
        #expect(text.contains(#""companySize":"FiveHundred""#))
    }

    @Test func capabilities() throws {
        let client = try VendorRegistry.client(for: replyAccount(), transport: RecordingTransport { _ in .json(200, "{}") })
        #expect(client.vendor == .replyio)
        #expect(client.capabilities == [.listCampaigns, .listContacts, .upsert, .defaultCampaign])
        #expect(!client.capabilities.contains(.getContact))
        #expect(!client.capabilities.contains(.updateOnly))
        #expect(client.maxContactsPerRequest == 1)
    }

    @Test func unknownAndDifferentlyCasedEnumValues() throws {
        let json = #"""
            {"id":5,"companySize":"oneThousand","phoneStatus":"valid","sequences":[{"sequenceId":1,"status":"OnHold"}],"callStatus":"toCall"}
            """#
        let contact = try JSONCoding.decode(ReplyIOContact.self, from: Array(json.utf8))
        #expect(contact.companySize == .oneThousand)
        #expect(contact.phoneStatus == .valid)
        #expect(contact.sequences.first?.status == .unknown("OnHold"))
        #expect(contact.neutral(inSequence: 1).status == ContactStatus(raw: "OnHold", normalized: .unknown))
        #expect(contact.customFields.isEmpty)
        #expect(ReplyIOCompanySize(rawValue: "Gigantic") == .unknown("Gigantic"))
        #expect(ReplyIOPhoneStatus(rawValue: "Carrier") == .unknown("Carrier"))
        let page = try JSONCoding.decode(ReplyIOPage<ReplyIOSequence>.self, from: Array(#"{"items":[{"id":1,"name":"x","status":"archived"}]}"#.utf8))
        #expect(page.items.first?.status == .unknown("archived"))
        #expect(page.hasMore == false)
    }
}
