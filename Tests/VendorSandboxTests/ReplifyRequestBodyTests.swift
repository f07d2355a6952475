import HummingbirdTesting
import Testing

@testable import VendorSandbox

/// The documented 400s for bodies that are not JSON or lack `contacts`, and 400s for fields
/// of the wrong type.
@Suite struct ReplifyRequestBodyTests {
    @Test(arguments: [
        (#"{"contacts": [{"email": "ava@example.com",}]}"#, "Unexpected token '}' in JSON at position 42"),
        ("", "Unexpected end of JSON input"),
        (#"{"contacts": ["#, "Unexpected end of JSON input"),
        (#"{"contacts" []}"#, "Unexpected token '[' in JSON at position 12"),
        (#"{"a": 1 "b": 2}"#, "Unexpected string in JSON at position 8"),
        ("[1 2]", "Unexpected number in JSON at position 3"),
        ("{contacts: []}", "Unexpected token 'c' in JSON at position 1"),
        (#"{"a": tru}"#, "Unexpected token '}' in JSON at position 9"),
        (#"{"a": "Zoë",}"#, "Unexpected token '}' in JSON at position 12"),
        ("{} x", "Unexpected token 'x' in JSON at position 3"),
    ])
    func invalidJSONIsNamedAsNodeWouldName(body: String, details: String) async throws {
        #expect(ReplifyJSONSyntax.fault(in: body) == details)
        try await withSandbox { _, client in
            let response = try await client.replify(Replify.contacts(), body: body)
            #expect(response.status == .badRequest)
            #expect(response.json["code"]?.string == "BAD_REQUEST")
            #expect(response.json["message"]?.string == "Invalid JSON in request body")
            #expect(response.json["details"]?.string == "SyntaxError: " + details)
        }
    }

    @Test(arguments: [
        #"{"contacts": [], "n": -1.5e+3, "s": "\u00e9\n", "t": true, "f": false, "z": null, "o": {"a": [0]}}"#,
        " [ ] ", "0", #""text""#,
    ])
    func validJSONPassesTheSyntaxCheck(body: String) {
        #expect(ReplifyJSONSyntax.fault(in: body) == nil)
    }

    @Test(arguments: [
        #"{"action": "upsert"}"#, #"{"contacts": null}"#, #"{"contacts": {"email": "a@example.com"}}"#, "[]", "42",
    ])
    func missingContactsIsTheDocumented400(body: String) async throws {
        try await withSandbox { _, client in
            let response = try await client.replify(Replify.contacts(), body: body)
            #expect(response.status == .badRequest)
            #expect(
                String(buffer: response.body)
                    == #"{"code":"BAD_REQUEST","details":"The request body must contain a 'contacts' array","message":"Missing required field: contacts"}"#
            )
        }
    }

    @Test(arguments: [
        (#"{"contacts": [], "action": "delete"}"#, "Invalid field: action"),
        (#"{"contacts": [42]}"#, "Invalid field: contacts[0]"),
        (#"{"contacts": [{"phone": 15551234567}]}"#, "Invalid field: contacts[0].phone"),
        (
            #"{"contacts": [{"email": "a@example.com", "contactMetadata": "vip"}]}"#,
            "Invalid field: contacts[0].contactMetadata"
        ),
        (#"{"contacts": [], "externalIdValue": 1234}"#, "Invalid field: externalIdValue"),
    ])
    func wrongTypesAreRefusedWholeAndStoreNothing(body: String, message: String) async throws {
        try await withSandbox { _, client in
            let before = try await client.replifyStoredContacts()
            let response = try await client.replify(Replify.contacts(), body: body)
            #expect(response.status == .badRequest)
            #expect(response.json["code"]?.string == "BAD_REQUEST")
            #expect(response.json["message"]?.string == message)
            #expect(response.json["details"]?.string != nil)
            #expect(try await client.replifyStoredContacts() == before)
        }
    }
}
