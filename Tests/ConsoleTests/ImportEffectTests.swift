import Foundation
import Logging
import SwitchboardCore
import Testing
import VendorSandbox

@testable import Console

/// The import's effects against a live sandbox over loopback HTTP: path completion, the
/// header, the dry run, then the journal and the sync engine while the sandbox answers some
/// requests with 500s; every valid contact arrives once, and the messages tell the way.
@Suite struct ImportEffectTests {
    static let rows = 300
    static let invalidLines: Set<Int> = [12, 150, 301]

    /// `Email,Mobile,First Name,Company`, with a bad email on three lines (and no phone there).
    static func writeFile(in directory: String) throws -> String {
        var text = "Email,Mobile,First Name,Company\n"
        for row in 1...rows {
            let line = row + 1
            if invalidLines.contains(line) {
                text += "broken\(row)@@example.com,,Row \(row),Acme\n"
            } else {
                text += "import\(row)@example.com,+1415555\(String(format: "%04d", row)),Row \(row),Acme\n"
            }
        }
        let path = directory + "/import-leads.csv"
        try SecureFile.write(text, to: path)
        try FileManager.default.createDirectory(atPath: directory + "/imports", withIntermediateDirectories: true)
        return path
    }

    @Test func anImportGoesThroughTheJournalAndTheEngineWithRetries() async throws {
        try await withLiveSandbox(seed: 3) { sandbox in
            let account = try sandbox.account(.replify)
            let campaignID = try #require(account.campaigns.first)
            let directory = NSTemporaryDirectory() + "switchboard-import-" + UUID().uuidString
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let path = try Self.writeFile(in: directory)
            let (store, runner) = (sandbox.store, try sandbox.runner(for: [account]))
            func next(_ wanted: (Msg) -> Bool) async throws -> [Msg] { try await sandbox.messages(until: wanted) }

            // Tab: the directory's entries that start with what was typed, directories with a slash.
            runner.run(.bulkImport(.listPaths(directory + "/imp")))
            let listed = try await next { if case .bulkImport(.pathsListed) = $0 { true } else { false } }
            guard case .bulkImport(.pathsListed(.success(let listing))) = listed.last else {
                Issue.record("no listing: \(listed)")
                return
            }
            #expect(listing.matches == ["import-leads.csv", "imports/"])
            runner.run(.bulkImport(.listPaths(directory + "/nowhere/x")))
            let missing = try await next { if case .bulkImport(.pathsListed) = $0 { true } else { false } }
            guard case .bulkImport(.pathsListed(.failure(let failure))) = missing.last else {
                Issue.record("an unreadable directory was listed")
                return
            }
            #expect(failure.message.hasPrefix("cannot list \(directory)/nowhere/: "))

            // The header and its auto-mapping; Company goes to the free-form data.
            var job = ImportJob(
                account: account.name, campaignID: campaignID, path: path, action: .upsert, overrides: [],
                defaultCountryCode: "+1")
            runner.run(.bulkImport(.readHeader(job, generation: 1)))
            let read = try await next { if case .bulkImport(.headerRead) = $0 { true } else { false } }
            guard case .bulkImport(.headerRead(1, .success(let header))) = read.last else {
                Issue.record("no header: \(read)")
                return
            }
            #expect(header.columns == ["Email", "Mobile", "First Name", "Company"])
            #expect(header.fields == [.email, .phone, .firstName, .data("Company")])

            // The dry run: 297 to insert, the three bad lines rejected with their column.
            job.overrides = ["Company=data.company"]
            runner.run(.bulkImport(.dryRun(job, generation: 2)))
            let checked = try await next { if case .bulkImport(.checked) = $0 { true } else { false } }
            guard case .bulkImport(.checked(2, .success(let prediction))) = checked.last else {
                Issue.record("no dry run: \(checked)")
                return
            }
            #expect(prediction.counts == [.created: Self.rows - 3])
            #expect(prediction.rejected == 3)
            #expect(Set(prediction.firstRejects.map(\.line)) == Self.invalidLines)
            #expect(prediction.firstRejects.allSatisfy { $0.column == "Email" })
            #expect(try await store.journal.unsettledEntries().isEmpty, "a dry run journals nothing")

            // Sent while the sandbox fails some requests: retried, every contact once.
            let faults = try await sandbox.control(.POST, "/_sandbox/faults?spec=500:0.4")
            #expect(faults.status == 200)
            runner.run(.bulkImport(.send(job)))
            let sent = try await next { if case .bulkImport(.finished) = $0 { true } else { false } }
            _ = try await sandbox.control(.POST, "/_sandbox/faults?spec=")
            // The progress task may post a last reading after the end: find the end itself.
            let end = sent.last { if case .bulkImport(.finished) = $0 { true } else { false } }
            guard case .bulkImport(.finished(.success(let finished)))? = end else {
                Issue.record("the import did not finish: \(String(describing: end))")
                return
            }
            #expect(finished.entry.state == .done)
            #expect(finished.entry.contactCount == Self.rows - 3)
            #expect(finished.rejected == 3)
            let kept = try await store.journal.rejects(of: try #require(finished.entry.id), limit: 10)
            #expect(kept.map(\.line) == Self.invalidLines.sorted(), "the rejected rows are journaled with their lines")
            #expect(kept.allSatisfy { $0.column == "Email" && !$0.reason.isEmpty })
            var journaled: [Int] = []
            var retries = 0
            var lastProgress: SyncProgress?
            for message in sent {
                switch message {
                case .bulkImport(.journaled(let id, let contacts, let rejected)):
                    #expect(id == finished.entry.id)
                    #expect(rejected <= 3)
                    journaled.append(contacts)
                case .bulkImport(.retrying(let id, let retry)):
                    #expect(id == finished.entry.id)
                    #expect(retry.reason.contains("500"))
                    retries += 1
                case .bulkImport(.progress(_, let progress)):
                    lastProgress = progress
                default: break
                }
            }
            #expect(journaled.last == Self.rows - 3)
            #expect(retries > 0, "the sandbox's 500s were retried")
            #expect(lastProgress.map { $0.total == Self.rows - 3 } == true)
            let counts = try await store.journal.outcomeCounts(of: finished.entry.id!)
            #expect(counts.values.reduce(0, +) == Self.rows - 3)
            #expect(counts["failed"] == nil)

            let state = try await sandbox.control(.GET, "/_sandbox/state")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(state.body)) as? [String: Any])
            let campaigns = (json["replify"] as? [String: Any])?["campaigns"] as? [[String: Any]] ?? []
            let emails = campaigns.flatMap { ($0["contacts"] as? [[String: Any]]) ?? [] }.compactMap { $0["email"] as? String }
                .filter { $0.hasPrefix("import") }
            #expect(emails.count == Self.rows - 3, "each valid contact arrived once")
            #expect(Set(emails).count == Self.rows - 3)
        }
    }
}

/// The import's file work with no vendor in sight: what a file that cannot be imported
/// says, and where.
@Suite struct ImportFileTests {
    func header(_ path: String) async throws -> Result<ImportHeader, Failure>? {
        let directory = NSTemporaryDirectory() + "switchboard-import-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try Store.open(directory: directory + "/data")
        let inbox = try Inbox()
        let runner = EffectRunner(
            clients: ["acme": ChangeFixtures.client(.anyreach)], store: store, inbox: inbox, logger: Logger(label: "test"))
        let job = ImportJob(
            account: "acme", campaignID: "c", path: path, action: .upsert, overrides: [], defaultCountryCode: nil)
        runner.run(.bulkImport(.readHeader(job, generation: 7)))
        for _ in 0..<200 {
            for message in inbox.takeAll() {
                if case .bulkImport(.headerRead(7, let result)) = message { return result }
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    @Test func aMissingFileADirectoryAndABadHeaderSayWhatAndWhere() async throws {
        let folder = NSTemporaryDirectory() + "switchboard-import-files-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(
            try await header(folder + "/missing.csv")
                == .failure(Failure("\(folder)/missing.csv: cannot open the file: No such file or directory")))
        #expect(
            try await header(folder)
                == .failure(Failure("\(folder) is a directory; name a CSV or JSON file (Tab lists what is in it)")))
        try SecureFile.write("Email,\"Phone\n", to: folder + "/broken.csv")
        guard case .failure(let broken)? = try await header(folder + "/broken.csv") else {
            Issue.record("a header with an open quote was read")
            return
        }
        #expect(broken.message.hasPrefix("\(folder)/broken.csv:1: the header row: "))
        try SecureFile.write("", to: folder + "/empty.csv")
        #expect(
            try await header(folder + "/empty.csv")
                == .failure(Failure("\(folder)/empty.csv: the file is empty; a CSV import starts with a header row")))
        try SecureFile.write("[{\"email\": ", to: folder + "/cut.json")
        guard case .failure(let cut)? = try await header(folder + "/cut.json") else {
            Issue.record("a cut JSON file was read")
            return
        }
        #expect(cut.message.hasPrefix("\(folder)/cut.json"))
    }

    @Test func aTildeIsTheHomeDirectory() throws {
        #expect(PathCompletion.expand("~") == NSHomeDirectory())
        #expect(PathCompletion.expand("~/leads.csv") == NSHomeDirectory() + "/leads.csv")
        #expect(PathCompletion.expand("/tmp/~x") == "/tmp/~x")
        #expect(try PathCompletion.listing(for: "~") == PathListing(typed: "~", matches: ["~/"]))
    }

    @Test func dotFilesOnlyWhenTyped() throws {
        let folder = NSTemporaryDirectory() + "switchboard-import-dots-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/.hidden", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try SecureFile.write("a\n", to: folder + "/a.csv")
        #expect(try PathCompletion.listing(for: folder + "/").matches == ["a.csv"])
        #expect(try PathCompletion.listing(for: folder + "/.").matches == [".hidden/"])
    }
}
