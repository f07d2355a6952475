import Foundation
import Logging
import Testing
import VendorSandbox

@testable import SwitchboardCore

/// The journal and the sync engine against the live sandbox over loopback HTTP, with the
/// real Anyreach client: an import through injected faults, and replay after a crash.
@Suite struct SyncSandboxTests {
    /// The sandbox's stored Anyreach contacts, from `GET /_sandbox/state`.
    struct SandboxState: Decodable {
        struct Anyreach: Decodable { let contacts: [StoredContact] }
        struct StoredContact: Decodable {
            let id: String
            let campaignID: String?
            let externalID: String?

            enum CodingKeys: String, CodingKey {
                case id
                case campaignID = "campaign_id"
                case externalID = "external_id"
            }
        }
        let anyreach: Anyreach
    }

    func sandboxOptions(faults: String) throws -> SandboxOptions {
        var options = SandboxOptions()
        options.seed = 11
        options.dialerEnabled = false
        options.demoContactCount = 50
        options.faults = try FaultSpec(parsing: faults)
        return options
    }

    var quietLogger: Logger {
        var logger = Logger(label: "switchboard.sandbox.test")
        logger.logLevel = .critical
        return logger
    }

    /// Contacts with external ids `prefix-0 ...` and distinct US numbers.
    func importContacts(_ count: Int, prefix: String) -> [Contact] {
        (0..<count).map { index in
            Contact(
                externalID: "\(prefix)-\(index)", firstName: "Import \(index)", email: "\(prefix)\(index)@example.com",
                phoneNumbers: [String(format: "+1415%07d", index)])
        }
    }

    /// Creates the campaign, retrying the injected faults (they are answered before the
    /// route runs, so a failed create created nothing).
    func createCampaign(_ client: AnyreachClient, externalID: String) async throws -> AnyreachCampaign {
        var attempt = 0
        while true {
            do {
                return try await client.createCampaign(AnyreachCampaignInput(name: "Import", externalID: externalID))
            } catch let error as VendorError where RetryPolicy.isRetryable(error) && attempt < 30 {
                attempt += 1
            }
        }
    }

    func sandboxContacts(_ base: String, transport: any HTTPTransport, campaignID: String) async throws
        -> [SandboxState.StoredContact]
    {
        let answer = try await transport.send(
            HTTPRequest(method: .GET, url: base + "/_sandbox/state", timeout: .seconds(120)))
        #expect(answer.status == 200)
        return try JSONDecoder().decode(SandboxState.self, from: Data(answer.body)).anyreach.contacts
            .filter { $0.campaignID == campaignID }
    }

    /// Every contact's vendor id as the journal recorded it, read page by page.
    func journaledVendorIDs(_ store: Store, entryID: Int64) async throws -> [String: String] {
        var ids: [String: String] = [:]
        var after = -1
        while true {
            let page = try await store.journal.contacts(of: entryID, after: after, limit: 5000)
            guard let last = page.last else { return ids }
            for row in page { ids[row.contact.externalID!] = row.vendorID }
            after = last.position
        }
    }

    @Test func fiftyThousandContactsThroughFaultsArriveExactlyOnce() async throws {
        let count = 50_000
        let options = try sandboxOptions(faults: "500:0.2,429:0.1,reset:0.05")
        try await Sandbox.withRunning(options, logger: quietLogger) { base in
            let transport = CountingTransport(AsyncHTTPTransport())
            try await shuttingDown(transport.inner) {
                let account = SandboxCredentials.Anyreach.account(base)
                let client = try AnyreachClient(account: account, transport: transport)
                let campaign = try await createCampaign(client, externalID: "fault-import")
                try await withTemporaryStore { store, _ in
                    let clock = TestClock()
                    // 35% of requests fail here; 12 attempts make giving a batch up a one-in-a-million event.
                    let settings = SyncSettings(concurrency: 4, retry: RetryPolicy(maxAttempts: 12))
                    let engine = SyncEngine(
                        store: store, client: client, settings: settings, environment: clock.environment)
                    let contacts = importContacts(count, prefix: "fault")
                    let started = ContinuousClock.now
                    let recorded = try await store.journal.record(
                        Change(account: account.name, campaignID: campaign.id, action: .upsert, contacts: contacts))
                    let journaled = ContinuousClock.now
                    let entry = try await engine.send(entryID: recorded.id!)
                    let sent = ContinuousClock.now
                    let upserts = transport.requests.filter { $0.method == .POST && $0.url.hasSuffix("/contacts") }
                        .count
                    print(
                        "50k import through faults: journal write \(journaled - started), send \(sent - journaled), \(upserts) upsert requests"
                    )

                    #expect(entry.state == .done)
                    #expect(entry.answeredCount == count)
                    #expect(entry.failedCount == 0)
                    #expect(try await store.journal.outcomeCounts(of: entry.id!) == ["created": count])
                    #expect(upserts > count / 1000)  // faults were met and retried
                    #expect(clock.sleeps.count == upserts - count / 1000)

                    let stored = try await sandboxContacts(base, transport: transport, campaignID: campaign.id)
                    #expect(stored.count == count)
                    let byExternalID = Dictionary(grouping: stored) { $0.externalID ?? "" }
                    #expect(byExternalID.count == count)
                    #expect(byExternalID.values.allSatisfy { $0.count == 1 })
                    #expect(Set(byExternalID.keys) == Set((0..<count).map { "fault-\($0)" }))
                    let vendorIDs = try await journaledVendorIDs(store, entryID: entry.id!)
                    #expect(vendorIDs == byExternalID.mapValues { $0[0].id })
                    // Anyreach lists contacts: a bulk change's new contacts are left to that
                    // listing (`SyncEngine.cachesNewContacts`), the journal holds their outcomes.
                    #expect(
                        try await store.observeContactCount(account: account.name, campaignID: campaign.id).first { _ in
                            true
                        } == 0)
                }
            }
        }
    }

    @Test func replayAfterACrashMatchesARunNeverKilled() async throws {
        let count = 5_000
        try await Sandbox.withRunning(try sandboxOptions(faults: ""), logger: quietLogger) { base in
            let inner = AsyncHTTPTransport()
            try await shuttingDown(inner) {
                let account = SandboxCredentials.Anyreach.account(base)
                let campaign = try await createCampaign(
                    try AnyreachClient(account: account, transport: inner), externalID: "crash-import")
                try await withTemporaryStore { store, _ in
                    let clock = TestClock()
                    let crashing = CrashingTransport(inner, afterRequests: 2)
                    let engine = SyncEngine(
                        store: store, client: try AnyreachClient(account: account, transport: crashing),
                        settings: SyncSettings(concurrency: 1), environment: clock.environment)
                    let change = Change(
                        account: account.name, campaignID: campaign.id, action: .upsert,
                        contacts: importContacts(count, prefix: "crash"))
                    await #expect(throws: SimulatedCrash.self) { try await engine.submit(change) }
                    let left = try await store.journal.unsettledEntries()
                    #expect(left.map(\.state) == [.sending])
                    #expect(left.first?.answeredCount == 2000)

                    let replay = JournalReplay(store: store, accounts: [account], environment: clock.environment) {
                        account in
                        try AnyreachClient(account: account, transport: inner)
                    }
                    let report = try await replay.run()
                    #expect(report.settled.map(\.state) == [.done])
                    #expect(try await store.journal.unsettledEntries().isEmpty)
                    #expect(try await store.journal.outcomeCounts(of: left[0].id!) == ["created": count])

                    let stored = try await sandboxContacts(base, transport: inner, campaignID: campaign.id)
                    #expect(stored.count == count)
                    #expect(Set(stored.compactMap(\.externalID)) == Set((0..<count).map { "crash-\($0)" }))
                }
            }
        }
    }

    /// Runs `body`, then shuts the transport down whether or not it threw.
    func shuttingDown(_ transport: AsyncHTTPTransport, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch {
            try? await transport.shutdown()
            throw error
        }
        try await transport.shutdown()
    }
}

/// A transport that passes requests through until `afterRequests` have gone, then throws
/// `SimulatedCrash` as if the process died.
final class CrashingTransport: HTTPTransport, @unchecked Sendable {
    let inner: any HTTPTransport
    let afterRequests: Int
    private let lock = NSLock()
    private var sent = 0

    init(_ inner: any HTTPTransport, afterRequests: Int) {
        self.inner = inner
        self.afterRequests = afterRequests
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let number = lock.withLock {
            sent += 1
            return sent
        }
        if number > afterRequests { throw SimulatedCrash() }
        return try await inner.send(request)
    }
}
