import Foundation
import Testing

@testable import SwitchboardCore

/// The direct JSON writer used on the import hot path: what it writes must read back through
/// `JSONDecoder` as exactly what went in, and match what `JSONEncoder` would have sent.
@Suite struct JSONWriterTests {
    /// Text that needs every kind of escape, and text that needs none but is not ASCII.
    static let hostile = [
        "say \"hi\" \\ bye", "line\nbreak\r\ttab", "\u{01}\u{1F}\u{7F}", "José Ngọc 美咲 🚀", "\u{202E}evil\u{202C}",
        "", "a/b",
    ]

    static let fullContact = Contact(
        vendorID: "6f1c", externalID: "crm-\"1\"", firstName: hostile[3], lastName: hostile[0],
        email: "ada@example.com", phoneNumbers: ["+14155550123", "+14155550199"],
        status: ContactStatus(raw: "in_progress", normalized: .active), attemptCount: 3,
        data: [
            "notes": .string(hostile[1]), "control": .string(hostile[2]), "bidi": .string(hostile[4]),
            "count": .number(42), "ratio": .number(0.125), "big": .number(1e300), "vip": .bool(true), "none": .null,
            "tags": .array([.string("a"), .number(-1)]), "nested": .object(["z": .string(""), "a": .string("a/b")]),
        ],
        timezone: "America/New_York", scheduledAt: "2026-07-01T17:00:00Z", updatedAt: "2026-06-01T00:00:00Z")

    @Test func contactsReadBackThroughJSONDecoder() throws {
        for contact in [Self.fullContact, Contact(), Contact(externalID: "x", phoneNumbers: ["+1"])] {
            let decoded = try JSONDecoder().decode(Contact.self, from: Data(contact.jsonText.utf8))
            #expect(decoded == contact)
        }
    }

    @Test func everyStringReadsBackUnchanged() throws {
        for text in Self.hostile {
            var writer = JSONWriter()
            writer.string(text)
            #expect(try JSONDecoder().decode(String.self, from: Data(writer.bytes)) == text)
        }
        var writer = JSONWriter()
        writer.string(String(decoding: (0..<0x20).map { UInt8($0) }, as: UTF8.self))
        #expect(!writer.bytes.contains { $0 < 0x20 })
    }

    @Test func contactMatchesJSONEncoder() throws {
        let encoded = try JSONEncoder().encode(Self.fullContact)
        #expect(try sameJSON(Array(Self.fullContact.jsonText.utf8), Array(encoded)))
    }

    @Test func anyreachUpsertBodyMatchesJSONEncoderAndReadsBack() throws {
        let contacts = [
            AnyreachContactInput(neutral: Self.fullContact),
            AnyreachContactInput(
                id: "id-1", externalID: "e", phoneNumbers: [], data: [:], timezone: "UTC", scheduledAt: "now",
                agentID: "a", agentConfig: .object(["voice": .string("x\"y")]), agentNumber: "+1",
                agentVersion: "3", initialContext: Self.hostile[1]),
            AnyreachContactInput(),
        ]
        let body = AnyreachUpsertBody(contacts: contacts)
        #expect(try sameJSON(body.jsonBytes, try JSONCoding.encode(body)))
        let decoded = try JSONDecoder().decode(AnyreachUpsertBody.self, from: Data(body.jsonBytes))
        #expect(decoded.contacts == contacts)
    }

    @Test(arguments: ["request.bulk-add.json", "request.contact-with-overrides.json"])
    func anyreachExamplesWriteBackTheSame(_ name: String) throws {
        let example = try VendorExamples.bytes("anyreach", name)
        let body = try JSONDecoder().decode(AnyreachUpsertBody.self, from: Data(example))
        #expect(try sameJSON(body.jsonBytes, example))
    }

    @Test func anyreachBodyKeysAreSortedAsJSONCodingSendsThem() throws {
        let body = AnyreachUpsertBody(contacts: [
            AnyreachContactInput(externalID: "crm-1", phoneNumbers: ["+14155550123"], data: ["first_name": .string("Ada")])
        ])
        #expect(body.jsonBytes == (try JSONCoding.encode(body)))
    }
}
