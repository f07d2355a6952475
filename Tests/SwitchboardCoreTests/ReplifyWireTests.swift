import Foundation
import Testing

@testable import SwitchboardCore

private let campaignID = "0b6f1c1e-0000-4000-8000-000000000001"

private func replifyAccount(campaigns: [String] = [campaignID]) -> Account {
    Account(
        name: "libby", vendor: .replify, baseURL: "http://127.0.0.1:1/replify", credential: Secret("rk_live.secret"),
        campaigns: campaigns)
}

private let allSuccess = #"{"message":"ok","success":[],"errors":[]}"#

/// The Replify client's requests, answers and outcome mapping, against a recording transport.
@Suite struct ReplifyWireTests {
    @Test func contactsRouteMethodURLHeadersAndBody() async throws {
        let transport = RecordingTransport { _ in .json(200, allSuccess) }
        let client = ReplifyClient(account: replifyAccount(), transport: transport)
        let body = ReplifyContactsRequest(
            contacts: [ReplifyContactInput(email: "ava@example.com", status: .completed)], action: .updateOnly)
        _ = try await client.manageContacts(campaign: campaignID, body)
        let request = try #require(transport.requests.first)
        #expect(request.method == .POST)
        #expect(request.url == "http://127.0.0.1:1/replify/campaigns/\(campaignID)/contacts")
        #expect(request.header("x-api-key") == "rk_live.secret")
        #expect(request.header("Content-Type") == "application/json")
        #expect(request.header("Authorization") == nil)
        let expected = #"{"action":"updateOnly","contacts":[{"email":"ava@example.com","status":"completed"}]}"#
        #expect(try sameJSON(request.body ?? [], Array(expected.utf8)))
    }

    @Test func campaignIDsMustBeUUIDs() async {
        let transport = RecordingTransport { _ in .json(200, allSuccess) }
        let client = ReplifyClient(account: replifyAccount(), transport: transport)
        await #expect(throws: VendorError.self) {
            try await client.manageContacts(campaign: "spring/outreach", ReplifyContactsRequest(contacts: []))
        }
        #expect(transport.requests.isEmpty)
    }

    @Test(arguments: [
        "request.UpsertContacts.json", "request.UpdateOnlyContacts.json", "request.RemoveContact.json",
        "request.UpsertWithExternalIds.json", "request.UpsertWithExternalIdsRoot.json",
    ])
    func documentedRequestsRoundTrip(name: String) async throws {
        let example = try VendorExamples.bytes("replify", name)
        let body = try JSONCoding.decode(ReplifyContactsRequest.self, from: example)
        #expect(try sameJSON(example, try JSONCoding.encode(body)), "\(name) changes when the client re-encodes it")
        let transport = RecordingTransport { _ in .json(200, allSuccess) }
        _ = try await ReplifyClient(account: replifyAccount(), transport: transport).manageContacts(campaign: campaignID, body)
        #expect(try sameJSON(example, transport.requests.first?.body ?? []), "\(name) is not sent as documented")
    }

    @Test func documentedAnswersDecode() throws {
        let all = try JSONCoding.decode(ReplifyContactsResult.self, from: try VendorExamples.bytes("replify", "response.200.allSuccess.json"))
        #expect(all.message == "Processed 3 contacts successfully")
        #expect(all.success.map(\.action) == [.created, .updated])
        #expect(all.errors.isEmpty)
        let mixed = try JSONCoding.decode(
            ReplifyContactsResult.self, from: try VendorExamples.bytes("replify", "response.200.mixedOutcome.json"))
        #expect(mixed.success.first?.phone == "15551234567")
        #expect(mixed.errors == [.init(email: "john.smith@example.com", error: "Contact contains email and phone for two different existing contacts")])
    }

    @Test(arguments: [
        ("response.400.invalidJson.json", 400, "Invalid JSON in request body"),
        ("response.400.missingContacts.json", 400, "Missing required field: contacts"),
        ("response.403.invalidKey.json", 403, "Invalid API key provided"),
        ("response.403.missingKey.json", 403, "API key is required"),
        ("response.403.unauthorizedCampaign.json", 403, "You are not authorized to access this campaign"),
        ("response.404.campaignNotFound.json", 404, "Campaign not found"),
    ])
    func documentedErrorsSurfaceWithTheirMessage(name: String, status: Int, message: String) async throws {
        let body = try VendorExamples.bytes("replify", name)
        let transport = RecordingTransport { _ in HTTPResponse(status: status, headers: [("Content-Type", "application/json")], body: body) }
        let client = ReplifyClient(account: replifyAccount(), transport: transport)
        let error = await #expect(throws: VendorError.self) {
            try await client.manageContacts(campaign: campaignID, ReplifyContactsRequest(contacts: [.init(email: "a@b.c")]))
        }
        #expect(error == .http(status: status, message: message, retryAfter: nil))
        #expect(error.map { "\($0)" }?.contains("rk_live") == false)
    }

    @Test func outcomesMatchTheAnswerByEmailOrPhone() throws {
        let inputs = [
            ReplifyContactInput(email: "Jane.Doe@Example.com", phone: "+1 (555) 123-4567"),
            ReplifyContactInput(email: "john.smith@example.com"),
            ReplifyContactInput(phone: "555-987-6543"),
            ReplifyContactInput(email: "done@example.com", status: .completed),
        ]
        let answer = try JSONCoding.decode(
            ReplifyContactsResult.self,
            from: Array(
                #"""
                {"message":"Processed 2 contacts successfully, 1 failed",
                 "success":[{"phone":"15559876543","action":"updated"},{"phone":"15551234567","email":"jane.doe@example.com","action":"created"}],
                 "errors":[{"email":"john.smith@example.com","error":"Contact contains email and phone for two different existing contacts"},
                           {"phone":"19999999999","error":"Phone number is invalid"}]}
                """#.utf8))
        let report = ReplifyUpsertMapping.report(for: inputs, action: .upsert, answer: answer)
        #expect(report.outcomes.map(\.index) == [0, 1, 2, 3])
        #expect(
            report.outcomes.map(\.result) == [
                .created, .failed(reason: "Contact contains email and phone for two different existing contacts"), .updated,
                .ignored(reason: "Replify does not add contacts whose status is completed"),
            ])
        #expect(report.warnings == ["Phone number is invalid"])
    }

    @Test func updateOnlyAndRemoveOutcomes() {
        let inputs = [ReplifyContactInput(email: "in@example.com"), ReplifyContactInput(email: "out@example.com")]
        let answer = ReplifyContactsResult(success: [.init(email: "in@example.com", action: .updated)])
        #expect(
            ReplifyUpsertMapping.report(for: inputs, action: .updateOnly, answer: answer).outcomes.map(\.result) == [
                .updated, .ignored(reason: "not in the campaign (updateOnly ignores it)"),
            ])
        let removed = ReplifyContactsResult(success: [.init(email: "in@example.com")])
        #expect(
            ReplifyUpsertMapping.report(for: inputs, action: .remove, answer: removed).outcomes.map(\.result) == [
                .removed, .ignored(reason: "not mentioned in Replify's answer"),
            ])
    }

    @Test func neutralUpsertSplitsChecksAndKeepsIndexes() async throws {
        let transport = RecordingTransport { request in
            let body = try JSONCoding.decode(ReplifyContactsRequest.self, from: request.body ?? [])
            let success = body.contacts.map { #"{"email":"\#($0.email!)","action":"created"}"# }.joined(separator: ",")
            return .json(200, #"{"message":"ok","success":[\#(success)],"errors":[]}"#)
        }
        let client = ReplifyClient(account: replifyAccount(), transport: transport)
        var contacts = (0..<250).map { Contact(email: "p\($0)@example.com") }
        contacts[120] = Contact(firstName: "No", lastName: "Key")
        let report = try await client.upsert(UpsertRequest(campaignID: campaignID, contacts: contacts))
        let sizes = try transport.requests.map { try JSONCoding.decode(ReplifyContactsRequest.self, from: $0.body ?? []).contacts.count }
        #expect(sizes == [100, 99, 50])
        #expect(report.outcomes.map(\.index) == Array(0..<250))
        #expect(report.outcomes[120].result == .failed(reason: "Replify identifies a contact by email or phone; this contact has neither"))
        #expect(report.outcomes.filter { $0.result == .created }.count == 249)
        let first = try jsonObject(transport.requests[0].body)
        #expect(first["action"] as? String == "upsert")
    }

    @Test func neutralContactInReplifyShape() throws {
        let contact = Contact(
            externalID: "1234", firstName: "Zoë", lastName: "Łukasz", email: "z@example.com",
            phoneNumbers: ["+15551234567", "+15550000000"], status: ContactStatus(raw: "completed", normalized: .completed),
            data: ["tier": .string("pro"), "externalIdKey": .string("hubspotId")])
        let input = ReplifyContactInput(neutral: contact, action: .upsert)
        #expect(input.phone == "+15551234567")
        #expect(input.status == .completed)
        #expect(input.contactMetadata == ["tier": .string("pro")])
        #expect(input.externalIdKey == "hubspotId")
        #expect(input.externalIdValue == "1234")
        let removal = ReplifyContactInput(neutral: contact, action: .remove)
        #expect(removal == ReplifyContactInput(email: "z@example.com", phone: "+15551234567"))
        let other = ReplifyContactInput(neutral: Contact(email: "a@b.c", status: ContactStatus(raw: "voicemail", normalized: .unknown)), action: .upsert)
        #expect(other.status == nil)
    }

    @Test func outboundCall() async throws {
        let transport = RecordingTransport { _ in .json(200, #"{"success":true,"message":"Call queued"}"#) }
        let client = ReplifyClient(account: replifyAccount(), transport: transport)
        let call = ReplifyCallRequest(
            agentId: "6f1c1e0b-0000-4000-8000-00000000000a",
            contact: .init(phoneNumber: "+15551234567", firstName: "Ava", email: "ava@example.com"),
            metadata: ["tier": .string("pro")], callInstructions: "Confirm the appointment.")
        let answer = try await client.placeCall(call)
        #expect(answer == ReplifyCallResult(success: true, message: "Call queued"))
        let request = try #require(transport.requests.first)
        #expect(request.method == .POST)
        #expect(request.url == "http://127.0.0.1:1/replify/outbound/call")
        #expect(request.header("x-api-key") == "rk_live.secret")
        let expected = #"""
            {"agentId":"6f1c1e0b-0000-4000-8000-00000000000a","callInstructions":"Confirm the appointment.",
             "contact":{"email":"ava@example.com","firstName":"Ava","phoneNumber":"+15551234567"},"metadata":{"tier":"pro"}}
            """#
        #expect(try sameJSON(request.body ?? [], Array(expected.utf8)))

        var both = call
        both.introMessage = "Hi"
        await #expect(throws: VendorError.self) { try await client.placeCall(both) }
        var introOnly = call
        introOnly.callInstructions = nil
        introOnly.introMessage = "Hi"
        await #expect(throws: VendorError.self) { try await client.placeCall(introOnly) }
        introOnly.voicemailMessage = "Call us back"
        #expect(introOnly.problem == nil)
        var national = call
        national.contact.phoneNumber = "5551234567"
        await #expect(throws: VendorError.self) { try await client.placeCall(national) }
        #expect(transport.requests.count == 1)
    }

    @Test func capabilitiesAndConfiguredCampaigns() async throws {
        let transport = RecordingTransport { _ in .json(500, "{}") }
        let client = try VendorRegistry.client(for: replifyAccount(campaigns: [campaignID, "a-b"]), transport: transport)
        #expect(client.vendor == .replify)
        #expect(client.capabilities == [.upsert, .updateOnly, .remove])
        #expect(client.capabilities.names == ["upsert", "update-only", "remove"])
        #expect(client.maxContactsPerRequest == 100)
        let campaigns = try await client.campaigns(nameContains: nil, states: [])
        #expect(campaigns.map(\.id) == [campaignID, "a-b"])
        #expect(campaigns.first?.state == .unknown(""))
        #expect(try await client.campaigns(nameContains: "0B6F", states: []).count == 1)
        #expect(try await client.campaigns(nameContains: nil, states: [.active]).isEmpty)
        #expect(try await client.campaign(id: campaignID).id == campaignID)
        await #expect(throws: VendorError.self) { try await client.campaign(id: "unlisted") }
        await #expect(throws: VendorError.self) { try await client.contacts(campaignID: campaignID, status: nil, limit: 10, offset: 0) }
        await #expect(throws: VendorError.self) { try await client.stats(campaignID: campaignID) }
        #expect(transport.requests.isEmpty)
    }

    @Test func unknownEnumValuesAreKept() throws {
        let answer = try JSONCoding.decode(
            ReplifyContactsResult.self, from: Array(#"{"success":[{"email":"a@b.c","action":"merged"}],"extra":1}"#.utf8))
        #expect(answer.success.first?.action == .unknown("merged"))
        #expect(answer.errors.isEmpty)
        #expect(ReplifyUpsertMapping.report(for: [.init(email: "a@b.c")], action: .upsert, answer: answer).outcomes.first?.result == .upserted)
        let request = try JSONCoding.decode(
            ReplifyContactsRequest.self, from: Array(#"{"contacts":[{"email":"a@b.c","status":"nurture"}],"action":"archive"}"#.utf8))
        #expect(request.action == .unknown("archive"))
        #expect(request.contacts.first?.status == .unknown("nurture"))
        #expect(String(decoding: try JSONCoding.encode(request), as: UTF8.self).contains(#""status":"nurture""#))
    }

    @Test func errorBodiesThatAreNotDocumented() {
        #expect(ReplifyErrorBody.message(status: 502, body: Array("<html/>".utf8)) == "Bad Gateway")
        #expect(ReplifyErrorBody.message(status: 500, body: Array(#"{"code":"INTERNAL"}"#.utf8)) == "INTERNAL")
    }
}
