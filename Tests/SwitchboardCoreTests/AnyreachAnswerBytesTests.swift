import Foundation
import Testing

@testable import SwitchboardCore

/// The byte-level reader of Anyreach's upsert answer gives what `JSONDecoder` gives, and
/// declines (nil, so the decoder reads it) whatever it does not take exactly.
@Suite struct AnyreachAnswerBytesTests {
    func decoded(_ text: String) throws -> AnyreachUpsertResult {
        try JSONCoding.decode(AnyreachUpsertResult.self, from: Array(text.utf8))
    }

    @Test(arguments: [
        #"{"inserted":2,"updated":0,"failed":[],"warnings":[],"contact_ids":["a-1","a-2"]}"#,
        #"{"contact_ids":["a-1"],"failed":[{"error":"invalid phone","external_id":"x-2","id":null,"index":1}],"inserted":1,"updated":0,"warnings":[]}"#,
        "{ \"inserted\" : 0 ,\n \"updated\":3, \"contact_ids\" : [ \"b\" , \"c\", \"d\" ] }\n",
        #"{"failed":["quota exceeded",{"index":0},{"error":"bad","index":null}],"inserted":0,"updated":0}"#,
        #"{"contact_ids":null,"failed":null,"inserted":null,"updated":-1}"#,
        #"{}"#,
        // The sandbox's own answer for two contacts, one of them refused.
        #"{"contact_ids":["0f0c8a8e-5b8e-4c8e-9a4e-1b2c3d4e5f60"],"failed":[{"error":"phone_numbers[0]: not E.164","external_id":"e-2","index":1}],"inserted":1,"updated":0,"warnings":[]}"#,
    ])
    func readsAsTheDecoderDoes(_ text: String) throws {
        let fast = try #require(AnyreachUpsertResult.decodeFast(Array(text.utf8)))
        #expect(fast == (try decoded(text)))
    }

    @Test(arguments: [
        // Escapes and non-ASCII are unescaped as the decoder does; unknown members skipped;
        // integers written as 1.0 or 1e2 read as the decoder reads them.
        #"{"contact_ids":["a\"1","\u00e9t\u00e9"],"inserted":2,"updated":0}"#,
        #"{"contact_ids":["é"],"inserted":1,"updated":0}"#,
        #"{"contact_ids":[],"inserted":0,"updated":0,"extra":{"nested":[1,2,{"x":null}]}}"#,
        #"{"inserted":1.0,"updated":1e2,"failed":[{"index":2.0,"error":null}]}"#,
    ])
    func readsTheRestAsTheDecoderDoesToo(_ text: String) throws {
        let fast = try #require(AnyreachUpsertResult.decodeFast(Array(text.utf8)))
        #expect(fast == (try decoded(text)))
    }

    /// Warnings keep their JSON text (`JSONValue.description`): the decoder's work.
    @Test func warningsAreLeftToTheDecoder() throws {
        let text = #"{"contact_ids":[],"inserted":0,"updated":0,"warnings":["slow down"]}"#
        #expect(AnyreachUpsertResult.decodeFast(Array(text.utf8)) == nil)
        #expect(try decoded(text).warnings.count == 1)
    }

    @Test(arguments: [
        "", "{", #"{"inserted":}"#, #"{"contact_ids":["a",]}"#, #"{"contact_ids":["a"]"#, "[]", "{} {}",
        #"{"inserted":1,,"updated":0}"#, #"{"failed":[{"index":"1"}]}"#, "null", #"{"inserted":1.5}"#,
        #"{"contact_ids":[1]}"#,
    ])
    func malformedIsDeclined(_ text: String) {
        #expect(AnyreachUpsertResult.decodeFast(Array(text.utf8)) == nil)
    }

    /// A thousand-contact answer, as the bulk lane reads one per request.
    @Test func aFullAnswer() throws {
        let ids = (0..<1000).map { _ in "\"\(UUID().uuidString.lowercased())\"" }
        let text =
            #"{"contact_ids":["# + ids.joined(separator: ",")
            + #"],"failed":[],"inserted":1000,"updated":0,"warnings":[]}"#
        let fast = try #require(AnyreachUpsertResult.decodeFast(Array(text.utf8)))
        #expect(fast == (try decoded(text)))
        #expect(fast.contactIDs.count == 1000)
    }

    /// The stored outcomes read straight from a common answer equal those mapped contact by
    /// contact; any other answer is declined (and then mapped).
    @Test(arguments: [
        (#"{"contact_ids":["a-1","a-2","a-3"],"failed":[],"inserted":3,"updated":0,"warnings":[]}"#, 3, "created"),
        (#"{"contact_ids":["a-1","a-2"],"failed":[],"inserted":0,"updated":2,"warnings":[]}"#, 2, "updated"),
        (#"{"updated":1,"inserted":1,"contact_ids":[ "a-1" , "a-2" ],"failed":null,"extra":{"x":[1]}}"#, 2, "upserted"),
    ])
    func commonAnswersGoStraightIntoTheStoredOutcomes(_ text: String, count: Int, word: String) throws {
        let fast = try #require(AnyreachUpsertResult.chunkOutcomes(Array(text.utf8), count: count))
        let sentIDs = [String?](repeating: nil, count: count)
        let mapped = ChunkOutcomes(
            sentIDs: sentIDs, report: AnyreachUpsertMapping.report(sentIDs: sentIDs, answer: try decoded(text)))
        #expect(fast.blob == mapped.blob)
        #expect(fast.counts == mapped.counts)
        #expect(fast.messages == mapped.messages)
        #expect(fast.answers.map(\.word) == Array(repeating: word, count: count))
        #expect(fast.answers.first?.vendorID == "a-1")
    }

    /// Ids that are lowercase UUIDs are packed as they are read; the blob is the one mapped
    /// contact by contact whether all, some or none of them are (uppercase, 36 bytes of
    /// something else, spaces around them), and more ids than contacts are declined.
    @Test(arguments: [
        ["0b7e3f5a-1c2d-4e5f-8a9b-0c1d2e3f4a5b", "ffffffff-0000-4000-8000-123456789abc"],
        ["0b7e3f5a-1c2d-4e5f-8a9b-0c1d2e3f4a5b", "FFFFFFFF-0000-4000-8000-123456789ABC", "a-3"],
        ["a-1", "0b7e3f5a-1c2d-4e5f-8a9b-0c1d2e3f4a5b"],
        ["0b7e3f5a-1c2d-4e5f-8a9b-0c1d2e3f4a5g", "0b7e3f5a+1c2d-4e5f-8a9b-0c1d2e3f4a5b"],
        ["123456789012345678901234567890123456", "0b7e3f5a-1c2d-4e5f-8a9b-0c1d2e3f4a5b"],
    ])
    func uuidIdsArePackedAsTheyAreRead(_ ids: [String]) throws {
        for spaced in [false, true] {
            let list = ids.map { spaced ? " \"\($0)\" " : "\"\($0)\"" }.joined(separator: ",")
            let text = #"{"contact_ids":["# + list + #"],"failed":[],"inserted":"# + "\(ids.count)" + #","updated":0}"#
            let fast = try #require(AnyreachUpsertResult.chunkOutcomes(Array(text.utf8), count: ids.count))
            let sentIDs = [String?](repeating: nil, count: ids.count)
            let mapped = ChunkOutcomes(
                sentIDs: sentIDs, report: AnyreachUpsertMapping.report(sentIDs: sentIDs, answer: try decoded(text)))
            #expect(fast.blob == mapped.blob)
            #expect(fast.answers.map(\.vendorID) == ids)
            #expect(AnyreachUpsertResult.chunkOutcomes(Array(text.utf8), count: ids.count - 1) == nil)
        }
    }

    @Test(arguments: [
        // A failure, a warning, ids that do not match the count, an escaped or non-ASCII id,
        // no ids at all, malformed text.
        #"{"contact_ids":["a-1"],"failed":[{"error":"bad","index":1}],"inserted":1,"updated":0}"#,
        #"{"contact_ids":["a-1","a-2"],"inserted":2,"updated":0,"warnings":["slow down"]}"#,
        #"{"contact_ids":["a-1"],"inserted":1,"updated":0}"#,
        #"{"contact_ids":["a\"1","a-2"],"inserted":2,"updated":0}"#,
        #"{"contact_ids":["é","a-2"],"inserted":2,"updated":0}"#,
        #"{"contact_ids":null,"inserted":2,"updated":0}"#,
        #"{"inserted":2,"updated":0}"#,
        #"{"contact_ids":["a-1","a-2"],"inserted":2,"updated":0"#,
    ])
    func otherAnswersAreDeclined(_ text: String) {
        #expect(AnyreachUpsertResult.chunkOutcomes(Array(text.utf8), count: 2) == nil)
    }
}
