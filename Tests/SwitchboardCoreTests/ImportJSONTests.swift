import Foundation
import SwitchboardCore
import Testing

@Suite struct ImportJSONTests {
    private func batches(_ vendorFolder: String, _ example: String, vendor: Vendor) throws -> [ImportBatch] {
        let text = String(decoding: try VendorExamples.bytes(vendorFolder, example), as: UTF8.self)
        return try ImportFixture.batches(
            text, name: "body.json", options: ImportOptions(vendor: vendor, defaultCountryCode: "+1"))
    }

    @Test func anyreachBulkAddBody() throws {
        let batch = try #require(try batches("anyreach", "request.bulk-add.json", vendor: .anyreach).first)
        #expect(batch.problems.isEmpty)
        #expect(
            batch.contacts == [
                Contact(externalID: "lead-1001", firstName: "Ada", phoneNumbers: ["+14155550123"]),
                Contact(externalID: "lead-1002", firstName: "Grace", phoneNumbers: ["+14155550199"]),
            ])
        #expect(batch.rowNumbers == [3, 12])
    }

    /// In a minified file every contact starts on line 1: a problem names its contact's
    /// place in the array with the key (`[1].email`), and a problem of the whole contact
    /// names the place alone. A file with a contact a line keeps the plain keys.
    @Test func contactsSharingALineAreNamedByTheirPlace() throws {
        let options = ImportOptions(vendor: .anyreach, defaultCountryCode: "+1")
        let minified =
            #"[{"external_id":"a","phone_numbers":["+14155550101"]},{"external_id":"b","email":"bad@@x"},"#
            + #"{"external_id":"c","phone_numbers":["12"]},{"first_name":"nokey"},7]"#
        let batch = try #require(try ImportFixture.batches(minified, name: "min.json", options: options).first)
        #expect(batch.contacts.map(\.externalID) == ["a"])
        #expect(batch.problems.map(\.line) == [1, 1, 1, 1])
        #expect(batch.problems.map(\.column) == ["[1].email", "[2].phone_numbers", "[3]", "[4]"])
        let body = #"{"contacts":[{"external_id":"a","email":"x@@y"},{"external_id":"b","phone_numbers":["1"]}]}"#
        let inBody = try #require(try ImportFixture.batches(body, name: "body.json", options: options).first)
        #expect(inBody.problems.map(\.column) == ["contacts[0].email", "contacts[1].phone_numbers"])
        let pretty = "[\n" + #"{"external_id":"a","email":"x@@y"},"# + "\n" + #"{"first_name":"nokey"}"# + "\n]"
        let lines = try #require(try ImportFixture.batches(pretty, name: "pretty.json", options: options).first)
        #expect(lines.problems.map(\.line) == [2, 3])
        #expect(lines.problems.map(\.column) == ["email", nil])
    }

    @Test func anyreachContactWithOverrides() throws {
        let contact = try #require(
            try batches("anyreach", "request.contact-with-overrides.json", vendor: .anyreach).first?.contacts.first)
        #expect(contact.externalID == "crm-4821")
        #expect(contact.phoneNumbers == ["+14155550101", "+14155550102"])
        #expect(contact.timezone == "America/Los_Angeles")
        #expect(contact.scheduledAt == "2026-07-01T17:00:00Z")
        #expect(contact.firstName == "Dana")
        #expect(contact.data == ["plan": .string("pro"), "initial_context": .string("Renewal due next week.")])
    }

    @Test func replifyUpsertBody() throws {
        let contact = try #require(
            try batches("replify", "request.UpsertContacts.json", vendor: .replify).first?.contacts.first)
        #expect(
            contact
                == Contact(
                    firstName: "Ava", lastName: "Lopez", email: "ava@example.com", phoneNumbers: ["+15551234567"],
                    data: ["source": .string("web_form"), "tier": .string("trial")]))
    }

    @Test func replifyExternalIDsPerContactAndAtTheRoot() throws {
        let perContact = try #require(
            try batches("replify", "request.UpsertWithExternalIds.json", vendor: .replify).first)
        #expect(perContact.contacts.map(\.externalID) == ["1234", "5678"])
        #expect(perContact.contacts.map { $0.data["externalIdKey"] } == [.string("hubspotId"), .string("hubspotId")])
        let root = try #require(
            try batches("replify", "request.UpsertWithExternalIdsRoot.json", vendor: .replify).first)
        #expect(root.contacts.map(\.externalID) == ["1234"])
        #expect(root.contacts.first?.data["externalIdKey"] == .string("hubspotId"))
    }

    @Test func replifyActionAndStatus() throws {
        let path = ImportFixture.file(
            String(decoding: try VendorExamples.bytes("replify", "request.UpdateOnlyContacts.json"), as: UTF8.self),
            name: "b.json")
        let source = try ContactImport(path: path, options: ImportOptions(vendor: .replify))
        #expect(source.requestedAction == .updateOnly)
        let contact = try #require(try source.nextBatch()?.contacts.first)
        #expect(contact.status == ContactStatus(raw: "completed", normalized: .completed))
        #expect(contact.data == ["won": .bool(true), "conversion_source": .string("appointment_booked")])
    }

    @Test func campaignLarkUpsertBody() throws {
        let batch = try #require(try batches("campaignlark", "request.upsert.json", vendor: .campaignlark).first)
        #expect(batch.rowNumbers == [1])
        #expect(
            batch.contacts == [
                Contact(
                    firstName: "Tywin", lastName: "Lannister", email: "tywin@example.com",
                    status: ContactStatus(raw: "SUBSCRIBED", normalized: .pending),
                    data: ["tags": .array([.number(1), .number(2)])])
            ])
    }

    @Test func replyIOCreateBody() throws {
        let contact = try #require(
            try batches("replyio", "request.create-contact.json", vendor: .replyio).first?.contacts.first)
        #expect(contact.email == "john.doe@company.com")
        #expect(contact.phoneNumbers == ["+14155550123"])
        #expect(
            contact.data == [
                "title": .string("Senior Product Manager"), "company": .string("Tech Solutions Inc"),
                "linkedInUrl": .string("https://www.linkedin.com/in/johndoe"), "accountId": .number(100),
                "leadSource": .string("Conference"),
            ])
    }

    @Test func neutralArrayWithLinesAndProblems() throws {
        let text = """
            [
              {"email": "a@example.com", "phone_numbers": ["415 555 0101"], "first_name": "A", "tier": "gold"},
              "not an object",
              {"email": "b@example",
               "phone": "+14155550102"},
              {"firstName": "C", "phone": {"n": 1}}
            ]
            """
        let batch = try #require(
            try ImportFixture.batches(
                text, name: "c.json", options: ImportOptions(vendor: .anyreach, defaultCountryCode: "+1")
            ).first)
        #expect(
            batch.contacts == [
                Contact(
                    firstName: "A", email: "a@example.com", phoneNumbers: ["+14155550101"],
                    data: ["tier": .string("gold")])
            ])
        #expect(batch.rowNumbers == [2])
        #expect(batch.problems.map(\.line) == [3, 4, 6])
        #expect(batch.problems.map(\.column) == [nil, "email", "phone"])
        #expect(batch.problems[0].reason == "a contact must be a JSON object, not \"not an object\"")
        #expect(batch.problems[2].reason == "expected text, found {\"n\":1}")
    }

    @Test func brokenAndEmptyJSON() throws {
        #expect(throws: ImportProblem.self) {
            try ContactImport(
                path: ImportFixture.file("[{\"email\": ", name: "x.json"), options: ImportOptions(vendor: .replify))
        }
        #expect {
            try ContactImport(
                path: ImportFixture.file("  \n", name: "x.json"), options: ImportOptions(vendor: .replify))
        } throws: { error in
            (error as? ImportProblem)?.reason == "the file is empty; expected a JSON array of contacts"
        }
        let empty = try ImportFixture.batches("[]", name: "x.json", options: ImportOptions(vendor: .replify))
        #expect(empty.map(\.problems.first?.reason) == ["the file holds no contacts"])
    }
}
