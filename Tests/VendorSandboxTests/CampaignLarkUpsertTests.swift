import Foundation
import HummingbirdTesting
import Testing

@testable import VendorSandbox

@Suite struct CampaignLarkUpsertTests {
    @Test func documentedExampleIsAcceptedWithTheDocumentedShape() async throws {
        try await withSandbox { _, client in
            let documented = try JSONDecoder().decode(
                JSONValue.self, from: Data(try CampaignLarkExample.text("response.upsert.200.json").utf8))
            let response = try await client.larkUpsert(try CampaignLarkExample.text("request.upsert.json"))
            #expect(response.status == .ok, "\(String(buffer: response.body))")
            #expect(response.json.keys == documented.keys)
            let contact = try #require(response.json["data"])
            let expected = try #require(documented["data"])
            #expect(contact.keys == expected.keys)
            #expect(contact["statistics"]?.keys == expected["statistics"]?.keys)
            #expect(contact["tags"] == expected["tags"], "ids 1 and 2 are newsletter and vip")
            #expect(contact["data"] == expected["data"])
            #expect(contact["status"]?.string == "SUBSCRIBED")
            #expect(contact["statistics"] == expected["statistics"], "a new contact has no statistics yet")
            let id = try #require(contact["id"]?.string)
            #expect(id.count == 24 && id.allSatisfy(\.isHexDigit))
            #expect(contact["created_at"]?.string == "2026-06-01T12:00:00Z")
            #expect(contact["updated_at"] == contact["created_at"])
        }
    }

    @Test func createsWhenAbsentWithStatusSubscribedByDefault() async throws {
        try await withSandbox { _, client in
            #expect(
                try await client.campaignLark(.get, "/contacts/by-email?email=new%40example.com").status == .notFound)
            let created = try await client.larkUpsert(
                #"{"email_address": "new@example.com", "fields": {"first_name": "Nōa"}}"#)
            #expect(created.status == .ok)
            #expect(created.json["data"]?["status"]?.string == "SUBSCRIBED")
            #expect(created.json["data"]?["tags"]?.array.isEmpty == true)
            let stored = try #require(try await client.larkContact("new@example.com"))
            #expect(stored["data"]?["first_name"]?.string == "Nōa")
            #expect(stored["id"] == created.json["data"]?["id"])

            let unconfirmed = try await client.larkUpsert(
                #"{"email_address": "pending@example.com", "fields": {"first_name": "Pat"}, "status": "UNCONFIRMED"}"#)
            #expect(unconfirmed.json["data"]?["status"]?.string == "UNCONFIRMED")
        }
    }

    @Test func fullReplaceReplacesFieldsTagsAndStatus() async throws {
        try await withSandbox { sandbox, client in
            let original = try await client.larkUpsert(
                #"{"email_address": "rita@example.com", "fields": {"first_name": "Rita", "last_name": "Öz", "company": "Acme"}, "tags": [1, 2], "status": "UNSUBSCRIBED"}"#
            )
            #expect(original.status == .ok)
            await sandbox.advance(by: 60)
            let replaced = try await client.larkUpsert(
                #"{"email_address": "rita@example.com", "fields": {"first_name": "Rita", "city": "Kraków"}}"#)
            #expect(replaced.status == .ok)
            let contact = try #require(replaced.json["data"])
            #expect(contact["id"] == original.json["data"]?["id"], "matched by email_address")
            #expect(
                contact["data"]
                    == .object(
                        [
                            "email_address": .string("rita@example.com"), "first_name": .string("Rita"),
                            "city": .string("Kraków"),
                        ]))
            #expect(contact.tagIDs.isEmpty, "tags are replaced with the (omitted) list")
            #expect(contact["status"]?.string == "SUBSCRIBED", "status defaults on full replace")
            #expect(contact["created_at"] == original.json["data"]?["created_at"])
            #expect(contact["updated_at"]?.string == "2026-06-01T12:01:00Z")

            let retagged = try await client.larkUpsert(
                #"{"email_address": "rita@example.com", "fields": {"first_name": "Rita"}, "tags": [3], "status": "CLEANED", "partial_update": false}"#
            )
            #expect(retagged.json["data"]?.tagIDs == [3])
            #expect(retagged.json["data"]?["status"]?.string == "CLEANED")
            #expect(retagged.json["data"]?["data"]?["city"] == nil)
        }
    }

    @Test func partialUpdateMergesAndPreservesTagsAndStatus() async throws {
        try await withSandbox { _, client in
            _ = try await client.larkUpsert(
                #"{"email_address": "kenji@example.com", "fields": {"first_name": "Kenji", "last_name": "佐藤", "phone": "+14155550100"}, "tags": [2, 5], "status": "UNCONFIRMED"}"#
            )
            let merged = try await client.larkUpsert(
                #"{"email_address": "kenji@example.com", "fields": {"company": "株式会社サンプル", "phone": "+14155550111"}, "partial_update": true}"#
            )
            #expect(merged.status == .ok, "a required field may be left out of a partial update")
            let contact = try #require(merged.json["data"])
            #expect(contact["data"]?["first_name"]?.string == "Kenji")
            #expect(contact["data"]?["last_name"]?.string == "佐藤")
            #expect(contact["data"]?["phone"]?.string == "+14155550111")
            #expect(contact["data"]?["company"]?.string == "株式会社サンプル")
            #expect(contact.tagIDs == [2, 5])
            #expect(contact["status"]?.string == "UNCONFIRMED")

            let changed = try await client.larkUpsert(
                #"{"email_address": "kenji@example.com", "tags": [1], "status": "SUBSCRIBED", "partial_update": true}"#)
            #expect(changed.json["data"]?.tagIDs == [1])
            #expect(changed.json["data"]?["status"]?.string == "SUBSCRIBED")
            #expect(changed.json["data"]?["data"]?["company"]?.string == "株式会社サンプル")
        }
    }

    @Test func emailMatchesInAnyCaseAndIsNeverRewritten() async throws {
        try await withSandbox { _, client in
            _ = try await client.larkUpsert(
                #"{"email_address": "Mixed.Case@Example.com", "fields": {"first_name": "M"}}"#)
            let again = try await client.larkUpsert(
                #"{"email_address": "mixed.case@example.com", "fields": {"email_address": "other@example.com", "last_name": "C"}, "partial_update": true}"#
            )
            #expect(again.status == .ok, "email_address inside fields is ignored, not an unknown merge tag")
            #expect(again.json["data"]?["data"]?["email_address"]?.string == "Mixed.Case@Example.com")
            #expect(try await client.larkContact("other@example.com") == nil)
        }
    }

    @Test func theFourDocumentedErrorsWordForWord() async throws {
        try await withSandbox { _, client in
            for body in [#"{"fields": {"first_name": "A"}}"#, #"{"email_address": null}"#, #"{"email_address": " "}"#] {
                let response = try await client.larkUpsert(body)
                #expect(response.status == .badRequest)
                #expect(
                    String(buffer: response.body)
                        == #"{"error":{"message":"Email address is required for upsert operation."}}"#)
            }
            let unknown = try await client.larkUpsert(
                #"{"email_address": "a@example.com", "fields": {"first_name": "A", "favourite_colour": "teal"}}"#)
            #expect(unknown.status == .badRequest)
            #expect(unknown.larkMessage == "We were unable to find a field with the merge_tag favourite_colour")
            for status in ["ACTIVE", "subscribed", "BOUNCED"] {
                let invalid = try await client.larkUpsert(
                    #"{"email_address": "a@example.com", "fields": {"first_name": "A"}, "status": "\#(status)"}"#)
                #expect(invalid.status == .badRequest)
                #expect(invalid.larkMessage == "The status you provided is not valid.")
            }
            let required = try await client.larkUpsert(
                #"{"email_address": "a@example.com", "fields": {"last_name": "B"}}"#)
            #expect(required.status == .badRequest)
            #expect(required.larkMessage == "Field 'First name' is required.")
            let partialCreate = try await client.larkUpsert(
                #"{"email_address": "a@example.com", "fields": {"first_name": ""}, "partial_update": true}"#)
            #expect(partialCreate.larkMessage == "Field 'First name' is required.", "create checks even when partial")
            #expect(try await client.larkContact("a@example.com") == nil, "nothing stored by a failed upsert")
        }
    }

    @Test func fullReplaceOfAnExistingContactNeedsTheRequiredField() async throws {
        try await withSandbox { _, client in
            _ = try await client.larkUpsert(#"{"email_address": "b@example.com", "fields": {"first_name": "Bo"}}"#)
            let replace = try await client.larkUpsert(
                #"{"email_address": "b@example.com", "fields": {"city": "Cork"}}"#)
            #expect(replace.status == .badRequest)
            #expect(replace.larkMessage == "Field 'First name' is required.")
            let partial = try await client.larkUpsert(
                #"{"email_address": "b@example.com", "fields": {"city": "Cork"}, "partial_update": true}"#)
            #expect(partial.status == .ok)
            #expect(partial.json["data"]?["data"]?["first_name"]?.string == "Bo")
        }
    }

    @Test func malformedBodiesAndUnknownTagsAreRefusedInTheVendorShape() async throws {
        try await withSandbox { _, client in
            let notJSON = try await client.larkUpsert("email_address=a@example.com")
            #expect(notJSON.status == .badRequest)
            #expect(notJSON.larkMessage == "The request body must be a JSON object.")
            let wrongType = try await client.larkUpsert(#"{"email_address": "a@example.com", "tags": "vip"}"#)
            #expect(wrongType.larkMessage == "The value of 'tags' has the wrong type.")
            let unknownTag = try await client.larkUpsert(
                #"{"email_address": "a@example.com", "fields": {"first_name": "A"}, "tags": [1, 99]}"#)
            #expect(unknownTag.status == .badRequest)
            #expect(unknownTag.larkMessage == "We were unable to find a tag with the id 99")
        }
    }

    @Test func upsertFiresTheDocumentedAutomations() async throws {
        try await withSandbox { _, client in
            _ = try await client.larkUpsert(
                #"{"email_address": "auto@example.com", "fields": {"first_name": "Al"}, "tags": [1], "status": "UNCONFIRMED"}"#
            )
            _ = try await client.larkUpsert(
                #"{"email_address": "auto@example.com", "fields": {"last_name": "Ng"}, "tags": [2], "partial_update": true}"#
            )
            let state = try await client.execute(uri: "/_sandbox/state", method: .get).json
            let events = state["campaignlark"]?["workspaces"]?[0]?["automations"]?.array ?? []
            #expect(
                events.map { $0["type"]?.string ?? "" } == [
                    "CONTACT_SUBSCRIBED_PENDING", "TAG_ADDED", "TAG_REMOVED", "FIELD_UPDATED",
                ])
            #expect(events[3]["merge_tag"]?.string == "last_name")
            #expect(events[1]["tag_id"]?.int == 2)
        }
    }
}
