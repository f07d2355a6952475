import Foundation
import Logging
import Testing
import VendorSandbox

@testable import SwitchboardCore

/// The crash test of bulk import: the built `switchboard contacts upsert` runs as a child
/// process against a sandbox started in-process, is killed with SIGKILL at chosen points,
/// and `switchboard journal replay` finishes the job. The campaign must end exactly as after
/// a run that was never killed, with nothing left pending in the journal.
@Suite(.serialized) struct ImportCrashTests {
    static let rows = 20_000

    /// Where to kill the importer.
    enum KillPoint: CustomStringConvertible {
        /// Never: the reference run.
        case never
        /// Once the whole file is journaled, before the vendor has answered any request.
        case afterJournal
        /// Once the vendor holds at least this many of the contacts.
        case midSend(contacts: Int)

        var description: String {
            switch self {
            case .never: "never killed"
            case .afterJournal: "killed after journaling"
            case .midSend(let contacts): "killed after \(contacts) contacts arrived"
            }
        }
    }

    /// A stored Anyreach contact as `GET /_sandbox/state` shows it, without what the
    /// sandbox draws itself (its id and timestamps).
    struct StoredContact: Decodable, Hashable {
        let campaignID: String?
        let externalID: String?
        let phoneNumbers: [String]
        let data: [String: JSONValue]
        let status: String
        let timezone: String?

        enum CodingKeys: String, CodingKey {
            case data, status, timezone
            case campaignID = "campaign_id"
            case externalID = "external_id"
            case phoneNumbers = "phone_numbers"
        }
    }

    struct SandboxState: Decodable {
        struct Anyreach: Decodable { let contacts: [StoredContact] }
        let anyreach: Anyreach
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let executable = packageRoot.appendingPathComponent(".build/debug/switchboard").path

    @Test func replayAfterSIGKILLEndsAsARunNeverKilled() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.executable), "build switchboard first")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let csv = directory.path + "/contacts.csv"
        try Self.writeCSV(to: csv, rows: Self.rows)

        let reference = try await importedContacts(csv: csv, killing: .never, in: directory.path + "/never")
        #expect(reference.count == Self.rows)
        for point in [KillPoint.afterJournal, .midSend(contacts: 6_000)] {
            let replayed = try await importedContacts(csv: csv, killing: point, in: directory.path + "/\(point)")
            #expect(replayed.count == Self.rows, "\(point)")
            #expect(replayed == reference, "\(point)")
        }
    }

    /// Imports `csv` into a fresh campaign of a fresh sandbox, killing the importer at
    /// `point` and then replaying the journal; the campaign's contacts by external id.
    func importedContacts(csv: String, killing point: KillPoint, in directory: String) async throws
        -> [String: StoredContact]
    {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var options = SandboxOptions()
        options.seed = 5
        options.dialerEnabled = false
        options.demoContactCount = 0
        // Every vendor request waits a little, so a kill lands between journaling and the answers.
        options.faults = FaultSpec(statuses: [], resetProbability: 0, latency: .milliseconds(60))
        var logger = Logger(label: "switchboard.sandbox.test")
        logger.logLevel = .critical
        let accountsSource = Sandbox(options: options)
        return try await Sandbox.withRunning(options, logger: logger) { base in
            let port = Int(base.split(separator: ":").last!)!
            let config = directory + "/accounts.toml"
            try SecureFile.write(accountsSource.accountsFile(host: "127.0.0.1", port: port), to: config)
            let environment = ProcessInfo.processInfo.environment.merging(
                ["SWITCHBOARD_CONFIG": config, "SWITCHBOARD_DATA": directory + "/data"]) { _, new in new }
            let transport = AsyncHTTPTransport()
            do {
                let client = try AnyreachClient(account: SandboxCredentials.Anyreach.account(base), transport: transport)
                let campaign = try await client.createCampaign(AnyreachCampaignInput(name: "Crash import"))
                let importer = try Self.start(
                    ["contacts", "upsert", campaign.id, "--file", csv, "--account", "sandbox-anyreach"],
                    environment: environment)
                try await kill(importer, at: point, client: client, campaign: campaign.id, data: directory + "/data")
                if case .never = point {
                    #expect(importer.terminationStatus == 0)
                } else {
                    #expect(importer.terminationReason == .uncaughtSignal, "\(point): the importer finished first")
                    let replay = try Self.start(["journal", "replay"], environment: environment)
                    replay.waitUntilExit()
                    #expect(replay.terminationStatus == 0, "\(point)")
                }
                let store = try Store.open(directory: directory + "/data")
                #expect(try await store.journal.unsettledEntries().isEmpty, "\(point)")
                let stored = try await Self.sandboxContacts(base, transport: transport, campaign: campaign.id)
                try await transport.shutdown()
                return stored
            } catch {
                try? await transport.shutdown()
                throw error
            }
        }
    }

    /// Waits for `point` (polling the journal or the sandbox), kills the importer with
    /// SIGKILL there, and waits for it to end.
    func kill(_ importer: Process, at point: KillPoint, client: AnyreachClient, campaign: String, data: String)
        async throws
    {
        defer { importer.waitUntilExit() }
        switch point {
        case .never:
            return
        case .afterJournal:
            let database = data + "/" + Store.fileName
            while importer.isRunning {
                if FileManager.default.fileExists(atPath: database),
                    let entry = try? await Store.open(path: database).journal.unsettledEntries().first,
                    entry.contactCount == Self.rows
                {
                    #expect(entry.answeredCount == 0)
                    break
                }
                try await Task.sleep(for: .milliseconds(5))
            }
        case .midSend(let contacts):
            while importer.isRunning {
                if try await client.listContacts(campaign: campaign, limit: 1).total >= contacts { break }
                try await Task.sleep(for: .milliseconds(5))
            }
        }
        Foundation.kill(importer.processIdentifier, SIGKILL)
    }

    static func start(_ arguments: [String], environment: [String: String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func sandboxContacts(_ base: String, transport: any HTTPTransport, campaign: String) async throws
        -> [String: StoredContact]
    {
        let answer = try await transport.send(
            HTTPRequest(method: .GET, url: base + "/_sandbox/state", timeout: .seconds(120)))
        let contacts = try JSONDecoder().decode(SandboxState.self, from: Data(answer.body)).anyreach.contacts
            .filter { $0.campaignID == campaign }
        return Dictionary(contacts.map { ($0.externalID ?? "", $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Contacts with non-ASCII names, quoted commas and quotes, and an extra column.
    static func writeCSV(to path: String, rows: Int) throws {
        let names = ["Ada", "José", "Zoë", "美咲", "Søren 🚀"]
        var text = "external_id,phone,first_name,last_name,email,plan\r\n"
        for row in 0..<rows {
            text += "crash-\(row),+1415\(String(format: "%07d", row)),\(names[row % names.count]),"
            text += "\"O'Brien, \"\"\(row)\"\"\",crash\(row)@example.com,pro\r\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
