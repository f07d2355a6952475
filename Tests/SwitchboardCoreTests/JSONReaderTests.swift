import Foundation
import Testing

@testable import SwitchboardCore

/// The direct JSON reader used to read journal and cache rows back: it must read what the
/// writer and `JSONEncoder` write exactly as `JSONDecoder` does, and refuse broken text
/// with the byte offset.
@Suite struct JSONReaderTests {
    @Test func contactsWrittenByTheWriterReadBackEqual() throws {
        for contact in [
            JSONWriterTests.fullContact, Contact(), Contact(externalID: "x", phoneNumbers: ["+1"]),
            Contact(status: ContactStatus(raw: "WEIRD", normalized: .unknown), attemptCount: 0),
        ] {
            #expect(try Contact(jsonText: contact.jsonText) == contact)
            #expect(try Contact(jsonText: contact.jsonText) == JSONDecoder().decode(Contact.self, from: Data(contact.jsonText.utf8)))
        }
    }

    @Test func contactsWrittenByJSONEncoderReadBackEqual() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(JSONWriterTests.fullContact), as: UTF8.self)
        #expect(try Contact(jsonText: text) == JSONWriterTests.fullContact)
    }

    @Test func unknownMembersAndNullsAreSkipped() throws {
        let contact = try Contact(
            jsonText: #"{"vendorID":null,"future":{"a":[1,2,{"b":null}]},"phoneNumbers":["+1"],"status":null,"attemptCount":null,"data":{}}"#)
        #expect(contact == Contact(phoneNumbers: ["+1"]))
    }

    /// Strings read eight bytes at a time: whatever the length and wherever the first byte
    /// that stops plain text falls (the closing quote, an escape, a control byte, a byte
    /// over 0x7F), `string()` and `asciiStringRange()` read what they read a byte at a time.
    @Test func stringsOfEveryLengthAndStopPlace() throws {
        for length in 0..<20 {
            for (stop, expected) in [("", "plain"), ("\\n", "escape"), ("é", "non-ASCII"), ("\u{01}", "control")] {
                for place in 0...length {
                    let text = String(repeating: "a", count: place) + stop + String(repeating: "b", count: length - place)
                    let json = Array("[\"\(text)\", \"x\"]".utf8)
                    try json.withUnsafeBufferPointer { bytes in
                        var reader = JSONReader(bytes)
                        var ranges: [Range<Int>?] = []
                        var failed = false
                        do { try reader.elements { reader in ranges.append(try reader.asciiStringRange()) } } catch {
                            failed = true
                        }
                        switch expected {
                        case "control": #expect(failed, "\(length) \(place)")
                        case "plain": #expect(ranges == [2..<(2 + text.utf8.count), (text.utf8.count + 6)..<(text.utf8.count + 7)])
                        default: #expect(ranges.first == .some(nil) && ranges.count == 2, "\(expected) \(length) \(place)")
                        }
                    }
                    if expected != "control" {
                        #expect(try JSONReader.value(from: "[\"\(text)\"]") == .array([.string(expected == "escape" ? text.replacingOccurrences(of: "\\n", with: "\n") : text)]))
                    }
                }
            }
        }
    }

    @Test func everyEscapeReads() throws {
        let value = try JSONReader.value(from: #"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u732b\ud83d\ude80", "plain ü"]"#)
        #expect(value == .array([.string("a\"b\\c/d\u{08}\u{0C}\n\r\t"), .string("é猫🚀"), .string("plain ü")]))
        for text in JSONWriterTests.hostile {
            var writer = JSONWriter()
            writer.string(text)
            #expect(try JSONReader.value(from: String(decoding: writer.bytes, as: UTF8.self)) == .string(text))
        }
    }

    @Test func numbersReadAsJSONDecoderReadsThem() throws {
        let text = "[0, -1, 42, 0.125, -2.5e-3, 1e300, 123456789012345678901234, 9007199254740993]"
        let ours = try JSONReader.value(from: text)
        let theirs = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(ours == theirs)
    }

    @Test(arguments: [
        ("", 0), ("{", 1), (#"{"a" 1}"#, 5), (#"{"a":1,}"#, 7), ("[1 2]", 3), (#""abc"#, 0), ("tru", 0),
        (#""\x""#, 1), (#""\ud800""#, 7), ("1 2", 2), ("-", 0), ("\"a\u{01}\"", 2),
    ])
    func brokenTextIsRefusedWithItsOffset(_ text: String, _ offset: Int) {
        #expect {
            _ = try JSONReader.value(from: text)
        } throws: { error in
            (error as? JSONReader.Failure)?.offset == offset
        }
    }

    @Test func journalRowsReadTheirContactsBack() async throws {
        try await withTemporaryStore { store, _ in try await journalRowsReadBack(store) }
    }

    private func journalRowsReadBack(_ store: Store) async throws {
        let contacts = (0..<50).map { index in
            var contact = JSONWriterTests.fullContact
            contact.externalID = "crm-\(index)"
            return contact
        }
        let entry = try await store.journal.record(Change(account: "a", campaignID: "c", action: .upsert, contacts: contacts))
        let rows = try await store.journal.contacts(of: entry.id!, limit: 100)
        #expect(rows.map(\.contact) == contacts)
        #expect(rows.map(\.position) == Array(0..<50))
    }
}
