import Foundation
import HummingbirdTesting
import Testing

@testable import VendorSandbox

@Suite struct ReplyIOContactTests {
    /// A body with every field of the create document.
    static let everyField = """
        {
          "email": "Zoë.Núñez@Example.org", "firstName": "Zoë", "lastName": "Núñez", "phone": "+44 7700 900123",
          "phone2": "+1 (212) 555-0142", "title": "Directrice marketing", "company": "Café Olé SARL",
          "companySize": "fiftY", "industry": "Retail", "city": "Paris", "state": "Île-de-France",
          "country": "France", "timeZoneId": "Europe/Paris",
          "linkedInUrl": "https://www.linkedin.com/in/zoe-nunez",
          "linkedInSalesNavigatorUrl": "https://www.linkedin.com/sales/profile/42",
          "linkedInRecruiterUrl": "https://www.linkedin.com/recruiter/profile/43",
          "notes": "Rencontrée au salon 🎪", "accountId": 102,
          "customFields": [{"key": "leadSource", "value": "Salon"}, {"key": "budget", "value": null}]
        }
        """

    @Test func documentedExampleIsAcceptedWithTheDocumentedShape() async throws {
        try await withSandbox { _, client in
            let documented = try ReplyIOExample.json("response.create-contact.json")
            let response = try await client.createReplyIOContact(try ReplyIOExample.text("request.create-contact.json"))
            #expect(response.status == .created, "\(String(buffer: response.body))")
            #expect(response.headers[.contentType] == "application/json")
            let answer = response.json
            #expect(answer.keys.isSuperset(of: documented.keys), "missing \(documented.keys.subtracting(answer.keys))")
            for key in ["email", "firstName", "lastName", "title", "company", "phone", "linkedInUrl"] {
                #expect(answer[key] == documented[key], "\(key)")
            }
            #expect(answer["accountId"]?.int == 100)
            #expect(answer["domain"]?.string == "company.com")
            #expect(answer["phoneStatus"]?.string == "Valid")
            #expect(answer["companySize"]?.string == "Empty")
            #expect(answer["ownerUserId"]?.int == 42)
            #expect(answer["isOptedOut"] == .bool(false))
            #expect(
                answer["customFields"]
                    == .array([.object(["key": .string("leadSource"), "value": .string("Conference")])]))
            #expect(answer["sequences"]?.array.isEmpty == true)
            #expect(answer["lists"]?.array.isEmpty == true)
            #expect(answer["addingDate"]?.string == "2026-06-01T12:00:00+00:00")
            #expect(answer["createdAt"]?.string == "2026-06-01T12:00:00")
            #expect(answer["lastModifiedAt"]?.string == "2026-06-01T12:00:00")
            #expect(answer["id"]?.int == ReplyIOSeed.firstContactID + ReplyIOSeed.contactCount)
        }
    }

    @Test func everyDocumentedFieldIsStoredAndAnswered() async throws {
        try await withSandbox { _, client in
            let response = try await client.createReplyIOContact(Self.everyField)
            #expect(response.status == .created, "\(String(buffer: response.body))")
            let answer = response.json
            let sent = try JSONDecoder().decode(JSONValue.self, from: Data(Self.everyField.utf8))
            for key in sent.keys.subtracting(["companySize", "customFields", "phone2"]) {
                #expect(answer[key] == sent[key], "\(key)")
            }
            #expect(answer["phone2"] == nil, "the documented answer has no phone2")
            let documented = try ReplyIOExample.json("response.create-contact.json")
            #expect(answer.keys == documented.keys, "exactly the documented answer's keys")
            #expect(answer["companySize"]?.string == "Fifty", "enum words are read in any case")
            #expect(answer["domain"]?.string == "example.org")
            #expect(answer["customFields"] == sent["customFields"])

            let rule = #"{"property": "email", "condition": "equals", "value": "zoë.núñez@example.org"}"#
            let found = try await client.replyIO(.post, "/contacts/filter", json: #"{"rules": [\#(rule)]}"#)
            #expect(found.json["totalCount"]?.int == 1)
            #expect(found.json["items"]?[0]?["firstName"]?.string == "Zoë")
            let stored = try await client.execute(uri: "/_sandbox/state", method: .get).json["replyio"]?["contacts"]
            let zoe = stored?.array.first { $0["id"] == answer["id"] }
            #expect(zoe?["phone2"] == sent["phone2"], "phone2 is stored")
        }
    }

    @Test func v3AnswersEnumWordsInCamelCase() async throws {
        try await withSandbox { _, client in
            let response = try await client.createReplyIOContact(Self.everyField, version: .v3)
            #expect(response.status == .created)
            #expect(response.json["companySize"]?.string == "fifty")
            #expect(response.json["phoneStatus"]?.string == "valid")
        }
    }

    @Test func invalidValuesAreEachNamedByField() async throws {
        try await withSandbox { _, client in
            let response = try await client.createReplyIOContact(
                """
                {"email": "not-an-email", "companySize": "Huge", "linkedInUrl": "linkedin.com/in/x",
                 "linkedInSalesNavigatorUrl": "ftp://www.linkedin.com/sales", "linkedInRecruiterUrl": "https://",
                 "firstName": 7, "accountId": "100", "customFields": [{"value": "x"}, {"key": "k", "value": 3}, "z"]}
                """)
            #expect(response.status == .badRequest)
            #expect(response.isProblem)
            #expect(response.json["code"]?.string == "validation.failed")
            #expect(response.json["status"]?.int == 400)
            #expect(
                Set(response.problemFields) == [
                    "email", "companySize", "linkedInUrl", "linkedInSalesNavigatorUrl", "linkedInRecruiterUrl",
                    "firstName", "accountId", "customFields[0].key", "customFields[1].value", "customFields[2]",
                ])
            let companySize = response.json["errors"]?.array.first { $0["field"]?.string == "companySize" }
            #expect(companySize?["message"]?.string?.contains("OverTenThousand") == true)
        }
    }

    @Test(arguments: ["a@b", "two@@example.com", "spaced out@example.com", "@example.com", "x@example..com"])
    func malformedEmailsAreRefused(email: String) async throws {
        try await withSandbox { _, client in
            let response = try await client.createReplyIOContact(#"{"email": "\#(email)"}"#)
            #expect(response.status == .badRequest)
            #expect(response.problemFields == ["email"])
        }
    }

    @Test func emailOrLinkedInURLIsRequired() async throws {
        try await withSandbox { _, client in
            let neither = try await client.createReplyIOContact(#"{"firstName": "Nobody", "phone": "+14155550100"}"#)
            #expect(neither.status == .badRequest)
            #expect(neither.problemFields == ["email"])
            #expect(neither.json["errors"]?[0]?["message"]?.string?.contains("LinkedIn") == true)

            let linkedInOnly = try await client.createReplyIOContact(
                #"{"firstName": "佐藤", "linkedInUrl": "https://www.linkedin.com/in/sato"}"#)
            #expect(linkedInOnly.status == .created)
            #expect(linkedInOnly.json["email"]?.isNull == true)
            #expect(linkedInOnly.json["domain"]?.isNull == true)
            #expect(linkedInOnly.json["phoneStatus"]?.string == "NotValidated")

            let recruiterOnly = try await client.createReplyIOContact(
                #"{"linkedInRecruiterUrl": "https://www.linkedin.com/recruiter/profile/1"}"#)
            #expect(recruiterOnly.status == .created)
        }
    }

    @Test func existingEmailIsAConflict() async throws {
        try await withSandbox { _, client in
            let first = try await client.createReplyIOContact(#"{"email": "dup@example.com"}"#)
            #expect(first.status == .created)
            let again = try await client.createReplyIOContact(#"{"email": "DUP@example.com", "firstName": "Again"}"#)
            #expect(again.status == .conflict)
            #expect(again.isProblem)
            #expect(again.json["code"]?.string == "contact.alreadyExists")
            #expect(again.json["title"]?.string == "Contact already exists")
            #expect(again.json["detail"]?.string == "A contact with email dup@example.com already exists")

            let seeded = try await client.replyIO(.post, "/contacts/filter?top=1", json: "{}")
            let seededEmail = try #require(seeded.json["items"]?[0]?["email"]?.string)
            let clash = try await client.createReplyIOContact(#"{"email": "\#(seededEmail)"}"#, version: .v3)
            #expect(clash.status == .conflict)
            let all = try await client.replyIO(.post, "/contacts/filter", json: "{}")
            #expect(all.json["totalCount"]?.int == ReplyIOSeed.contactCount + 1, "the refused ones are not stored")
        }
    }

    @Test func unknownContactAccountIsRefused() async throws {
        try await withSandbox { _, client in
            let response = try await client.createReplyIOContact(#"{"email": "acct@example.com", "accountId": 999}"#)
            #expect(response.status == .badRequest)
            #expect(response.problemFields == ["accountId"])
        }
    }

    @Test func unreadableBodiesAreProblems() async throws {
        try await withSandbox { _, client in
            for body in ["{not json", "[1, 2]", ""] {
                let response = try await client.replyIO(.post, "/contacts", json: body)
                #expect(response.status == .badRequest, "\(body)")
                #expect(response.isProblem)
                #expect(response.json["code"]?.string == "request.invalidBody")
            }
        }
    }

    @Test func phoneStatusFollowsTheNumber() async throws {
        try await withSandbox { _, client in
            let invalid = try await client.createReplyIOContact(#"{"email": "p1@example.com", "phone": "call me"}"#)
            #expect(invalid.json["phoneStatus"]?.string == "Invalid")
            let short = try await client.createReplyIOContact(#"{"email": "p2@example.com", "phone": "12345"}"#)
            #expect(short.json["phoneStatus"]?.string == "Invalid")
        }
    }
}
