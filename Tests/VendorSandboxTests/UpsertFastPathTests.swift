import Foundation
import NIOCore
import Testing

@testable import VendorSandbox

/// The upsert route's fast paths (its own JSON reader, phone normalizer, id generator and
/// answer writer) against what they replace: `JSONDecoder`, the former `Character`-based
/// normalizer and id formatting, and `JSONEncoder`.
@Suite struct UpsertFastPathTests {
    private func decoded(_ body: [UInt8]) -> [ContactInput]? {
        try? JSONDecoder().decode(UpsertRequest.self, from: Data(body)).contacts
    }

    private func read(_ body: [UInt8]) -> [ContactInput]? {
        body.withUnsafeBufferPointer { UpsertBodyReader.contacts(in: $0) }
    }

    /// Bodies the reader reads itself, each exactly as `JSONDecoder` does.
    @Test(arguments: [
        #"{"contacts": []}"#,
        #"{"contacts":[{"external_id":"bench-1","phone_numbers":["(415) 200-0001"],"data":{"first_name":"José","last_name":"O'Brien","email":"user1@example.com","plan":"free","notes":"said \"call me after 5\""}}]}"#,
        " \r\n\t{ \"contacts\" : [ { \"external_id\" : \"ws\" , \"phone_numbers\" : [ \"+14155550102\" , \"x\" ] } ] } \n",
        #"{"contacts":[{"id":null,"external_id":null,"phone_numbers":null,"data":null,"timezone":null,"scheduled_at":null,"agent_id":null,"agent_config":null,"agent_number":null,"agent_version":null,"initial_context":null}]}"#,
        #"{"contacts":[{"id":"A","timezone":"Europe/London","scheduled_at":"2026-07-01T17:00:00Z","agent_id":"ag","agent_number":"+1","agent_version":"3","initial_context":"Hi\n"}]}"#,
        #"{"contacts":[{"agent_config":{"voice":{"speed":1.25,"tags":["a",null,true,false,-0,0,12345678901234567,-12.5]}},"data":{}}]}"#,
        #"{"contacts":[{"agent_config":"plain"}, {"agent_config":[]}, {"agent_config":7}, {"agent_config":false}]}"#,
        #"{"contacts":[{"data":{"nested":{"deep":[1,2,{"x":"y","z":{}}]},"list":[[],[[]]],"n":null,"t":true}}]}"#,
        #"{"contacts":[{"data":{"a":"\ud83d\ude00 \u00e9\u00E9\/\b\f\n\r\t\"\\ \u0000 end"}}]}"#,
        #"{"contacts":[{"external_\u0069d":"escaped-key","data":{"k\u00e9y":"v","\u0041":[]}}]}"#,
        "{\"contacts\":[{\"external_id\":\"del\u{7F}\",\"data\":{\"emoji\":\"🚀 山 Zoë\",\"Ω\":\"ü\"}}]}",
        #"{"contacts":[{"external_id":"x"}], "other": {"a": [1, 0.5, "x", null, {"b": false}]}, "more": null}"#,
        #"{"contacts":[{"unknown":{"a":[1,{"b":null}]},"external_id":"u","also":"x","also":"twice"}]}"#,
        #"{"contacts":[{"data":{"big":123456789012345678901234,"neg":-12.5,"z":-0,"f":0.1,"g":1.7976931348623157}}]}"#,
    ])
    func readsAsJSONDecoderDoes(body: String) throws {
        let bytes = Array(body.utf8)
        let expected = try #require(decoded(bytes))
        let contacts = try #require(read(bytes), "the reader left a body it reads to JSONDecoder")
        #expect(contacts == expected)
    }

    /// Bodies the reader leaves to `JSONDecoder`: errors for it to word, and anything the
    /// reader is not certain to read the same way.
    @Test(arguments: [
        "", "null", "[]", "{}", #"{"contacts": null}"#, #"{"contacts": {}}"#, #"{"contacts": [1]}"#,
        #"{"contacts": [null]}"#, #"{"contacts":[{"id":1}]}"#, #"{"contacts":[{"external_id":true}]}"#,
        #"{"contacts":[{"phone_numbers":"x"}]}"#, #"{"contacts":[{"phone_numbers":[null]}]}"#,
        #"{"contacts":[{"phone_numbers":[1]}]}"#, #"{"contacts":[{"data":[]}]}"#, #"{"contacts":[{"data":"x"}]}"#,
        #"{"contacts":[{"data":{"a":1e400}}]}"#, #"{"contacts":[{"data":{"a":1e2}}]}"#,
        #"{"contacts":[{"data":{"a":01}}]}"#, #"{"contacts":[{"data":{"a":1.}}]}"#,
        #"{"contacts":[{"data":{"a":.5}}]}"#,
        #"{"contacts":[{"data":{"a":+1}}]}"#, #"{"contacts":[{"data":{"a":-}}]}"#,
        #"{"contacts":[{"data":{"a":NaN}}]}"#,
        #"{"contacts":[{"external_id":"tc",}]}"#, #"{"contacts":[],}"#, #"{"contacts":[1,]}"#, #"{"contacts":[]} x"#,
        #"{"contacts":[]}}"#, #"{"contacts":[]"#, #"{"contacts":[{"external_id":"a"#,
        #"{"contacts":[{"external_id":"a","external_id":"b"}]}"#, #"{"contacts":[{"data":{"a":1,"a":2}}]}"#,
        #"{"contacts":[{"data":{"é":1,"e\u0301":2}}]}"#,
        #"{"contacts":[{"external_id":"first"}],"contacts":[{"external_id":"second"}]}"#,
        #"{"contacts":[{"data":{"a":"\ud800"}}]}"#, #"{"contacts":[{"data":{"a":"\udc00"}}]}"#,
        #"{"contacts":[{"data":{"a":"\ud800\u0041"}}]}"#, #"{"contacts":[{"data":{"a":"\x"}}]}"#,
        #"{"contacts":[{"data":{"a":"\u00g1"}}]}"#, #"{"contacts":[{"data":{"a":tru}}]}"#,
        #"{"contacts":[{"data":{"a":nul}}]}"#, "{\"contacts\":[{\"external_id\":\"a\u{1}b\"}]}",
        "{\"contacts\":[{\"external_id\":\"a\nb\"}]}", "\u{FEFF}{\"contacts\":[]}",
        #"{"contacts":[{"agent_config":"# + String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
            + "}]}",
        #"{'contacts':[]}"#, #"{contacts:[]}"#, "{\"contacts\":[]} \u{0}",
    ])
    func leavesToJSONDecoder(body: String) {
        #expect(read(Array(body.utf8)) == nil)
    }

    @Test func leavesInvalidUTF8ToJSONDecoder() {
        for bad: [UInt8] in [
            [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xC0, 0xAF], [0xF8, 0x88, 0x80, 0x80, 0x80],
        ] {
            let value = Array(#"{"contacts":[{"external_id":"a"#.utf8) + bad + Array(#"b"}]}"#.utf8)
            #expect(read(value) == nil)
            let key = Array(#"{"contacts":[{"data":{"a"#.utf8) + bad + Array(#"b":1}}]}"#.utf8)
            #expect(read(key) == nil)
        }
    }

    // MARK: - Phone numbers

    /// The normalizer as it was before it read bytes, to compare against.
    private func formerNormalize(_ raw: String, countryCode: String?) -> String? {
        func isDigits(_ text: some StringProtocol) -> Bool {
            !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }
        }
        func international(digits: Substring) -> String? {
            guard isDigits(digits), (8...15).contains(digits.count), digits.first != "0" else { return nil }
            return "+" + digits
        }
        let separators: Set<Character> = [" ", "-", ".", "(", ")", "\t"]
        let compact = String(raw.filter { !separators.contains($0) })
        if compact.hasPrefix("+") { return international(digits: compact.dropFirst()) }
        guard let countryCode else { return nil }
        if compact.hasPrefix("00") { return international(digits: compact.dropFirst(2)) }
        guard isDigits(compact) else { return nil }
        let code = String(countryCode.drop(while: { $0 == "+" }))
        if code == "1" {
            if compact.count == 10 { return international(digits: Substring("1" + compact)) }
            if compact.count == 11, compact.hasPrefix("1") { return international(digits: Substring(compact)) }
            return nil
        }
        let national = compact.hasPrefix("0") ? String(compact.dropFirst()) : compact
        guard (6...12).contains(national.count) else { return nil }
        return international(digits: Substring(code + national))
    }

    @Test func phoneNormalizerAgreesWithTheFormerOne() {
        let pieces = [
            "0", "1", "4", "7", "9", "00", "44", "415", "555", "0123", "7700", "900123", "12345678", " ", "-", ".", "(",
            ")", "\t", "+", "++", "x", "é", "\u{301}", "１", "\r\n", "\n", "/", "#", "",
        ]
        let codes: [String?] = [nil, "+1", "1", "+44", "44", "+", "", "+33", "+1\u{301}", "x", "++1", "+353"]
        var random = SeededGenerator(seed: 11)
        var samples = [
            "+1 (415) 555-0123", "415.555.0123", "1-415-555-0123", "0044 7700 900123", "07700 900123", "7700900123",
            "+33 6 12 34 56 78", "abc", "12", "+1234567", "+1234567890123456", "+0441234567", "(+1) 415 555 0123",
            "+", "00", "0", "", "\t+1 (415) 555.0130 ", "+1\u{301}415555013", "+1415555１234",
        ]
        for _ in 0..<4000 {
            let count = Int.random(in: 1...8, using: &random)
            samples.append((0..<count).map { _ in pieces.randomElement(using: &random)! }.joined())
        }
        for code in codes {
            let normalizer = PhoneNumbers.Normalizer(countryCode: code)
            for raw in samples {
                let expected = formerNormalize(raw, countryCode: code)
                #expect(normalizer.normalize(raw) == expected, "\(raw.debugDescription) with \(code.debugDescription)")
                #expect(PhoneNumbers.normalize(raw, countryCode: code) == expected)
            }
        }
    }

    // MARK: - Ids

    @Test func uuidsAreDrawnAsBefore() {
        func former(_ generator: inout SeededGenerator) -> String {
            var bytes = [UInt8]()
            for _ in 0..<2 {
                var word = generator.next()
                for _ in 0..<8 {
                    bytes.append(UInt8(truncatingIfNeeded: word))
                    word >>= 8
                }
            }
            bytes[6] = (bytes[6] & 0x0F) | 0x40
            bytes[8] = (bytes[8] & 0x3F) | 0x80
            let hex = bytes.map { byte in
                let digits = String(byte, radix: 16)
                return digits.count == 1 ? "0" + digits : digits
            }
            return [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]]
                .map { $0.joined() }
                .joined(separator: "-")
        }
        for seed: UInt64 in [0, 1, 7, 0xDEAD_BEEF, .max] {
            var current = SeededGenerator(seed: seed, stream: 1)
            var reference = current
            for _ in 0..<500 {
                #expect(current.uuid() == former(&reference))
            }
        }
    }

    // MARK: - Answer

    @Test func upsertAnswerIsWrittenAsJSONEncoderWritesIt() throws {
        let everyASCII = String((0..<128).map { Character(Unicode.Scalar(UInt8($0))) })
        let answers = [
            UpsertAnswer(),
            UpsertAnswer(inserted: 2, updated: 1, contactIDs: ["a", "b", "a"]),
            UpsertAnswer(
                inserted: 0, updated: 0,
                failed: [
                    FailedContact(index: 3, id: nil, externalID: "x\"y\\z/", error: "Contact has no phone numbers"),
                    FailedContact(
                        index: 12, id: "0f50839b-85bd-4986-86b9-0665f1891bed", externalID: nil, error: everyASCII),
                    FailedContact(index: -1, id: "🚀 山 Zoë \u{2028}\u{2029}", externalID: "e\u{301}", error: ""),
                ],
                warnings: [everyASCII, "contacts[0]: data.id duplicates a structured field; send it at the top level"],
                contactIDs: ["0f50839b-85bd-4986-86b9-0665f1891bed"]),
        ]
        for answer in answers {
            let expected = try JSONAnswer.encoder().encode(answer)
            #expect(
                Array(answer.json.readableBytesView) == Array(expected), "\(String(decoding: expected, as: UTF8.self))")
        }
    }
}

@Suite struct ContactIndexTests {
    private func contact(_ id: String, campaign: String?, externalID: String?) -> Contact {
        Contact(
            id: id, campaignID: campaign, externalID: externalID, phoneNumbers: ["+14155550101"], data: [:],
            timezone: nil, scheduledAt: nil, status: .pending, attempts: [], agentID: nil, agentConfig: nil,
            agentNumber: nil, agentVersion: nil, initialContext: nil, createdAt: Date(timeIntervalSince1970: 0),
            updatedAt: Date(timeIntervalSince1970: 0))
    }

    @Test func canonicalIDsAreReadAsTheirBits() {
        var random = SeededGenerator(seed: 5)
        var seen = Set<ContactIndex.CanonicalID>()
        for _ in 0..<1000 {
            let id = random.uuid()
            let canonical = ContactIndex.CanonicalID(id)
            #expect(canonical != nil, "\(id)")
            if let canonical { seen.insert(canonical) }
        }
        #expect(seen.count == 1000)
        let id = "0f50839b-85bd-4986-86b9-0665f1891bed"
        #expect(ContactIndex.CanonicalID(id) == ContactIndex.CanonicalID(id))
        #expect(ContactIndex.CanonicalID(id)?.high == 0x0f50_839b_85bd_4986)
        #expect(ContactIndex.CanonicalID(id)?.low == 0x86b9_0665_f189_1bed)
        for other in [
            "0F50839B-85BD-4986-86B9-0665F1891BED", "0f50839b85bd498686b90665f1891bed",
            "0f50839b-85bd-4986-86b9-0665f1891be",
            "0f50839b-85bd-4986-86b9-0665f1891bedd", "0f50839b-85bd-4986-86b9_0665f1891bed",
            "g f50839b-85bd-4986-86b9-0665f1891b",
            "", "x", "0f50839b-85bd-4986-86b9-0665f1891bé",
        ] {
            #expect(ContactIndex.CanonicalID(other) == nil, "\(other)")
        }
    }

    @Test func findsContactsByIDAndByExternalIDPerCampaign() {
        let contacts = [
            contact("0f50839b-85bd-4986-86b9-0665f1891bed", campaign: "c1", externalID: "a"),
            contact("not-a-uuid", campaign: "c1", externalID: "b"),
            contact("1a96d326-1706-40f0-9f6e-fc976964be52", campaign: "c2", externalID: "a"),
            contact("NOT-LOWER", campaign: nil, externalID: "a"),
        ]
        var index = ContactIndex()
        index.refresh(for: contacts)
        #expect(index.index(ofID: "0f50839b-85bd-4986-86b9-0665f1891bed") == 0)
        #expect(index.index(ofID: "not-a-uuid") == 1)
        #expect(index.index(ofID: "1a96d326-1706-40f0-9f6e-fc976964be52") == 2)
        #expect(index.index(ofID: "NOT-LOWER") == 3)
        #expect(index.index(ofID: "not-lower") == nil)
        #expect(index.index(ofID: "2a96d326-1706-40f0-9f6e-fc976964be52") == nil)
        let c1 = index.slot(for: "c1")
        let c2 = index.slot(for: "c2")
        let none = index.slot(for: nil)
        #expect(Set([c1, c2, none]).count == 3)
        #expect(index.slot(for: "c1") == c1 && index.slot(for: nil) == none)
        #expect(index.index(ofExternalID: "a", inSlot: c1) == 0)
        #expect(index.index(ofExternalID: "b", inSlot: c1) == 1)
        #expect(index.index(ofExternalID: "a", inSlot: c2) == 2)
        #expect(index.index(ofExternalID: "a", inSlot: none) == 3)
        #expect(index.index(ofExternalID: "b", inSlot: c2) == nil)
        #expect(index.index(ofExternalID: "\u{212A}", inSlot: c1) == nil)

        index.moved(externalID: "a", to: "z", campaignID: "c1", at: 0)
        #expect(index.index(ofExternalID: "a", inSlot: c1) == nil)
        #expect(index.index(ofExternalID: "z", inSlot: c1) == 0)
        #expect(index.index(ofExternalID: "a", inSlot: c2) == 2)

        let added = contact("5e6a6cb3-2ce9-45b8-b915-bbd2ec608dd4", campaign: "c3", externalID: "K")
        index.added(added, at: 4)
        #expect(index.index(ofID: added.id) == 4)
        // External ids compare as strings do: the Kelvin sign is the letter K.
        #expect(index.index(ofExternalID: "\u{212A}", inSlot: index.slot(for: "c3")) == 4)
    }
}
