import HummingbirdTesting
import Testing

@testable import VendorSandbox

/// The document's rules for `upsert`, `updateOnly` and `remove`, one contact at a time.
@Suite struct ReplifyContactTests {
    @Test func upsertIsTheDefaultAndUpdatesWhatExists() async throws {
        try await withSandbox { _, client in
            let created = try await client.replifyContacts([#"{"firstName": "Léa", "email": "lea@example.com"}"#])
            #expect(created.json["success"]?[0]?["action"]?.string == "created")
            let updated = try await client.replifyContacts([
                #"{"lastName": "Dubois", "email": "LEA@example.com", "phone": "+33 6 12 34 56 78"}"#
            ])
            #expect(updated.json["success"]?[0]?["action"]?.string == "updated")
            #expect(updated.json["success"]?[0]?["phone"]?.string == "33612345678")
            let lea = try await client.replifyStoredContacts().filter { $0["email"]?.string == "lea@example.com" }
            #expect(lea.count == 1)
            #expect(lea.first?["firstName"]?.string == "Léa", "fields not sent are kept")
            #expect(lea.first?["lastName"]?.string == "Dubois")
        }
    }

    @Test(arguments: ["completed", "disqualified"])
    func upsertDoesNotAddFinishedContactsButUpdatesThem(status: String) async throws {
        try await withSandbox { _, client in
            let before = try await client.replifyStoredContacts().count
            let skipped = try await client.replifyContacts([#"{"email": "done@example.com", "status": "\#(status)"}"#])
            #expect(skipped.status == .ok)
            #expect(skipped.json["success"]?.array.isEmpty == true)
            #expect(skipped.json["errors"]?.array.isEmpty == true)
            #expect(skipped.json["message"]?.string == "Processed 1 contacts successfully")
            #expect(try await client.replifyStoredContacts().count == before)

            _ = try await client.replifyContacts([#"{"email": "done@example.com"}"#])
            let finished = try await client.replifyContacts([#"{"email": "done@example.com", "status": "\#(status)"}"#])
            #expect(finished.json["success"]?[0]?["action"]?.string == "updated")
            let stored = try await client.replifyStoredContacts().last
            #expect(stored?["status"]?.string == status)
        }
    }

    @Test func otherStatusValuesAreStoredAndStillAdded() async throws {
        try await withSandbox { _, client in
            let response = try await client.replifyContacts([#"{"email": "warm@example.com", "status": "warm"}"#])
            #expect(response.json["success"]?[0]?["action"]?.string == "created")
            #expect(try await client.replifyStoredContacts().last?["status"]?.string == "warm")
        }
    }

    @Test func updateOnlyIgnoresContactsNotInTheCampaign() async throws {
        try await withSandbox { _, client in
            _ = try await client.replifyContacts([#"{"phone": "15550001111"}"#])
            let response = try await client.replifyContacts(
                [#"{"phone": "1-555-000-1111", "firstName": "Kenji"}"#, #"{"email": "stranger@example.com"}"#],
                action: "updateOnly")
            #expect(response.json["message"]?.string == "Processed 2 contacts successfully")
            #expect(
                response.json["success"]?.array
                    == [.object(["phone": .string("15550001111"), "action": .string("updated")])])
            let stored = try await client.replifyStoredContacts()
            #expect(stored.last?["firstName"]?.string == "Kenji")
            #expect(!stored.contains { $0["email"]?.string == "stranger@example.com" })
        }
    }

    @Test func everyContactNeedsEmailOrPhone() async throws {
        try await withSandbox { _, client in
            for action in ["upsert", "updateOnly", "remove"] {
                let response = try await client.replifyContacts([#"{"firstName": "Nobody"}"#], action: action)
                #expect(response.status == .ok)
                #expect(
                    response.json["errors"]?.array
                        == [.object(["error": .string("At least one of email or phone is required")])], "\(action)")
                #expect(response.json["message"]?.string == "Processed 0 contacts successfully, 1 failed")
            }
        }
    }

    @Test func removeTakesEmailOrPhoneAndReportsUnknownContacts() async throws {
        try await withSandbox { _, client in
            _ = try await client.replifyContacts([
                #"{"email": "a@example.com", "phone": "15550002222"}"#, #"{"phone": "15550003333"}"#,
            ])
            let response = try await client.replifyContacts(
                [#"{"phone": "+1 555 000 3333"}"#, #"{"email": "a@example.com"}"#, #"{"email": "gone@example.com"}"#],
                action: "remove")
            #expect(response.json["message"]?.string == "Processed 2 contacts successfully, 1 failed")
            #expect(
                response.json["success"]?.array == [
                    .object(["phone": .string("15550003333")]),
                    .object(["phone": .string("15550002222"), "email": .string("a@example.com")]),
                ])
            #expect(
                response.json["errors"]?.array
                    == [
                        .object([
                            "email": .string("gone@example.com"), "error": .string("Contact not found in campaign"),
                        ])
                    ])
            let stored = try await client.replifyStoredContacts()
            #expect(!stored.contains { ["15550002222", "15550003333"].contains($0["phone"]?.string ?? "") })
        }
    }

    @Test(arguments: ["upsert", "updateOnly", "remove"])
    func emailAndPhoneOfTwoDifferentContactsFail(action: String) async throws {
        try await withSandbox { _, client in
            _ = try await client.replifyContacts([#"{"email": "one@example.com"}"#, #"{"phone": "15550004444"}"#])
            let response = try await client.replifyContacts(
                [#"{"email": "one@example.com", "phone": "15550004444"}"#], action: action)
            #expect(
                response.json["errors"]?.array == [
                    .object([
                        "email": .string("one@example.com"),
                        "error": .string("Contact contains email and phone for two different existing contacts"),
                    ])
                ])
            #expect(
                try await client.replifyStoredContacts().filter { $0["email"]?.string == "one@example.com" }.count == 1)
        }
    }

    @Test func emailAndPhoneOfTheSameContactUpdateIt() async throws {
        try await withSandbox { _, client in
            _ = try await client.replifyContacts([#"{"email": "same@example.com", "phone": "15550005555"}"#])
            let response = try await client.replifyContacts([#"{"email": "same@example.com", "phone": "15550005555"}"#])
            #expect(response.json["success"]?[0]?["action"]?.string == "updated")
        }
    }

    @Test func phonesAreNormalizedToDigits() async throws {
        try await withSandbox { _, client in
            let response = try await client.replifyContacts([
                #"{"phone": "+1 (555) 123-4567"}"#, #"{"phone": "+44 7700 900123"}"#, #"{"phone": "555.010.0199"}"#,
            ])
            #expect(
                response.json["success"]?.array.map { $0["phone"]?.string } == [
                    "15551234567", "447700900123", "5550100199",
                ])
            let again = try await client.replifyContacts([#"{"phone": "15551234567", "firstName": "Ava"}"#])
            #expect(again.json["success"]?[0]?["action"]?.string == "updated", "matched by digits")
        }
    }

    @Test func malformedIdentifiersFailThatContactOnly() async throws {
        try await withSandbox { _, client in
            let response = try await client.replifyContacts([
                #"{"email": "not-an-address", "phone": "15550006666"}"#, #"{"phone": "call me"}"#,
                #"{"email": "fine@example.com"}"#,
            ])
            #expect(response.json["message"]?.string == "Processed 1 contacts successfully, 2 failed")
            #expect(
                response.json["errors"]?.array == [
                    .object([
                        "phone": .string("15550006666"), "error": .string("Invalid email address: not-an-address"),
                    ]),
                    .object(["error": .string("Invalid phone number: call me")]),
                ])
            #expect(response.json["success"]?[0]?["email"]?.string == "fine@example.com")
        }
    }

    @Test func contactExternalIdsWinOverTheRoots() async throws {
        try await withSandbox { _, client in
            let body = """
                {"externalIdKey": "storeCode", "externalIdValue": "site-a", "contacts": [
                  {"email": "own@example.com", "externalIdKey": "hubspotId", "externalIdValue": "77"},
                  {"email": "root@example.com"}]}
                """
            let response = try await client.replify(Replify.contacts(), body: body)
            #expect(response.status == .ok)
            let stored = try await client.replifyStoredContacts().suffix(2)
            #expect(stored.map { $0["externalIdKey"]?.string } == ["hubspotId", "storeCode"])
            #expect(stored.map { $0["externalIdValue"]?.string } == ["77", "site-a"])
        }
    }

    @Test func contactsInOneRequestApplyInOrder() async throws {
        try await withSandbox { _, client in
            let response = try await client.replifyContacts([
                #"{"email": "twice@example.com"}"#, #"{"email": "twice@example.com", "firstName": "Second"}"#,
            ])
            #expect(response.json["success"]?.array.map { $0["action"]?.string } == ["created", "updated"])
        }
    }

    @Test func emptyContactsAreProcessed() async throws {
        try await withSandbox { _, client in
            let response = try await client.replifyContacts([])
            #expect(
                String(buffer: response.body)
                    == #"{"errors":[],"message":"Processed 0 contacts successfully","success":[]}"#)
        }
    }
}
