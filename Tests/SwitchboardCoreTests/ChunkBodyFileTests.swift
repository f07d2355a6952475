import Foundation
import GRDB
import Testing
import VendorSandbox

@testable import SwitchboardCore

/// The bulk lane keeps each entry's request bodies in a file of its own beside the database
/// (`ChunkBodyFile`), not in `journalChunk.body`.
@Suite struct ChunkBodyFileTests {
    let lane = BulkLaneTests()
    let sync = SyncSandboxTests()

    func mode(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func bodiesLiveInAPrivateFileSyncedBeforeTheEntry() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try await withTemporaryStore { store, _ in
            let account = SandboxCredentials.Anyreach.account("http://127.0.0.1:9")
            let entryID = try await lane.journalChunks(
                store, account: account, campaignID: "c", count: 2500, prefix: "file", directory: directory.path)
            let bodies = ChunkBodyFile.directory(database: store.path)
            let file = ChunkBodyFile.path(directory: bodies, entryID: entryID)
            #expect(try mode(bodies) == 0o700)
            #expect(try mode(file) == 0o600)
            let rows = try await store.pool.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT length(body), bodyAt, bodyLength FROM journalChunk WHERE entryID = ? ORDER BY first",
                    arguments: [entryID])
            }
            #expect(rows.count == 3)
            // Nothing in the rows; the bodies one after another in the file.
            #expect(rows.map { $0[0] as Int } == [0, 0, 0])
            let lengths = rows.map { $0[2] as Int }
            #expect(rows.map { $0[1] as Int } == [0, lengths[0], lengths[0] + lengths[1]])
            let size = try #require(FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)
            #expect(size.intValue == lengths.reduce(0, +))
            // Each body is the request the lane sends: 1000, 1000 and 500 contacts.
            for (first, count) in [(0, 1000), (1000, 1000), (2000, 500)] {
                let (body, _) = try await store.journal.chunkBody(entryID, first: first)
                let decoded = try JSONDecoder().decode(AnyreachUpsertBody.self, from: Data(body))
                #expect(decoded.contacts.count == count)
                #expect(decoded.contacts.first?.externalID == "file-\(first)")
            }
            // The readers decode contacts from the file.
            let contacts = try await store.journal.contacts(of: entryID, after: 1998, limit: 3)
            #expect(contacts.map(\.contact.externalID) == ["file-1999", "file-2000", "file-2001"])
        }
    }

    @Test func aFileNoEntryNamesIsRemovedAndAFallbackLeavesNone() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try await withTemporaryStore { store, _ in
            let account = SandboxCredentials.Anyreach.account("http://127.0.0.1:9")
            let first = try await lane.journalChunks(
                store, account: account, campaignID: "c", count: 1500, prefix: "one", directory: directory.path)
            let bodies = ChunkBodyFile.directory(database: store.path)
            // Left by an import killed before its entry committed.
            let orphan = ChunkBodyFile.path(directory: bodies, entryID: 99)
            try Data("{\"contacts\":[".utf8).write(to: URL(fileURLWithPath: orphan))
            let second = try await lane.journalChunks(
                store, account: account, campaignID: "c", count: 1500, prefix: "two", directory: directory.path)
            #expect(!FileManager.default.fileExists(atPath: orphan))
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: bodies).sorted()
                    == ["entry-\(first)", "entry-\(second)"].sorted())
            // A file of one request's worth takes the regular path: no bodies file is left for it.
            let small = directory.path + "/small.csv"
            try lane.writePlainCSV(small, count: 500, prefix: "small")
            let entryID = try #require(
                try await store.journalImport(
                    try ContactImport(path: small, options: ImportOptions(account: account)),
                    as: Change(account: account.name, campaignID: "c", action: .upsert), lane: .chunks
                ) { _, _, _ in })
            #expect(try await store.journal.entry(entryID)?.storage == .rows)
            #expect(try FileManager.default.contentsOfDirectory(atPath: bodies).count == 2)
        }
    }

    /// A chunk whose body cannot be read back (its file cut short) is not sent: its contacts
    /// are failed with a reason naming the entry and the file; the other chunks go through.
    @Test func aChunkWhoseBodyIsLostFailsWithTheReason() async throws {
        try await lane.withChunksEntry(count: 2500, prefix: "cut") { base, inner, account, campaignID, store, entryID in
            let file = ChunkBodyFile.path(directory: ChunkBodyFile.directory(database: store.path), entryID: entryID)
            let kept = try await store.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT bodyAt FROM journalChunk WHERE entryID = ? AND first = 2000",
                    arguments: [entryID])!
            }
            #expect(truncate(file, off_t(kept + 10)) == 0)
            let clock = TestClock()
            let engine = SyncEngine(
                store: store, client: try AnyreachClient(account: account, transport: inner),
                settings: SyncSettings(concurrency: 1), environment: clock.environment)
            let settled = try await engine.send(entryID: entryID)
            #expect(settled.state == .partial)
            #expect(try await lane.outcomeWords(store, entryID) == ["created": 2000, "failed": 500])
            let failed = try await store.journal.outcomes(of: entryID, after: 1999, limit: 1)
            let message = try #require(failed.first?.message)
            #expect(message.contains("journal entry #\(entryID)"))
            #expect(message.contains(file))
            #expect(message.contains("ends after"))
            #expect(failed.first?.key == "cut-2000")
            let stored = try await sync.sandboxContacts(base, transport: inner, campaignID: campaignID)
            #expect(stored.count == 2000)
        }
    }

    /// A chunk journaled before v12 keeps its body in its row (`bodyAt` NULL): it is read
    /// from there, sent and read back as before.
    @Test func aChunkWithItsBodyInTheRowIsReadFromThere() async throws {
        try await lane.withChunksEntry(count: 1500, prefix: "row") { base, inner, account, campaignID, store, entryID in
            let file = ChunkBodyFile.path(directory: ChunkBodyFile.directory(database: store.path), entryID: entryID)
            for first in [0, 1000] {
                let (body, _) = try await store.journal.chunkBody(entryID, first: first)
                try await store.pool.write { db in
                    try db.execute(
                        sql: "UPDATE journalChunk SET body = ?, bodyAt = NULL, bodyLength = NULL WHERE entryID = ? AND first = ?",
                        arguments: [Data(body), entryID, first])
                }
            }
            #expect(unlink(file) == 0)
            let contacts = try await store.journal.contacts(of: entryID, after: 998, limit: 2)
            #expect(contacts.map(\.contact.externalID) == ["row-999", "row-1000"])
            let engine = SyncEngine(
                store: store, client: try AnyreachClient(account: account, transport: inner),
                settings: SyncSettings(concurrency: 1), environment: TestClock().environment)
            #expect(try await engine.send(entryID: entryID).state == .done)
            #expect(try await lane.outcomeWords(store, entryID) == ["created": 1500])
            #expect(try await sync.sandboxContacts(base, transport: inner, campaignID: campaignID).count == 1500)
        }
    }

    @Test func aChunkIsSearchedIgnoringTheCaseOfAnEmail() {
        let body = Array(#"{"contacts":[{"data":{"email":"Ada.Lovelace@Example.com"}}]}"#.utf8)
        let needles = ChunkNeedles(emailInBody: Array("ada.lovelace@example.com".utf8))
        #expect(needles.mayHold(body: body, outcomes: nil))
        #expect(!ChunkNeedles(emailInBody: Array("ada@example.com".utf8)).mayHold(body: body, outcomes: nil))
        #expect(ChunkNeedles(inBody: [Array("Lovelace@".utf8)]).mayHold(body: body, outcomes: nil))
        #expect(!ChunkNeedles(inBody: [Array("lovelace@".utf8)]).mayHold(body: body, outcomes: nil))
        #expect(ChunkNeedles(inAnswer: [Array("v-1".utf8)]).mayHold(body: [], outcomes: Data("\u{0}\u{3}\u{0}v-1".utf8)))
        #expect(ChunkNeedles(everyChunk: true).mayHold(body: [], outcomes: nil))
        #expect(!ChunkNeedles().mayHold(body: body, outcomes: nil))
    }

    /// A lowercase UUID id is kept as its 16 bytes; any other id (uppercase, other dashes,
    /// not hex, empty, none, long, non-ASCII) as its text; each reads back exactly as it
    /// came, and a blob written before ids were packed reads as it did.
    @Test func idsThatAreUUIDsArePackedAndReadBackAsTheyCame() throws {
        let uuid = "1e115105-8e18-47a6-9c63-73998716506d"
        let ids: [String?] = [
            uuid, uuid.uppercased(), "1e1151058-e18-47a6-9c63-73998716506d", "1e115105-8e18-47a6-9c63-73998716506g",
            "", nil, String(repeating: "x", count: 300), "ид-1", "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff",
        ]
        let answers = ids.enumerated().map { index, id in
            ChunkAnswer(word: ChunkAnswer.words[index % 6], vendorID: id, message: nil)
        }
        let blob = ChunkAnswer.blob(answers)
        let decoded = ChunkAnswer.decode(blob: Data(blob), messages: nil, count: answers.count)
        #expect(decoded.map(\.vendorID) == ids.map { $0 == "" ? nil : $0 })
        #expect(decoded.map(\.word) == answers.map(\.word))
        // 17 bytes for each of the three UUIDs; 3 + the text for every other.
        let textBytes = ids.compactMap { $0 }.filter { ChunkAnswer.packed(id: $0) == nil }.map { $0.utf8.count }
        #expect(blob.count == 3 * 17 + (ids.count - 3) * 3 + textBytes.reduce(0, +))
        #expect(
            ChunkAnswer.packed(id: uuid)
                == [0x1e, 0x11, 0x51, 0x05, 0x8e, 0x18, 0x47, 0xa6, 0x9c, 0x63, 0x73, 0x99, 0x87, 0x16, 0x50, 0x6d])
        #expect(ChunkAnswer.packed(id: uuid.uppercased()) == nil)
        // The run reader sees the same words, packed or not.
        let run = OutcomeRun(
            first: 0, count: answers.count,
            keys: Array(Array(repeating: "k", count: answers.count).joined(separator: "\n").utf8),
            outcomes: blob, messagesJSON: nil)
        var words: [Int?] = []
        run.forEach(after: -1) { _, _, word, _ in
            words.append(word)
            return true
        }
        #expect(words == answers.map { ChunkAnswer.wordIndex($0.word) })
        // Before packing, a UUID was kept as its text.
        var old: [UInt8] = [UInt8(ascii: "c"), 36, 0] + Array(uuid.utf8)
        old += [UInt8(ascii: "u"), 0, 0]
        #expect(
            ChunkAnswer.decode(blob: Data(old), messages: nil, count: 2).map { [$0.word, $0.vendorID ?? "-"] }
                == [["created", uuid], ["updated", "-"]])
        // A search of the answers by the id finds it in either form.
        let match = HistoryMatch(keys: ["id:" + uuid])!.chunkNeedles
        #expect(match.mayHold(body: [], outcomes: Data(blob)))
        #expect(match.mayHold(body: [], outcomes: Data(old)))
        let other = HistoryMatch(keys: ["id:" + uuid.replacingOccurrences(of: "1e", with: "2f")])!.chunkNeedles
        #expect(!other.mayHold(body: [], outcomes: Data(blob)))
    }

    /// A contact known only by the id the vendor gave it (the console's row) is found by its
    /// history in a chunks entry, whose answers keep that id packed.
    @Test func aContactIsFoundByItsVendorIDInAChunksEntry() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/ids.csv"
        try lane.writeCSV(path, count: 1_500, prefix: "vid")
        try await withLiveSandbox(contacts: 0) { base, transport in
            try await withTemporaryStore { store, _ in
                let account = SandboxCredentials.Anyreach.account(base)
                let client = try AnyreachClient(account: account, transport: transport)
                let campaign = try await sync.createCampaign(client, externalID: "vid")
                let entryID = try await lane.journalChunks(store, account: account, campaignID: campaign.id, path: path)
                let engine = SyncEngine(
                    store: store, client: client, settings: SyncSettings(concurrency: 2),
                    environment: TestClock().environment)
                _ = try await engine.send(entryID: entryID)
                let sent = try await store.journal.contacts(of: entryID, after: 1_233, limit: 1)
                let id = try #require(sent.first?.vendorID)
                #expect(ChunkAnswer.packed(id: id) != nil, "the sandbox's ids are lowercase UUIDs")
                let found = try await store.journal.history(
                    account: account.name, campaignID: campaign.id, keys: ["id:" + id], limit: 5)
                #expect(found.map(\.position) == [1_234])
                #expect(found.first?.outcome == "created")
            }
        }
    }

    /// `pack(uuid:into:)` (eight digits at a time) agrees with a digit-by-digit reading for
    /// UUIDs and for every one of them with any one byte changed to any other.
    @Test func packingAgreesWithADigitByDigitReading() {
        func reference(_ text: [UInt8]) -> [UInt8]? {
            guard text.count == 36 else { return nil }
            var out: [UInt8] = []
            var index = 0
            while index < 36 {
                if [8, 13, 18, 23].contains(index) {
                    guard text[index] == UInt8(ascii: "-") else { return nil }
                    index += 1
                    continue
                }
                func value(_ byte: UInt8) -> UInt8? {
                    switch byte {
                    case 0x30...0x39: byte - 0x30
                    case 0x61...0x66: byte - 0x61 + 10
                    default: nil
                    }
                }
                guard let high = value(text[index]), let low = value(text[index + 1]) else { return nil }
                out.append(high << 4 | low)
                index += 2
            }
            return out
        }
        func packed(_ text: [UInt8]) -> [UInt8]? {
            var out = [UInt8](repeating: 0, count: 16)
            let fits = text.withUnsafeBufferPointer { text in
                out.withUnsafeMutableBytes { ChunkAnswer.pack(uuid: text, into: $0) }
            }
            return fits ? out : nil
        }
        for round in 0..<24 {
            let uuid = round == 0 ? "00000000-0000-0000-0000-000000000000" : UUID().uuidString.lowercased()
            let text = Array(uuid.utf8)
            #expect(packed(text) == reference(text))
            #expect(packed(text) != nil)
            for place in 0..<36 {
                for byte in 0...255 where UInt8(byte) != text[place] {
                    var changed = text
                    changed[place] = UInt8(byte)
                    if packed(changed) != reference(changed) {
                        Issue.record("\(uuid) with byte \(byte) at \(place)")
                        return
                    }
                }
            }
        }
    }

    /// A value outside printable ASCII is searched by its longest plain run, less the bytes
    /// touching a non-ASCII character; with no run of 3 bytes every chunk is read.
    @Test func aNonASCIIValueIsSearchedByItsPlainStretch() {
        #expect(ChunkNeedles.needle("ada@example.com") == Array("ada@example.com".utf8))
        #expect(ChunkNeedles.needle("josé.ñandú@example.com") == Array("example.com".utf8))
        #expect(ChunkNeedles.needle("ext-ü-12345") == Array("12345".utf8))
        #expect(ChunkNeedles.needle("ñü") == nil)
        #expect(ChunkNeedles.needle("a/b/c") == nil)
        #expect(ChunkNeedles.needle("path/to/value") == Array("value".utf8))
        // The precomposed and decomposed forms of é hold the same stretch.
        let composed = Array(#"{"data":{"email":"JOSÉ@EXAMPLE.COM"}}"#.utf8)
        let decomposed = Array("{\"data\":{\"email\":\"JOSE\u{301}@EXAMPLE.COM\"}}".utf8)
        let match = HistoryMatch(keys: ["email:josé@example.com"])!.chunkNeedles
        #expect(!match.everyChunk)
        #expect(match.mayHold(body: composed, outcomes: nil))
        #expect(match.mayHold(body: decomposed, outcomes: nil))
        #expect(!match.mayHold(body: Array(#"{"data":{"email":"ada@elsewhere.org"}}"#.utf8), outcomes: nil))
        #expect(HistoryMatch(keys: ["ext:ñü"])!.chunkNeedles.everyChunk)
    }

    /// A contact with a non-ASCII email and external id is found by its history in a chunks entry.
    @Test func aNonASCIIContactHasItsHistoryInAChunksEntry() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try await withTemporaryStore { store, _ in
            let account = SandboxCredentials.Anyreach.account("http://127.0.0.1:9")
            let path = directory.path + "/accents.csv"
            var text = "external_id,first_name,email,phone\n"
            for index in 0..<2500 {
                text += "é-\(index),Zoë \(index),Zoë.\(index)@Exämple.com,\(String(format: "+1415%07d", index))\n"
            }
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            _ = try await lane.journalChunks(store, account: account, campaignID: "c", path: path)
            for keys in [["ext:é-1234"], ["email:zoë.2345@exämple.com"], ["email:ZOË.7@EXÄMPLE.COM".lowercased()]] {
                let found = try await store.journal.history(account: account.name, campaignID: "c", keys: keys, limit: 5)
                #expect(found.count == 1, "\(keys)")
            }
            let position = try await store.journal.history(
                account: account.name, campaignID: "c", keys: ["ext:é-1234"], limit: 5
            ).first?.position
            #expect(position == 1234)
        }
    }
}
