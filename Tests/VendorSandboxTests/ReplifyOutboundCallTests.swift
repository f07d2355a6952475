import HummingbirdTesting
import Testing

@testable import VendorSandbox

/// `POST /outbound/call` (NOTES.md): `agentId` a UUID, `contact.phoneNumber` E.164, and
/// either both intro and voicemail messages or call instructions alone.
@Suite struct ReplifyOutboundCallTests {
    static let agent = "5b0e7c3a-2f4d-4e6b-8a9c-1d2e3f4a5b6c"

    static func body(phone: String = "+15551234567", agent: String = agent, messages: String) -> String {
        #"{"agentId": "\#(agent)", "contact": {"phoneNumber": "\#(phone)", "firstName": "Zoë", "email": "zoe@example.com"}, "metadata": {"tier": "pro"}, \#(messages)}"#
    }

    static let introAndVoicemail = #""introMessage": "Hi, it's Libby.", "voicemailMessage": "Sorry I missed you.""#
    static let instructions = #""callInstructions": "Confirm tomorrow's appointment.""#

    @Test(arguments: [introAndVoicemail, instructions])
    func acceptedCallsAnswerSuccessAndAreKept(messages: String) async throws {
        try await withSandbox { _, client in
            let response = try await client.replify("/outbound/call", body: Self.body(messages: messages))
            #expect(response.status == .ok)
            #expect(response.json.keys == ["success", "message"])
            #expect(response.json["success"] == .bool(true))
            #expect(response.json["message"]?.string == "Outbound call to +15551234567 initiated")
            let state = try await client.execute(uri: "/_sandbox/state", method: .get).json
            let call = state["replify"]?["calls"]?[0]
            #expect(call?["agentId"]?.string == Self.agent)
            #expect(call?["contact"]?["firstName"]?.string == "Zoë")
            #expect(call?["metadata"]?["tier"]?.string == "pro")
        }
    }

    @Test func limitedKeyMayPlaceCalls() async throws {
        try await withSandbox { _, client in
            let response = try await client.replify(
                "/outbound/call", key: Replify.limitedKey, body: Self.body(messages: Self.instructions))
            #expect(response.status == .ok)
        }
    }

    @Test(arguments: [
        (body(agent: "agent-7", messages: instructions), "Invalid field: agentId"),
        (#"{"contact": {"phoneNumber": "+15551234567"}, "callInstructions": "x"}"#, "Missing required field: agentId"),
        (#"{"agentId": "\#(agent)", "callInstructions": "x"}"#, "Missing required field: contact"),
        (
            #"{"agentId": "\#(agent)", "contact": {"firstName": "Ada"}, "callInstructions": "x"}"#,
            "Missing required field: contact.phoneNumber"
        ),
        (body(phone: "15551234567", messages: instructions), "Invalid field: contact.phoneNumber"),
        (body(phone: "+1 555 123 4567", messages: instructions), "Invalid field: contact.phoneNumber"),
        (body(phone: "+0123456789", messages: instructions), "Invalid field: contact.phoneNumber"),
        (body(messages: introAndVoicemail + ", " + instructions), "Invalid message fields"),
        (body(messages: #""introMessage": "Hi", "callInstructions": "x""#), "Invalid message fields"),
        (body(messages: #""introMessage": "Hi""#), "Missing required field: voicemailMessage"),
        (body(messages: #""voicemailMessage": "Bye""#), "Missing required field: introMessage"),
        (body(messages: #""callInstructions": "  ""#), "Missing message fields"),
        (
            #"{"agentId": "\#(agent)", "contact": {"phoneNumber": "+15551234567"}, "metadata": [1], "callInstructions": "x"}"#,
            "Invalid field: metadata"
        ),
        ("[]", "Invalid request body"),
    ])
    func invalidCallsAreRefused(body: String, message: String) async throws {
        try await withSandbox { _, client in
            let response = try await client.replify("/outbound/call", body: body)
            #expect(response.status == .badRequest)
            #expect(response.json["code"]?.string == "BAD_REQUEST")
            #expect(response.json["message"]?.string == message)
            #expect(response.json["details"]?.string != nil)
            let state = try await client.execute(uri: "/_sandbox/state", method: .get).json
            #expect(state["replify"]?["calls"]?.array.isEmpty == true)
        }
    }

    @Test func invalidJSONGetsTheDocumentedShape() async throws {
        try await withSandbox { _, client in
            let response = try await client.replify("/outbound/call", body: "{")
            #expect(response.json["message"]?.string == "Invalid JSON in request body")
            #expect(response.json["details"]?.string == "SyntaxError: Unexpected end of JSON input")
        }
    }
}
