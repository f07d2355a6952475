import Foundation
import GRDB
import Logging
import Testing

@testable import SwitchboardCore
@testable import VendorSandbox

/// The bulk lane (`journalEntry.storage` 'chunks') against the regular path: the same file
/// through both lanes into the live sandbox gives the same requests, the same answers from
/// the journal's readers and the same sandbox contacts; replay and faults for a chunks entry;
/// the v9 migration.
@Suite struct BulkLaneTests {
    let sync = SyncSandboxTests()

    /// A CSV of `count` rows: names, email, phone, a data column, and among them rows the
    /// regular path rejects (bad email, bad phone, no key, a missing field, several problems).
    func writeCSV(_ path: String, count: Int, prefix: String) throws {
        var text = "external_id,first_name,last_name,email,phone,company\n"
        for index in 0..<count {
            switch index % 97 {
            case 5: text += "\(prefix)-\(index),Ann,Bad,not-an-email,+14155550100,Acme\n"
            case 11: text += "\(prefix)-\(index),Bob,Phone,bob\(index)@example.com,12,Acme\n"
            case 17: text += ",No,Key,,,Acme\n"
            case 23: text += "\(prefix)-\(index),Short,Row\n"
            case 29: text += "\(prefix)-\(index),Two,Problems,bad@,x,Acme\n"
            case 31:
                text +=
                    "\"\(prefix)-\(index)\",\"Quoted, \"\"name\"\"\",Ünïcode, Mail\(index)@Example.com ,(415) 555-\(String(format: "%04d", index % 10_000)),\"multi\nline\"\n"
            case 37:
                text +=
                    "\"\(prefix)\\\\\(index)\nnext\",Back,Slash,,+1415555\(String(format: "%04d", index % 10_000)),Acme\n"
            default:
                let phone = String(format: "+1415%07d", index)
                text +=
                    "\(prefix)-\(index),First\(index),Last,\(prefix)\(index)@example.com,\(phone),Company \(index % 7)\n"
            }
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// What `each` saw, batch by batch, in a form both lanes can give.
    struct Seen: Equatable {
        var valid = 0
        var lines: [Int] = []
        var problems: [ImportProblem] = []
        var rejectedFields: [Int: [String]] = [:]
    }

    /// Everything the journal's readers give for an entry.
    struct Read: Equatable {
        var state: JournalState
        var contactCount: Int
        var answeredCount: Int
        var failedCount: Int
        var rejectedCount: Int
        var outcomes: [JournalOutcome]
        var rejects: [JournalReject]
    }

    /// An entry's contacts as `contacts(of:)`, `failedContacts` and `results` give them, the
    /// vendor's ids and answer times left out (each campaign's ids are its own).
    struct Contacts: Equatable {
        var all: [JournalContact]
        var failed: [JournalContact]
        var pages: [[JournalContact]]
        var failedPage: [JournalContact]
        var counts: [String: Int]
        var resultCounts: [String: Int]
        var hasVendorIDs: [Bool]
    }

    func contacts(_ store: Store, _ entryID: Int64) async throws -> Contacts {
        func plain(_ rows: [JournalContact]) -> [JournalContact] {
            rows.map {
                var row = $0
                row.entryID = 0
                row.vendorID = nil
                row.answeredAt = nil
                return row
            }
        }
        var all: [JournalContact] = []
        try await KeysetPages.forEach(
            limit: 777, page: { try await store.journal.contacts(of: entryID, after: $0, limit: $1) }, key: \.position
        ) { all += $0 }
        var failed: [JournalContact] = []
        try await KeysetPages.forEach(
            page: { try await store.journal.failedContacts(of: entryID, after: $0, limit: $1) }, key: \.position
        ) { failed += $0 }
        var pages: [[JournalContact]] = []
        for offset in [0, 250, 999, 1000, 2400] {
            let results = try await store.journal.results(of: entryID, filter: .all, offset: offset, limit: 120)
            pages.append(plain(results?.rows ?? []))
        }
        let failedPage = try await store.journal.results(of: entryID, filter: .failed, offset: 0, limit: 50)
        return Contacts(
            all: plain(all), failed: plain(failed), pages: pages, failedPage: plain(failedPage?.rows ?? []),
            counts: try await store.journal.outcomeCounts(of: entryID),
            resultCounts: try await store.journal.results(of: entryID, filter: .all, offset: 0, limit: 1)?.counts
                ?? [:],
            hasVendorIDs: all.map { $0.vendorID != nil })
    }

    func read(_ store: Store, _ entryID: Int64) async throws -> Read {
        let entry = try #require(try await store.journal.entry(entryID))
        var outcomes: [JournalOutcome] = []
        try await KeysetPages.forEach(
            limit: 333, page: { try await store.journal.outcomes(of: entryID, after: $0, limit: $1) }, key: \.position
        ) { outcomes += $0 }
        var rejects = try await store.journal.rejects(of: entryID, limit: 100_000)
        for index in rejects.indices { rejects[index].entryID = 0 }
        return Read(
            state: entry.state, contactCount: entry.contactCount, answeredCount: entry.answeredCount,
            failedCount: entry.failedCount, rejectedCount: entry.rejectedCount, outcomes: outcomes, rejects: rejects)
    }

    /// Imports `path` through `lane` into a new campaign and sends it.
    func importThrough(
        _ lane: ImportLane, path: String, base: String, transport: CountingTransport, store: Store, name: String
    ) async throws -> (entryID: Int64, seen: Seen, storage: JournalStorage, bodies: [[UInt8]], campaignID: String) {
        let account = SandboxCredentials.Anyreach.account(base)
        let client = try AnyreachClient(account: account, transport: transport)
        let campaign = try await sync.createCampaign(client, externalID: name)
        let source = try ContactImport(path: path, options: ImportOptions(account: account))
        var seen = Seen()
        let entryID = try #require(
            try await store.journalImport(
                source, as: Change(account: account.name, campaignID: campaign.id, action: .upsert), lane: lane
            ) { batch, cached, _ in
                #expect(cached.count == batch.validCount || batch.validCount == 0)
                seen.valid += batch.validCount
                seen.lines += batch.rowNumbers
                seen.problems += batch.problems
                seen.rejectedFields.merge(batch.rejectedFields) { first, _ in first }
            })
        let storage = try #require(try await store.journal.entry(entryID)).storage
        let before = transport.requests.count
        let engine = SyncEngine(
            store: store, client: client, settings: SyncSettings(concurrency: 3), environment: TestClock().environment)
        _ = try await engine.send(entryID: entryID)
        let bodies = transport.requests[before...].filter { $0.method == .POST && $0.url.hasSuffix("/contacts") }
            .map { $0.body ?? [] }
        return (entryID, seen, storage, bodies, campaign.id)
    }

    /// Imports `path` through both lanes into two campaigns of one store, and checks what
    /// any file must give alike: the batches seen and the request bodies, byte for byte
    /// (sent 3 at a time: in any order).
    func importThroughBothLanes(
        _ path: String, base: String, transport: CountingTransport, store: Store, name: String
    ) async throws -> (
        rows: (entryID: Int64, seen: Seen, storage: JournalStorage, bodies: [[UInt8]], campaignID: String),
        chunks: (entryID: Int64, seen: Seen, storage: JournalStorage, bodies: [[UInt8]], campaignID: String)
    ) {
        let rows = try await importThrough(
            .rows, path: path, base: base, transport: transport, store: store, name: name + "-rows")
        let chunks = try await importThrough(
            .chunks, path: path, base: base, transport: transport, store: store, name: name + "-chunks")
        #expect(rows.storage == .rows)
        #expect(chunks.storage == .chunks)
        #expect(chunks.seen == rows.seen)
        #expect(chunks.bodies.count == rows.bodies.count)
        let sameBodies =
            chunks.bodies.sorted { $0.lexicographicallyPrecedes($1) }
            == rows.bodies.sorted { $0.lexicographicallyPrecedes($1) }
        #expect(sameBodies)
        return (rows, chunks)
    }

    @Test func bothLanesGiveTheSameAnswers() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/leads.csv"
        try writeCSV(path, count: 2_600, prefix: "diff")
        try await withLiveSandbox(contacts: 0) { base, transport in
            try await withTemporaryStore { store, _ in
                let (rows, chunks) = try await importThroughBothLanes(
                    path, base: base, transport: transport, store: store, name: "diff")
                let readRows = try await read(store, rows.entryID)
                let readChunks = try await read(store, chunks.entryID)
                #expect(readChunks.rejects == readRows.rejects)
                #expect(readChunks.outcomes.count == readRows.outcomes.count)
                #expect(readChunks.outcomes == readRows.outcomes)
                #expect(readChunks == readRows)
                let contactsRows = try await contacts(store, rows.entryID)
                let contactsChunks = try await contacts(store, chunks.entryID)
                #expect(contactsChunks.all.count == contactsRows.all.count)
                #expect(contactsChunks.all.first == contactsRows.all.first)
                #expect(contactsChunks.all == contactsRows.all)
                #expect(contactsChunks == contactsRows)
                // A contact's history: by its keys (external id first), by email alone, by a phone alone.
                func history(_ campaignID: String, _ keys: [String]) async throws -> [ContactHistoryEntry] {
                    try await store.journal.history(account: "sandbox", campaignID: campaignID, keys: keys, limit: 10)
                        .map {
                            var entry = $0
                            entry.entryID = 0
                            entry.recordedAt = Date(timeIntervalSince1970: 0)
                            entry.answeredAt = entry.answeredAt.map { _ in Date(timeIntervalSince1970: 0) }
                            return entry
                        }
                }
                var keyLists = [0, 1, 500, 1500, 2400].map { CachedContact.keys(for: contactsRows.all[$0].contact) }
                keyLists += [["email:diff7@example.com"], ["phone:+14150000008"], ["ext:nobody"]]
                for keys in keyLists {
                    let fromRows = try await history(rows.campaignID, keys)
                    let fromChunks = try await history(chunks.campaignID, keys)
                    #expect(fromChunks == fromRows, "\(keys)")
                    if keys != ["ext:nobody"] { #expect(fromRows.count == 1, "\(keys)") }
                }
                #expect(readRows.contactCount > 2_400)
                #expect(readRows.rejectedCount > 100)
                let inRows = try await sync.sandboxContacts(base, transport: transport, campaignID: rows.campaignID)
                let inChunks = try await sync.sandboxContacts(base, transport: transport, campaignID: chunks.campaignID)
                #expect(inChunks.count == inRows.count)
                #expect(Set(inChunks.compactMap(\.externalID)) == Set(inRows.compactMap(\.externalID)))
            }
        }
    }

    @Test func sendingAChunksEntryKeepsTheCachedContactsCurrent() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/cached.csv"
        try writeCSV(path, count: 1_500, prefix: "held")
        try await withLiveSandbox(contacts: 0) { base, transport in
            try await withTemporaryStore { store, _ in
                let account = SandboxCredentials.Anyreach.account(base)
                let client = try AnyreachClient(account: account, transport: transport)
                var cached: [[CachedContact]] = []
                var flags: [[Bool]] = []
                for lane in [ImportLane.rows, .chunks] {
                    let campaign = try await sync.createCampaign(client, externalID: "held-\(lane)")
                    // The campaign's cache holds two of the file's contacts (the console listed them).
                    try await store.pool.write { db in
                        for index in [2, 1_200] {
                            var row = CachedContact(
                                account: account.name, campaignID: campaign.id,
                                contact: Contact(externalID: "held-\(index)", firstName: "Old"))
                            row.lastResult = "seen"
                            try row.insert(db)
                        }
                    }
                    let source = try ContactImport(path: path, options: ImportOptions(account: account))
                    var seen: [Bool] = []
                    let entryID = try #require(
                        try await store.journalImport(
                            source, as: Change(account: account.name, campaignID: campaign.id, action: .upsert),
                            lane: lane
                        ) { _, cached, _ in seen += cached })
                    flags.append(seen)
                    #expect(try await store.journal.entry(entryID)?.storage == (lane == .rows ? .rows : .chunks))
                    let engine = SyncEngine(
                        store: store, client: client, settings: SyncSettings(concurrency: 2),
                        environment: TestClock().environment)
                    _ = try await engine.send(entryID: entryID)
                    cached.append(
                        try await store.pool.read { db in
                            try CachedContact.filter(Column("campaignID") == campaign.id).order(Column("externalID"))
                                .fetchAll(db)
                        }.map {
                            var row = $0
                            row.campaignID = ""
                            row.key = row.key.hasPrefix("id:") ? "id:" : row.key
                            row.vendorID = nil
                            row.contact.vendorID = nil
                            row.lastSentAt = nil
                            row.lastSeenAt = nil
                            return row
                        })
                }
                #expect(cached[0].count == 2)
                #expect(cached[0].map(\.lastResult) == ["created", "created"])
                #expect(cached[0].map(\.contact.firstName) == ["First1200", "First2"])
                #expect(cached[1] == cached[0])
                #expect(flags[0].filter { $0 }.count == 2)
                #expect(flags[1] == flags[0])
            }
        }
    }

    /// Time zones and times go through the lane: checked as the regular path checks them
    /// (an unknown zone or a time that is not ISO 8601 is a reject with its words), written
    /// as it writes them.
    @Test func timeZonesAndTimesTakeTheLane() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/zones.csv"
        var text = "external_id,phone,timezone,scheduled_at\n"
        let zones = ["America/New_York", " Europe/Paris ", "", "Mars/Olympus", "UTC", "Asia/Kolkata"]
        let times = ["2026-12-01T09:00:00Z", "", "2026-12-01T09:00:00+05:30", "tomorrow", " 2026-12-02T10:30:00Z "]
        for index in 0..<2_300 {
            text += "tz-\(index),\(String(format: "+1415%07d", index)),\(zones[index % zones.count]),"
                + "\(times[index % times.count])\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try await withLiveSandbox(contacts: 0) { base, transport in
            try await withTemporaryStore { store, _ in
                let (rows, chunks) = try await importThroughBothLanes(
                    path, base: base, transport: transport, store: store, name: "tz")
                #expect(rows.seen.problems.contains { $0.column == "timezone" })
                #expect(rows.seen.problems.contains { $0.column == "scheduled_at" })
                #expect(String(decoding: chunks.bodies.first ?? [], as: UTF8.self).contains(#""timezone":"Europe/Paris""#))
                let readRows = try await read(store, rows.entryID)
                let readChunks = try await read(store, chunks.entryID)
                #expect(readChunks == readRows)
                let contactsRows = try await contacts(store, rows.entryID)
                let contactsChunks = try await contacts(store, chunks.entryID)
                #expect(contactsChunks == contactsRows)
                #expect(contactsChunks.all.contains { $0.contact.timezone == "Asia/Kolkata" })
                #expect(contactsChunks.all.contains { $0.contact.scheduledAt == "2026-12-01T09:00:00+05:30" })
            }
        }
    }

    /// Fields made to land on every edge of the encoder's eight-byte scans: quotes doubled
    /// at each offset, text running on over a line break, spaces and tabs to trim, text
    /// beyond ASCII, and addresses and numbers the checks take or refuse. The lane's
    /// bodies, rows and problems are the regular path's, byte for byte.
    @Test func trickyFieldsEncodeAsTheRegularPathDoes() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/tricky.csv"
        var generator = SeededGenerator(seed: 0x5EED)
        /// A number in 0..<bound, so a failing file can be made again.
        func pick(_ bound: Int) -> Int { Int(generator.next() % UInt64(bound)) }
        let texts = [
            "", "a", "Ada", "José", "美咲", "Okafor 🚀", "O\"Brien", "\"\"", "say \"hi\"", "12345678\"9",
            "1234567\"\"89", "multi\nline", "tab\there", "back\\slash", "  padded  ", "\tlead", "comma, inside",
            "exactly8", "exactly16bytes!!", "seventeen bytes!!", "ü1234567", "1234567ü", String(repeating: "x", count: 40),
        ]
        let emails = [
            "a@b.co", " Mixed.Case@Example.COM ", "a@-b.co", "a@b-.co", "a@b..co", "a@@b.co", "@b.co", "a@b", "a@b.c-",
            "a_b+c@d.io", "a@b_c.io", "ü@ex.com", "a@ëx.com", "", "no-at-all", "a b@c.io", "\"q\"@c.io",
            String(repeating: "l", count: 64) + "@x.io", String(repeating: "l", count: 65) + "@x.io", "a@b.c.d.e",
        ]
        let phones = [
            "+14155550100", "(415) 555-0101", "415.555.0102", "0044 20 7946 0958", "12", "", "+1 415 555 01x3",
            " 4155550104 ", "1-415-555-0105", "+442079460958", "++14155550106",
        ]
        func field(_ text: String) -> String {
            let needsQuotes = text.contains(where: { ",\"\n\r".contains($0) })
            if needsQuotes || pick(6) == 0 {
                return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return text
        }
        var csv = "external_id,first_name,last_name,email,phone,notes\n"
        for index in 0..<2_600 {
            var id = "t-\(index)"
            if pick(9) == 0 { id = " \(id)\t" }
            let row = [
                id, texts[pick(texts.count)], texts[pick(texts.count)],
                pick(4) == 0 ? emails[pick(emails.count)] : "u\(index)@example.com",
                pick(4) == 0 ? phones[pick(phones.count)] : String(format: "+1415%07d", index),
                texts[pick(texts.count)] + texts[pick(texts.count)],
            ]
            csv += row.map(field).joined(separator: ",") + (pick(5) == 0 ? "\r\n" : "\n")
        }
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        try await withLiveSandbox(contacts: 0) { base, transport in
            try await withTemporaryStore { store, _ in
                let (rows, chunks) = try await importThroughBothLanes(
                    path, base: base, transport: transport, store: store, name: "tricky")
                #expect(rows.seen.valid > 1_500)
                #expect(rows.seen.problems.contains { $0.column == "email" })
                #expect(rows.seen.problems.contains { $0.column == "phone" })
                let readRows = try await read(store, rows.entryID)
                let readChunks = try await read(store, chunks.entryID)
                #expect(readChunks == readRows)
            }
        }
    }

    @Test func aFileTheLaneCannotWordTakesTheRegularPath() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/broken.csv"
        // A quote inside an unquoted field: the CSV reader's own words, so the regular path.
        try "external_id,phone\na-1,+14155550100\na\"2,+14155550101\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        try await withTemporaryStore { store, _ in
            let account = SandboxCredentials.Anyreach.account("http://127.0.0.1:9")
            let source = try ContactImport(path: path, options: ImportOptions(account: account))
            let entryID = try #require(
                try await store.journalImport(
                    source, as: Change(account: account.name, campaignID: "c", action: .upsert), lane: .chunks
                ) { _, _, _ in })
            #expect(try await store.journal.entry(entryID)?.storage == .rows)
            #expect(try await store.journal.entry(entryID)?.rejectedCount == 1)
        }
    }

    /// Journals `count` contacts as a chunks entry for `campaignID`.
    func journalChunks(
        _ store: Store, account: Account, campaignID: String, count: Int, prefix: String, directory: String
    )
        async throws -> Int64
    {
        let path = directory + "/\(prefix).csv"
        try writePlainCSV(path, count: count, prefix: prefix)
        return try await journalChunks(store, account: account, campaignID: campaignID, path: path)
    }

    /// Journals the CSV file at `path` through the bulk lane, as an entry for `campaignID`.
    func journalChunks(_ store: Store, account: Account, campaignID: String, path: String) async throws -> Int64 {
        let source = try ContactImport(path: path, options: ImportOptions(account: account))
        let entryID = try #require(
            try await store.journalImport(
                source, as: Change(account: account.name, campaignID: campaignID, action: .upsert), lane: .chunks
            ) { _, _, _ in })
        #expect(try await store.journal.entry(entryID)?.storage == .chunks)
        return entryID
    }

    /// A running sandbox (with `faults`) holding a new Anyreach campaign, and `count`
    /// contacts journaled for it as one chunks entry in a temporary store.
    func withChunksEntry(
        count: Int, prefix: String, faults: String = "",
        _ body: @Sendable (
            _ sandbox: String, _ transport: AsyncHTTPTransport, _ account: Account, _ campaignID: String,
            _ store: Store, _ entryID: Int64
        ) async throws -> Void
    ) async throws {
        try await Sandbox.withRunning(try sync.sandboxOptions(faults: faults), logger: sync.quietLogger) { base in
            let inner = AsyncHTTPTransport()
            try await sync.shuttingDown(inner) {
                let account = SandboxCredentials.Anyreach.account(base)
                let campaign = try await sync.createCampaign(
                    try AnyreachClient(account: account, transport: inner), externalID: "chunks-\(prefix)")
                let directory = try TemporaryDirectory()
                defer { directory.remove() }
                try await withTemporaryStore { store, _ in
                    let entryID = try await journalChunks(
                        store, account: account, campaignID: campaign.id, count: count, prefix: prefix,
                        directory: directory.path)
                    try await body(base, inner, account, campaign.id, store, entryID)
                }
            }
        }
    }

    func writePlainCSV(_ path: String, count: Int, prefix: String) throws {
        var text = "external_id,first_name,email,phone\n"
        for index in 0..<count {
            text +=
                "\(prefix)-\(index),Import \(index),\(prefix)\(index)@example.com,\(String(format: "+1415%07d", index))\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    func outcomeWords(_ store: Store, _ entryID: Int64) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        try await KeysetPages.forEach(
            page: { try await store.journal.outcomes(of: entryID, after: $0, limit: $1) }, key: \.position
        ) { rows in
            for row in rows { counts[row.outcome ?? "none", default: 0] += 1 }
        }
        return counts
    }

    @Test func replayOfAChunksEntrySendsEachRemainingContactOnce() async throws {
        let count = 5_000
        try await withChunksEntry(count: count, prefix: "crash") { base, inner, account, campaignID, store, entryID in
            let clock = TestClock()
            let crashing = CrashingTransport(inner, afterRequests: 2)
            let engine = SyncEngine(
                store: store, client: try AnyreachClient(account: account, transport: crashing),
                settings: SyncSettings(concurrency: 1), environment: clock.environment)
            await #expect(throws: SimulatedCrash.self) { try await engine.send(entryID: entryID) }
            let left = try await store.journal.unsettledEntries()
            #expect(left.map(\.state) == [.sending])
            #expect(left.first?.answeredCount == 2000)
            #expect(
                try await store.journal.unansweredChunks(entryID) == [2000..<3000, 3000..<4000, 4000..<5000])

            let counting = CountingTransport(inner)
            let replay = JournalReplay(store: store, accounts: [account], environment: clock.environment) {
                account in
                try AnyreachClient(account: account, transport: counting)
            }
            let report = try await replay.run()
            #expect(report.settled.map(\.state) == [.done])
            // The three chunks left, each once.
            let resent = counting.requests.filter { $0.method == .POST && $0.url.hasSuffix("/contacts") }
            #expect(resent.count == 3)
            #expect(try await outcomeWords(store, entryID) == ["created": count])
            let stored = try await sync.sandboxContacts(base, transport: inner, campaignID: campaignID)
            #expect(stored.count == count)
            #expect(Set(stored.compactMap(\.externalID)) == Set((0..<count).map { "crash-\($0)" }))
        }
    }

    /// Progress (the entry's answered count) moves on a slow link: answered chunks are
    /// written at least every `chunkOutcomeInterval`, not only every 16 answers. Each
    /// request reads the count the journal has when it is sent; the clock moves a second
    /// a request. With a clock that stands still, five chunks are written together.
    @Test(arguments: [true, false])
    func progressMovesOnASlowLink(clockMoves: Bool) async throws {
        let count = 5_000
        try await withChunksEntry(count: count, prefix: "slow") { _, inner, account, _, store, entryID in
            let clock = TestClock()
            let probing = ProbingTransport(inner) {
                if clockMoves { try await clock.environment.sleep(1) }
                return try await store.journal.entry(entryID)?.answeredCount ?? -1
            }
            let engine = SyncEngine(
                store: store, client: try AnyreachClient(account: account, transport: probing),
                settings: SyncSettings(concurrency: 1), environment: clock.environment)
            let settled = try await engine.send(entryID: entryID)
            #expect(settled.state == .done)
            #expect(settled.answeredCount == count)
            #expect(probing.seen == (clockMoves ? [0, 1000, 2000, 3000, 4000] : [0, 0, 0, 0, 0]))
        }
    }

    @Test func aChunksEntryThroughFaultsArrivesExactlyOnce() async throws {
        let count = 20_000
        try await withChunksEntry(count: count, prefix: "fault", faults: "500:0.2,429:0.1,reset:0.05") {
            base, inner, account, campaignID, store, entryID in
            let transport = CountingTransport(inner)
            let client = try AnyreachClient(account: account, transport: transport)
            let clock = TestClock()
            let engine = SyncEngine(
                store: store, client: client,
                settings: SyncSettings(concurrency: 4, retry: RetryPolicy(maxAttempts: 12)),
                environment: clock.environment)
            let entry = try await engine.send(entryID: entryID)
            #expect(entry.state == .done)
            #expect(entry.answeredCount == count)
            #expect(entry.failedCount == 0)
            #expect(try await outcomeWords(store, entryID) == ["created": count])
            let upserts = transport.requests.filter { $0.method == .POST && $0.url.hasSuffix("/contacts") }
            #expect(upserts.count > count / 1000)
            #expect(clock.sleeps.count == upserts.count - count / 1000)
            let stored = try await sync.sandboxContacts(base, transport: transport, campaignID: campaignID)
            #expect(stored.count == count)
            #expect(Set(stored.compactMap(\.externalID)) == Set((0..<count).map { "fault-\($0)" }))
        }
    }

    @Test func failedContactsAndTheirExportReadTheSameFromChunks() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/failing.csv"
        try writeCSV(path, count: 2_300, prefix: "fail")
        try await withTemporaryStore { store, _ in
            let account = SandboxCredentials.Anyreach.account("http://127.0.0.1:9")
            var entries: [JournalEntry] = []
            for lane in [ImportLane.rows, .chunks] {
                let source = try ContactImport(path: path, options: ImportOptions(account: account))
                let id = try #require(
                    try await store.journalImport(
                        source, as: Change(account: account.name, campaignID: "c-\(lane)", action: .upsert),
                        sourcePath: path, lane: lane
                    ) { _, _, _ in })
                entries.append(try #require(try await store.journal.entry(id)))
            }
            let (rows, chunks) = (entries[0], entries[1])
            #expect(rows.storage == .rows)
            #expect(chunks.storage == .chunks)
            let runs = try await store.journal.unansweredRuns(rows.id!).flatMap { Array($0) }
            #expect(try await store.journal.unansweredRuns(chunks.id!).flatMap { Array($0) } == runs)
            let some = [0, 5, 999, 1000, 1001, 2100]
            let rowsJSON = try await store.journal.rowsWithJSON(rows.id!, positions: some)
            let chunksJSON = try await store.journal.rowsWithJSON(chunks.id!, positions: some)
            #expect(chunksJSON.map(\.json) == rowsJSON.map(\.json))
            #expect(chunksJSON.map(\.row.position) == some)

            // The same answers for both: every third contact refused, the others created.
            func answer(_ position: Int) -> (UpsertOutcome.Result, String?) {
                position % 3 == 0 ? (.failed(reason: "refused \(position)"), nil) : (.created, "v-\(position)")
            }
            let date = Date(timeIntervalSince1970: 1_800_000_000)
            let all = try await store.journal.rows(rows.id!, positions: runs)
            try await store.journal.record(
                all.map { row in
                    let (result, vendorID) = answer(row.position)
                    return ContactAnswer(row: row, result: result, vendorID: vendorID)
                }, of: rows, at: date, addingNew: false)
            var answered: [(first: Int, outcomes: ChunkOutcomes)] = []
            for chunk in try await store.journal.unansweredChunks(chunks.id!) {
                answered.append(
                    (
                        chunk.lowerBound,
                        ChunkOutcomes(
                            chunk.map { position in
                                let (result, vendorID) = answer(position)
                                return ChunkAnswer(
                                    word: result.word, vendorID: vendorID,
                                    message: ContactAnswer.message(result, warnings: []))
                            })
                    ))
            }
            try await store.journal.recordChunks(answered, of: chunks, at: date)
            #expect(try await store.journal.unansweredChunks(chunks.id!).isEmpty)

            func plain(_ rows: [JournalContact]) -> [JournalContact] {
                rows.map {
                    var row = $0
                    row.entryID = 0
                    return row
                }
            }
            var failedRows: [JournalContact] = []
            var failedChunks: [JournalContact] = []
            try await KeysetPages.forEach(
                limit: 150, page: { try await store.journal.failedContacts(of: rows.id!, after: $0, limit: $1) },
                key: \.position
            ) { failedRows += $0 }
            try await KeysetPages.forEach(
                limit: 150, page: { try await store.journal.failedContacts(of: chunks.id!, after: $0, limit: $1) },
                key: \.position
            ) { failedChunks += $0 }
            #expect(failedRows.count > 700)
            #expect(plain(failedChunks) == plain(failedRows))
            for offset in [0, 100, 333, 334, 700] {
                let fromRows = try await store.journal.results(of: rows.id!, filter: .failed, offset: offset, limit: 40)
                let fromChunks = try await store.journal.results(
                    of: chunks.id!, filter: .failed, offset: offset, limit: 40)
                #expect(plain(fromChunks?.rows ?? []) == plain(fromRows?.rows ?? []), "offset \(offset)")
                #expect(fromChunks?.counts == fromRows?.counts)
            }
            #expect(try await store.journal.outcomeCounts(of: chunks.id!) == store.journal.outcomeCounts(of: rows.id!))
            #expect(try await store.journal.entry(chunks.id!)?.failedCount == rows.id.map { _ in failedRows.count })

            let exportRows = try await store.journal.exportFailures(of: rows.id!, at: date)
            let exportChunks = try await store.journal.exportFailures(of: chunks.id!, at: date)
            #expect(exportChunks.count == exportRows.count)
            #expect(exportChunks.rejectCount == exportRows.rejectCount)
            let text = { (path: String?) in try path.map { try String(contentsOfFile: $0, encoding: .utf8) } }
            #expect(try text(exportChunks.path) == text(exportRows.path))
            #expect(try text(exportChunks.rejectsPath) == text(exportRows.rejectsPath))
        }
    }

    /// A chunk knows whether its body may name contacts by id (its file had an id column),
    /// so sending a file without one does not read ids from the body; a chunk that does is read.
    @Test func chunksSayWhetherTheyNameIDs() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try await withTemporaryStore { store, _ in
            let account = SandboxCredentials.Anyreach.account("http://127.0.0.1:9")
            let plain = try await journalChunks(
                store, account: account, campaignID: "c", count: 1500, prefix: "plain", directory: directory.path)
            let withIDs = directory.path + "/ids.csv"
            var text = "id,external_id,phone\n"
            for index in 0..<1500 {
                text += "\(index % 2 == 0 ? "v-\(index)" : ""),e-\(index),\(String(format: "+1415%07d", index))\n"
            }
            try text.write(toFile: withIDs, atomically: true, encoding: .utf8)
            let named = try await journalChunks(store, account: account, campaignID: "c", path: withIDs)
            let (plainBody, plainNames) = try await store.journal.chunkBody(plain, first: 0)
            #expect(!plainNames)
            #expect(
                try SyncEngine.sentIDs(plainBody, count: 1000, namesIDs: plainNames)
                    == Array(repeating: nil, count: 1000))
            let (body, names) = try await store.journal.chunkBody(named, first: 0)
            #expect(names)
            let ids = try SyncEngine.sentIDs(body, count: 1000, namesIDs: names)
            #expect(ids.prefix(4) == ["v-0", nil, "v-2", nil])
        }
    }

    /// The encoder's short copies (two overlapping loads and stores up to 16 bytes) copy
    /// every length exactly, touching no byte past it, at any alignment.
    @Test func shortCopiesCopyEveryLengthExactly() {
        let source = (0..<64).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        for length in 0...40 {
            for offset in 0..<8 {
                var target = [UInt8](repeating: 0xEE, count: 64)
                source.withUnsafeBufferPointer { from in
                    target.withUnsafeMutableBufferPointer { to in
                        ByteSink.copy(to.baseAddress! + offset, from.baseAddress! + offset, length)
                    }
                }
                #expect(Array(target[offset..<(offset + length)]) == Array(source[offset..<(offset + length)]))
                #expect(target[..<offset].allSatisfy { $0 == 0xEE } && target[(offset + length)...].allSatisfy { $0 == 0xEE })
            }
        }
    }

    /// A chunk's lines are kept whole, or, when they run on one by one, as the first alone.
    @Test func chunkLinesKeepOnlyTheFirstWhenConsecutive() async throws {
        func blob(_ lines: [UInt32]) -> Data { Data(lines.flatMap { withUnsafeBytes(of: $0.littleEndian, Array.init) }) }
        #expect(JournalChunkRow.lines(blob([7]), count: 3) == [7, 8, 9])
        #expect(JournalChunkRow.lines(blob([7]), count: 1) == [7])
        #expect(JournalChunkRow.lines(blob([2, 3, 5]), count: 3) == [2, 3, 5])
        #expect(JournalChunkRow.lines(nil, count: 3) == [])
        // Through the lane: a file of one-line rows keeps 4 bytes a chunk; one with a
        // rejected row inside a chunk keeps that chunk's lines whole.
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try await withTemporaryStore { store, _ in
            let account = SandboxCredentials.Anyreach.account("http://127.0.0.1:9")
            var text = "external_id,phone\n"
            for index in 0..<2_500 {
                text += index == 1_500 ? "bad,12\n" : "k-\(index),\(String(format: "+1415%07d", index))\n"
            }
            let path = directory.path + "/lines.csv"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let entryID = try await journalChunks(store, account: account, campaignID: "c", path: path)
            let stored = try await store.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT first, length(lines) FROM journalChunk WHERE entryID = ? ORDER BY first", arguments: [entryID])
                    .map { [$0[0] as Int, $0[1] as Int] }
            }
            #expect(stored == [[0, 4], [1_000, 4_000], [2_000, 4]])
            let lines = try await store.journal.chunkLines(entryID, firsts: [0, 1_000, 2_000])
            #expect(lines[0] == Array(2...1_001))
            #expect(lines[1] == Array(1_002...1_501) + Array(1_503...2_002))
            #expect(lines[2] == Array(2_003...2_501))
        }
    }

    @Test func chunkKeysKeepNewlinesAndBackslashes() {
        func keys(_ text: String, count: Int) -> [String] {
            var keys: [String] = []
            OutcomeRun(first: 0, count: count, keys: Array(text.utf8)).forEach(after: -1) { _, key, word, _ in
                #expect(word == nil)
                keys.append(String(decoding: key, as: UTF8.self))
                return true
            }
            return keys
        }
        #expect(keys("a\nb\\\\c\nd\\ne", count: 3) == ["a", "b\\c", "d\ne"])
        #expect(keys("", count: 2) == ["", ""])
        // Front-coded: each key's first byte is how many bytes it shares with the one before.
        func coded(_ entries: [(shared: UInt8, rest: [UInt8])]) -> [String] {
            var bytes: [UInt8] = []
            for (index, entry) in entries.enumerated() {
                if index > 0 { bytes.append(0x0A) }
                bytes.append(entry.shared)
                bytes += entry.rest
            }
            var keys: [String] = []
            OutcomeRun(first: 0, count: entries.count, keys: bytes, keysCoded: true).forEach(after: -1) { _, key, _, _ in
                keys.append(String(decoding: key, as: UTF8.self))
                return true
            }
            return keys
        }
        let entries: [(UInt8, String)] = [
            (0, "lead-1009"), (7, "10"), (8, "1"), (0, #"a\\b"#), (3, "c"), (10, ""), (2, #"\nx"#), (0, ""),
        ]
        // `a\\b` is `a\b` escaped; sharing 3 of its bytes keeps `a\\`, so the escape is whole again.
        #expect(
            coded(entries.map { ($0.0, Array($0.1.utf8)) })
                == ["lead-1009", "lead-1010", "lead-1011", #"a\b"#, #"a\c"#, #"a\c"#, #"a\nx"#, ""])
        // A shared count can split a character (é is two bytes): the bytes come back whole.
        #expect(coded([(0, Array("José".utf8)), (4, [0xA9, 0x65])]) == ["José", "Josée"])
    }

    @Test func migrationV10FromAV9Store() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let queue = try DatabaseQueue(path: directory.path + "/v9.sqlite")
        try StoreMigrations.migrator.migrate(queue, upTo: "v9 contact tally")
        try await queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO journalEntry (idempotencyKey, account, campaignID, action, partial, state, attempts,
                      contactCount, answeredCount, failedCount, createdAt, updatedAt)
                    VALUES ('k', 'a', 'c', 'upsert', 0, 'done', 1, 0, 0, 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00')
                    """)
        }
        try StoreMigrations.migrator.migrate(queue)
        try await queue.read { db in
            #expect(try String.fetchOne(db, sql: "SELECT storage FROM journalEntry") == "rows")
            #expect(try db.tableExists("journalChunk"))
            #expect(try db.tableExists("journalChunkOutcome"))
            let entry = try #require(try JournalEntry.fetchOne(db))
            #expect(entry.storage == .rows)
        }
    }
}

/// Runs `probe` before each upsert it forwards and keeps what it returned.
final class ProbingTransport: HTTPTransport, @unchecked Sendable {
    let inner: AsyncHTTPTransport
    let probe: @Sendable () async throws -> Int
    private let lock = NSLock()
    private var values: [Int] = []

    init(_ inner: AsyncHTTPTransport, probe: @escaping @Sendable () async throws -> Int) {
        self.inner = inner
        self.probe = probe
    }

    var seen: [Int] { lock.withLock { values } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        if request.method == .POST, request.url.hasSuffix("/contacts") {
            let value = try await probe()
            lock.withLock { values.append(value) }
        }
        return try await inner.send(request)
    }
}

