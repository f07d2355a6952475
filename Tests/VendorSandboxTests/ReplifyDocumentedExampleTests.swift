import Foundation
import HummingbirdTesting
import Testing

@testable import VendorSandbox

/// Every example of Replify's OpenAPI document: the five requests accepted and answered
/// in the documented shape, the two success answers and six error answers reproduced.
@Suite struct ReplifyDocumentedExampleTests {
    @Test func upsertContactsCreatesAva() async throws {
        try await withSandbox { _, client in
            let response = try await client.replify(
                Replify.contacts(), body: try ReplifyExample.text("request.UpsertContacts.json"))
            #expect(response.status == .ok)
            #expect(
                response.json
                    == .object([
                        "message": .string("Processed 1 contacts successfully"),
                        "success": .array([
                            .object([
                                "phone": .string("15551234567"), "email": .string("ava@example.com"),
                                "action": .string("created"),
                            ])
                        ]),
                        "errors": .array([]),
                    ]))
            let ava = try await client.replifyStoredContacts().last
            #expect(ava?["firstName"]?.string == "Ava")
            #expect(ava?["contactMetadata"]?["tier"]?.string == "trial")
        }
    }

    @Test func updateOnlyContactsIgnoresAvaUntilSheIsInTheCampaign() async throws {
        try await withSandbox { _, client in
            let body = try ReplifyExample.text("request.UpdateOnlyContacts.json")
            let ignored = try await client.replify(Replify.contacts(), body: body)
            #expect(ignored.status == .ok)
            #expect(ignored.json["success"]?.array.isEmpty == true)
            #expect(ignored.json["errors"]?.array.isEmpty == true)
            #expect(ignored.json["message"]?.string == "Processed 1 contacts successfully")
            #expect(try await client.replifyStoredContacts().allSatisfy { $0["email"]?.string != "ava@example.com" })

            _ = try await client.replify(
                Replify.contacts(), body: try ReplifyExample.text("request.UpsertContacts.json"))
            let updated = try await client.replify(Replify.contacts(), body: body)
            #expect(updated.json["success"]?[0]?["action"]?.string == "updated")
            #expect(updated.json["success"]?[0]?["email"]?.string == "ava@example.com")
            let ava = try await client.replifyStoredContacts().last
            #expect(ava?["status"]?.string == "completed")
            #expect(ava?["contactMetadata"]?["won"] == .bool(true))
            #expect(ava?["contactMetadata"]?["source"]?.string == "web_form", "metadata keys are merged")
        }
    }

    @Test func removeContactRemovesAva() async throws {
        try await withSandbox { _, client in
            _ = try await client.replify(
                Replify.contacts(), body: try ReplifyExample.text("request.UpsertContacts.json"))
            let response = try await client.replify(
                Replify.contacts(), body: try ReplifyExample.text("request.RemoveContact.json"))
            #expect(response.status == .ok)
            #expect(response.json["message"]?.string == "Processed 1 contacts successfully")
            #expect(response.json["success"]?[0]?["email"]?.string == "ava@example.com")
            #expect(response.json["success"]?[0]?["action"] == nil, "the document's enum has no value for a removal")
            #expect(try await client.replifyStoredContacts().allSatisfy { $0["email"]?.string != "ava@example.com" })
        }
    }

    @Test func upsertWithExternalIdsKeepsEachContactsPair() async throws {
        try await withSandbox { _, client in
            let response = try await client.replify(
                Replify.contacts(), body: try ReplifyExample.text("request.UpsertWithExternalIds.json"))
            #expect(response.status == .ok)
            #expect(response.json["message"]?.string == "Processed 2 contacts successfully")
            #expect(response.json["success"]?.array.map { $0["action"]?.string } == ["created", "created"])
            #expect(response.json["success"]?[1]?["phone"]?.string == "15559876543")
            let stored = try await client.replifyStoredContacts().suffix(2)
            #expect(stored.map { $0["externalIdValue"]?.string } == ["1234", "5678"])
            #expect(stored.map { $0["externalIdKey"]?.string } == ["hubspotId", "hubspotId"])
        }
    }

    @Test func upsertWithExternalIdsRootGivesTheContactTheRootPair() async throws {
        try await withSandbox { _, client in
            let response = try await client.replify(
                Replify.contacts(), body: try ReplifyExample.text("request.UpsertWithExternalIdsRoot.json"))
            #expect(response.status == .ok)
            #expect(response.json["success"]?[0]?["action"]?.string == "created")
            let ava = try await client.replifyStoredContacts().last
            #expect(ava?["externalIdKey"]?.string == "hubspotId")
            #expect(ava?["externalIdValue"]?.string == "1234")
        }
    }

    @Test func allSuccessAnswer() async throws {
        try await withSandbox { _, client in
            _ = try await client.replifyContacts([
                #"{"firstName": "John", "email": "john.smith@example.com", "phone": "15559876543"}"#
            ])
            let response = try await client.replifyContacts([
                #"{"firstName": "Jane", "email": "jane.doe@example.com", "phone": "+1 (555) 123-4567"}"#,
                #"{"firstName": "John", "lastName": "Smith", "email": "John.Smith@example.com", "phone": "15559876543"}"#,
                #"{"email": "kim@example.com", "status": "completed"}"#,
            ])
            #expect(response.status == .ok)
            #expect(response.json == (try ReplifyExample.json("response.200.allSuccess.json")))
        }
    }

    @Test func mixedOutcomeAnswer() async throws {
        try await withSandbox { _, client in
            _ = try await client.replifyContacts([
                #"{"email": "john.smith@example.com"}"#, #"{"phone": "15559876543"}"#,
            ])
            let response = try await client.replifyContacts([
                #"{"email": "jane.doe@example.com", "phone": "15551234567"}"#,
                #"{"email": "john.smith@example.com", "phone": "15559876543"}"#,
            ])
            #expect(response.status == .ok)
            #expect(response.json == (try ReplifyExample.json("response.200.mixedOutcome.json")))
        }
    }

    @Test func invalidJsonAnswer() async throws {
        try await withSandbox { _, client in
            // The '}' after the trailing comma is at position 42.
            let response = try await client.replify(
                Replify.contacts(), body: #"{"contacts": [{"email": "ava@example.com",}]}"#)
            #expect(response.status == .badRequest)
            #expect(response.json == (try ReplifyExample.json("response.400.invalidJson.json")))
        }
    }

    @Test func missingContactsAnswer() async throws {
        try await withSandbox { _, client in
            let response = try await client.replify(Replify.contacts(), body: #"{"action": "upsert"}"#)
            #expect(response.status == .badRequest)
            #expect(response.json == (try ReplifyExample.json("response.400.missingContacts.json")))
        }
    }

    @Test func missingKeyAnswer() async throws {
        try await withSandbox { _, client in
            let response = try await client.replify(Replify.contacts(), key: nil, body: #"{"contacts": []}"#)
            #expect(response.status == .forbidden)
            #expect(response.json == (try ReplifyExample.json("response.403.missingKey.json")))
        }
    }

    @Test func invalidKeyAnswer() async throws {
        try await withSandbox { _, client in
            let response = try await client.replify(Replify.contacts(), key: "rpl_wrong", body: #"{"contacts": []}"#)
            #expect(response.status == .forbidden)
            #expect(response.json == (try ReplifyExample.json("response.403.invalidKey.json")))
        }
    }

    @Test func unauthorizedCampaignAnswer() async throws {
        try await withSandbox { _, client in
            let response = try await client.replify(
                Replify.contacts(Replify.foreignCampaign), body: #"{"contacts": []}"#)
            #expect(response.status == .forbidden)
            #expect(response.json == (try ReplifyExample.json("response.403.unauthorizedCampaign.json")))
        }
    }

    @Test func campaignNotFoundAnswer() async throws {
        try await withSandbox { _, client in
            let response = try await client.replify(
                Replify.contacts("00000000-0000-4000-8000-000000000000"), body: #"{"contacts": []}"#)
            #expect(response.status == .notFound)
            #expect(response.json == (try ReplifyExample.json("response.404.campaignNotFound.json")))
        }
    }
}
