import Foundation
import Testing

@testable import SwitchboardCore

/// The Anyreach client's requests and answer decoding, against a recording transport.
/// The same routes are exercised against the live sandbox in `AnyreachSandboxTests`.
@Suite struct AnyreachWireTests {
    @Test func orgKeySendsBearerOnly() async throws {
        let transport = RecordingTransport { _ in .json(200, #"{"campaigns":[],"next_cursor":null}"#) }
        let client = try AnyreachClient(account: anyreachAccount(token: "ak_1.s"), transport: transport)
        _ = try await client.listCampaigns()
        let request = try #require(transport.requests.first)
        #expect(request.header("Authorization") == "Bearer ak_1.s")
        #expect(request.header("X-Anyreach-Org") == nil)
        #expect(request.url == "http://127.0.0.1:1/anyreach/campaign/campaigns")
    }

    @Test func personalTokenSendsOrgHeader() async throws {
        let transport = RecordingTransport { _ in .json(200, #"{"campaigns":[],"next_cursor":null}"#) }
        let client = try AnyreachClient(account: anyreachAccount(token: "pat_9", org: "org_7"), transport: transport)
        _ = try await client.listCampaigns()
        #expect(transport.requests.first?.header("X-Anyreach-Org") == "org_7")
        #expect(throws: VendorError.self) {
            try AnyreachClient(account: anyreachAccount(token: "pat_9"), transport: transport)
        }
    }

    @Test func listQueryRepeatsStatusAndEncodesValues() async throws {
        let transport = RecordingTransport { _ in .json(200, #"{"campaigns":[],"next_cursor":null}"#) }
        let client = try AnyreachClient(account: anyreachAccount(), transport: transport)
        _ = try await client.listCampaigns(cursor: "c/2=", limit: 20, name: "spring sale", statuses: [.active, .paused])
        #expect(
            transport.requests.first?.url
                == "http://127.0.0.1:1/anyreach/campaign/campaigns?cursor=c%2F2%3D&limit=20&name=spring%20sale&status=active&status=paused")
        await #expect(throws: VendorError.self) { try await client.listCampaigns(limit: 201) }
    }

    @Test func externalIDsAreOnePathSegment() async throws {
        let transport = RecordingTransport { _ in .json(200, #"{"id":"x","deleted":true}"#) }
        let client = try AnyreachClient(account: anyreachAccount(), transport: transport)
        try await client.deleteContact(campaign: "spring outreach", id: "crm/48 21")
        #expect(transport.requests.first?.method == .DELETE)
        #expect(
            transport.requests.first?.url
                == "http://127.0.0.1:1/anyreach/campaign/campaigns/spring%20outreach/contacts/crm%2F48%2021")
    }

    @Test func documentedExamplesRoundTrip() throws {
        for name in ["request.bulk-add.json", "request.contact-with-overrides.json"] {
            let example = try VendorExamples.bytes("anyreach", name)
            let body = try JSONCoding.decode(AnyreachUpsertBody.self, from: example)
            let again = try JSONCoding.encode(body)
            let original = try JSONSerialization.jsonObject(with: Data(example)) as! NSDictionary
            let reencoded = try JSONSerialization.jsonObject(with: Data(again)) as! NSDictionary
            #expect(original == reencoded, "\(name) changes when the client re-encodes it")
        }
        let stats = try JSONCoding.decode(AnyreachStats.self, from: try VendorExamples.bytes("anyreach", "response.stats.json"))
        #expect(stats.status == .active)
        #expect(stats.contacts["in_progress"] == 0)
        #expect(stats.concurrencyLimit == 10)
        let upsert = try JSONCoding.decode(
            AnyreachUpsertResult.self, from: try VendorExamples.bytes("anyreach", "response.upsert.json"))
        #expect(upsert == AnyreachUpsertResult())
    }

    @Test func unknownStatusesDecodeAsUnknown() throws {
        let json = #"""
            {"id":"c1","name":"N","status":"archived","created_at":"2026-01-01T00:00:00Z","surprise":{"x":1}}
            """#
        let campaign = try JSONCoding.decode(AnyreachCampaign.self, from: Array(json.utf8))
        #expect(campaign.status == .unknown("archived"))
        #expect(campaign.neutral.state == .unknown("archived"))
        let contact = try JSONCoding.decode(
            AnyreachContact.self, from: Array(#"{"id":"k","phone_numbers":[],"status":"voicemail_left"}"#.utf8))
        #expect(contact.neutral.status == ContactStatus(raw: "voicemail_left", normalized: .unknown))
    }

    @Test func upsertSplitsIntoRequestsOf1000AndShiftsFailureIndexes() async throws {
        let transport = RecordingTransport { request in
            let body = try JSONCoding.decode(AnyreachUpsertBody.self, from: request.body ?? [])
            let ids = body.contacts.dropFirst().map { "id-" + ($0.externalID ?? "") }
            return .json(
                200,
                #"{"inserted":\#(body.contacts.count - 1),"updated":0,"failed":[{"index":0,"external_id":"\#(body.contacts[0].externalID!)","error":"no phone"}],"warnings":[],"contact_ids":\#(String(describing: ids).replacingOccurrences(of: "'", with: "\""))}"#
            )
        }
        let client = try AnyreachClient(account: anyreachAccount(), transport: transport)
        let contacts = (0..<2500).map { AnyreachContactInput(externalID: "e\($0)", phoneNumbers: ["+1415555\(1000 + $0)"]) }
        let answer = try await client.upsertContacts(campaign: "c1", contacts)
        #expect(transport.requests.count == 3)
        let sizes = try transport.requests.map { try JSONCoding.decode(AnyreachUpsertBody.self, from: $0.body ?? []).contacts.count }
        #expect(sizes == [1000, 1000, 500])
        #expect(answer.inserted == 2497)
        #expect(answer.failed.map(\.index) == [0, 1000, 2000])
        #expect(answer.contactIDs.count == 2497)
    }

    @Test func errorDetailForms() {
        #expect(AnyreachErrorBody.message(status: 404, body: Array(#"{"detail":"Campaign not found"}"#.utf8)) == "Campaign not found")
        let fastAPI = #"{"detail":[{"loc":["body","contacts",0,"phone_numbers"],"msg":"field required","type":"missing"}]}"#
        #expect(AnyreachErrorBody.message(status: 422, body: Array(fastAPI.utf8)) == "body.contacts.0.phone_numbers: field required")
        #expect(AnyreachErrorBody.message(status: 502, body: Array("<html>bad gateway</html>".utf8)) == "Bad Gateway")
    }

    @Test func retryAfterIsKeptOnTheError() async throws {
        let transport = RecordingTransport { _ in .json(429, #"{"detail":"slow down"}"#, headers: [("Retry-After", "7")]) }
        let client = try AnyreachClient(account: anyreachAccount(), transport: transport)
        let error = await #expect(throws: VendorError.self) { try await client.stats(campaign: "c") }
        #expect(error == .http(status: 429, message: "slow down", retryAfter: .seconds(7)))
    }

    @Test func retryAfterForms() {
        #expect(RetryAfter(header: "120") == .seconds(120))
        let date = RetryAfter(header: "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(date == .date(784_111_777))
        #expect(date?.delay(now: 784_111_770) == 7)
        #expect(date?.delay(now: 784_111_780) == 0)
        #expect(RetryAfter(header: "soon") == nil)
    }

    @Test func upsertOutcomesPerContact() {
        let inputs = [
            AnyreachContactInput(id: "u1", phoneNumbers: ["+1"]), AnyreachContactInput(externalID: "a"),
            AnyreachContactInput(externalID: "b"),
        ]
        let allNew = AnyreachUpsertResult(
            inserted: 1, updated: 1, failed: [.init(index: 2, externalID: "b", error: "bad")], contactIDs: ["u1", "n1"])
        let report = AnyreachUpsertMapping.report(for: inputs, answer: allNew)
        #expect(report.outcomes.map(\.result) == [.updated, .created, .failed(reason: "bad")])
        #expect(report.outcomes.map(\.vendorID) == ["u1", "n1", nil])

        let mixed = AnyreachUpsertResult(inserted: 1, updated: 1, contactIDs: ["x1", "x2"])
        let unknown = AnyreachUpsertMapping.report(for: [inputs[1], inputs[2]], answer: mixed)
        #expect(unknown.outcomes.map(\.result) == [.upserted, .upserted])

        let updates = AnyreachUpsertResult(inserted: 0, updated: 2, contactIDs: ["x1", "x2"])
        #expect(AnyreachUpsertMapping.report(for: [inputs[1], inputs[2]], answer: updates).outcomes.map(\.result) == [.updated, .updated])

        // A refused contact first and in the middle: the ids go to the others, in order.
        let five = (0..<5).map { AnyreachContactInput(externalID: "e\($0)") }
        let gaps = AnyreachUpsertResult(
            inserted: 3, updated: 0, failed: [.init(index: 0, externalID: "e0", error: "no"), .init(index: 3, externalID: "e3", error: "no")],
            contactIDs: ["i1", "i2", "i4"])
        let placed = AnyreachUpsertMapping.report(for: five, answer: gaps)
        #expect(placed.outcomes.map(\.vendorID) == [nil, "i1", "i2", nil, "i4"])
        #expect(placed.outcomes.map(\.result) == [.failed(reason: "no"), .created, .created, .failed(reason: "no"), .created])
    }

    @Test func neutralContactTravelsInAnyreachShape() throws {
        let contact = Contact(
            externalID: "lead-1", firstName: "Zoë", lastName: "王", email: "z@example.com", phoneNumbers: ["+14155550123"],
            data: ["plan": .string("pro")])
        let input = AnyreachContactInput(neutral: contact)
        #expect(input.data?["first_name"] == .string("Zoë"))
        #expect(input.data?["plan"] == .string("pro"))
        let text = String(decoding: try JSONCoding.encode(input), as: UTF8.self)
        #expect(text.contains(#""external_id":"lead-1""#))
        #expect(!text.contains("\"id\""))
    }

    /// `agent_config` (`anyreach-contacts.md`: a per-contact override, a top-level column)
    /// travels as its own column both ways and is never repeated inside `data`.
    @Test func agentConfigIsATopLevelColumnBothWays() throws {
        let config = JSONValue.object(["voice": .string("alloy"), "speed": .number(1.25), "tools": .array([.string("crm")])])
        let contact = Contact(
            externalID: "crm-4821", phoneNumbers: ["+14155550101"],
            data: ["agent_config": config, "initial_context": .string("Renewal due next week."), "plan": .string("pro")])
        let text = String(decoding: try JSONCoding.encode(AnyreachContactInput(neutral: contact)), as: UTF8.self)
        let sent = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        #expect((sent["agent_config"] as? [String: Any])?["voice"] as? String == "alloy")
        #expect((sent["agent_config"] as? [String: Any])?["speed"] as? Double == 1.25)
        #expect(sent["initial_context"] as? String == "Renewal due next week.")
        #expect((sent["data"] as? [String: Any])?.keys.sorted() == ["plan"], "overrides are not duplicated in data")

        let answer = #"""
            {"id":"k1","external_id":"crm-4821","phone_numbers":["+14155550101"],"data":{"plan":"pro"},
             "status":"pending","agent_id":null,"agent_config":{"speed":1.25,"tools":["crm"],"voice":"alloy"},
             "agent_number":null,"agent_version":null,"initial_context":"Renewal due next week."}
            """#
        let decoded = try JSONCoding.decode(AnyreachContact.self, from: Array(answer.utf8))
        #expect(decoded.agentConfig == config)
        #expect(decoded.neutral.data == ["agent_config": config, "initial_context": .string("Renewal due next week."), "plan": .string("pro")])
        let cleared = try JSONCoding.decode(
            AnyreachContact.self, from: Array(#"{"id":"k2","phone_numbers":[],"status":"pending","agent_config":null}"#.utf8))
        #expect(cleared.agentConfig == nil && cleared.neutral.data["agent_config"] == nil)
    }

    @Test func statsToNeutralCounts() throws {
        let json = #"""
            {"campaign_id":"c","status":"active","contacts":{"total":10,"pending":3,"locked":1,"in_progress":2,"completed":2,"exhausted":1,"error":1},
             "attempts":{"total":9,"average_per_contact":0.9},"active_calls":3,"concurrency_limit":10}
            """#
        let counts = try JSONCoding.decode(AnyreachStats.self, from: Array(json.utf8)).neutral
        #expect(counts.total == 10)
        #expect(counts[.pending] == 3)
        #expect(counts[.active] == 3)
        #expect(counts[.failed] == 1)
        #expect(counts.attempts == 9)
        #expect(counts.activeCalls == 3)
    }
}
