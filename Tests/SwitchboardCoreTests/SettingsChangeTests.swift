import Foundation
import GRDB
import Testing
import VendorSandbox

@testable import SwitchboardCore

/// A vendor's configurations and concurrency limit in memory. `fault` may fail any
/// request by its number (from 1) and by its kind; `afterCreate` fails a create after the
/// configuration is made (the answer lost on the way back).
final class FakeSettingsVendor: VendorClient, @unchecked Sendable {
    let vendor = Vendor.anyreach
    let capabilities: VendorCapabilities = [.manageCampaigns]
    let maxContactsPerRequest = 1

    private let lock = NSLock()
    private var items: [CampaignConfiguration]
    private var limit = 10
    private var log: [String] = []
    private var nextID = 1
    private let fault: @Sendable (_ number: Int, _ kind: String) -> (any Error)?
    private let afterCreate: @Sendable (_ creates: Int) -> (any Error)?
    private var creates = 0

    init(
        configurations: [CampaignConfiguration] = [],
        fault: @escaping @Sendable (Int, String) -> (any Error)? = { _, _ in nil },
        afterCreate: @escaping @Sendable (Int) -> (any Error)? = { _ in nil }
    ) {
        items = configurations
        self.fault = fault
        self.afterCreate = afterCreate
    }

    var stored: [CampaignConfiguration] { lock.withLock { items } }
    /// Every request by kind, in order (`list`, `create`, `update`, `delete`, `put`).
    var requests: [String] { lock.withLock { log } }
    var concurrency: Int { lock.withLock { limit } }

    private func begin(_ kind: String) throws {
        let error: (any Error)? = lock.withLock {
            log.append(kind)
            return fault(log.count, kind)
        }
        if let error { throw error }
    }

    func campaign(id: String) async throws -> Campaign { throw VendorError.unsupported("no campaigns here") }
    func upsert(_ request: UpsertRequest) async throws -> UpsertReport {
        throw VendorError.unsupported("no contacts here")
    }

    func configurations() async throws -> [CampaignConfiguration] {
        try begin("list")
        return stored
    }

    func createConfiguration(_ draft: ConfigurationDraft) async throws -> CampaignConfiguration {
        try begin("create")
        let (made, count) = lock.withLock {
            let made = CampaignConfiguration(
                id: "cfg-\(nextID)", name: draft.name, timezone: draft.timezone, windows: draft.windows ?? [],
                retryLimit: draft.retryLimit, countryCode: draft.countryCode)
            nextID += 1
            items.append(made)
            creates += 1
            return (made, creates)
        }
        if let error = afterCreate(count) { throw error }
        return made
    }

    func updateConfiguration(id: String, _ draft: ConfigurationDraft) async throws -> CampaignConfiguration {
        try begin("update")
        return try lock.withLock {
            guard let index = items.firstIndex(where: { $0.id == id }) else {
                throw VendorError.http(status: 404, message: "Configuration not found", retryAfter: nil)
            }
            if let name = draft.name { items[index].name = name }
            if let retryLimit = draft.retryLimit { items[index].retryLimit = retryLimit }
            return items[index]
        }
    }

    func deleteConfiguration(id: String) async throws {
        try begin("delete")
        try lock.withLock {
            guard let index = items.firstIndex(where: { $0.id == id }) else {
                throw VendorError.http(status: 404, message: "Configuration not found", retryAfter: nil)
            }
            items.remove(at: index)
        }
    }

    func setConcurrencyLimit(_ newLimit: Int) async throws -> ConcurrencyLimit {
        try begin("put")
        return lock.withLock {
            limit = newLimit
            return ConcurrencyLimit(limit: newLimit, activeCalls: 2)
        }
    }
}

/// Settings changes (configurations, the concurrency limit) through the journal and the
/// sync engine: journaled before sending, sent once, replayed without duplicates, 4xx final.
@Suite struct SettingsChangeTests {
    let weekdays = ConfigurationDraft(
        name: "Weekdays", timezone: "Europe/Paris",
        windows: [ScheduleWindow(days: ["mon", "fri"], start: "09:00", end: "17:00")],
        retryLimit: 3, countryCode: "+33")

    @Test func createIsJournaledWithItsPayloadThenSentOnce() async throws {
        try await withTemporaryStore { store, _ in
            let vendor = FakeSettingsVendor()
            let engine = SyncEngine(store: store, client: vendor, environment: TestClock().environment)
            let entry = try await engine.submit(.createConfiguration(account: "acme", weekdays))
            #expect(entry.state == .done && entry.reason == nil && entry.contactCount == 0)
            #expect(entry.action == .createConfiguration && entry.campaignID == "Weekdays")
            let stored = try #require(try await store.journal.entry(entry.id!))
            #expect(stored.settings?.configuration == weekdays, "the draft is journaled")
            #expect(stored.settings?.existingIDs == [], "no configuration had the name before")
            #expect(stored.settings?.configurationID == "cfg-1")
            #expect(stored.settings?.outcome == "created configuration cfg-1")
            #expect(vendor.requests == ["list", "create"])
            #expect(vendor.stored.map(\.name) == ["Weekdays"])
            #expect(vendor.stored.first?.windows == weekdays.windows && vendor.stored.first?.countryCode == "+33")
        }
    }

    @Test func aStoreFromBeforeSettingsChangesIsMigratedAndKeepsItsEntries() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/" + Store.fileName
        let old = try DatabasePool(path: path)
        try StoreMigrations.migrator.migrate(old, upTo: "v3 campaign drafts")
        try await old.write { db in
            try db.execute(
                sql: """
                    INSERT INTO journalEntry (idempotencyKey, account, campaignID, action, partial, state, attempts,
                      contactCount, answeredCount, failedCount, createdAt, updatedAt)
                    VALUES ('k', 'acme', 'spring', 'pause', 0, 'pending', 0, 0, 0, 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00')
                    """)
        }
        try old.close()
        let store = try Store.open(path: path)
        let entry = try #require(try await store.journal.unsettledEntries().first)
        #expect(entry.action == .pause && entry.settings == nil)
        let recorded = try await store.journal.record(.setConcurrency(account: "acme", limit: 9))
        #expect(try await store.journal.entry(recorded.id!)?.settings?.concurrencyLimit == 9)
    }

    @Test func createLeftSendingAfterACrashIsReplayedWithoutASecondConfiguration() async throws {
        try await withTemporaryStore { store, _ in
            // One "Weekdays" exists already: the operator may want a second one of that name.
            let older = CampaignConfiguration(id: "old-1", name: "Weekdays")
            let vendor = FakeSettingsVendor(
                configurations: [older], afterCreate: { creates in creates == 1 ? SimulatedCrash() : nil })
            let engine = SyncEngine(store: store, client: vendor, environment: TestClock().environment)
            await #expect(throws: SimulatedCrash.self) {
                try await engine.submit(.createConfiguration(account: "acme", weekdays))
            }
            let crashed = try #require(try await store.journal.unsettledEntries().first)
            #expect(crashed.state == .sending)
            #expect(crashed.settings?.existingIDs == ["old-1"], "what existed is written before the create")
            #expect(vendor.stored.count == 2, "the vendor made it; the answer was lost")

            let account = Account(name: "acme", vendor: .anyreach, credential: Secret("ak_x.y"))
            let report = try await JournalReplay(
                store: store, accounts: [account], environment: TestClock().environment, makeClient: { _ in vendor }
            ).run()
            #expect(report.settled.map(\.state) == [.done])
            let settled = try #require(try await store.journal.entry(crashed.id!))
            #expect(settled.settings?.configurationID == "cfg-1")
            #expect(settled.settings?.outcome == "configuration cfg-1 was already made by an earlier send")
            #expect(vendor.stored.map(\.id) == ["old-1", "cfg-1"], "one new configuration, not two")
            #expect(vendor.requests == ["list", "create", "list"])
            // Replaying again sends nothing: the entry is settled.
            #expect(
                try await JournalReplay(store: store, accounts: [account], makeClient: { _ in vendor }).run().settled
                    .isEmpty)
            #expect(vendor.requests.count == 3)
        }
    }

    @Test func aCreateTimingOutIsRetriedByLookingItUpFirst() async throws {
        try await withTemporaryStore { store, _ in
            let vendor = FakeSettingsVendor(afterCreate: { creates in creates == 1 ? VendorError.timeout : nil })
            let engine = SyncEngine(store: store, client: vendor, environment: TestClock().environment)
            let entry = try await engine.submit(.createConfiguration(account: "acme", weekdays))
            #expect(entry.state == .done)
            #expect(vendor.requests == ["list", "create", "list"])
            #expect(vendor.stored.count == 1)
        }
    }

    @Test func aCreateThatFailedBeforeReachingTheVendorIsMadeOnRetry() async throws {
        try await withTemporaryStore { store, _ in
            let failing = FakeSettingsVendor(fault: { number, _ in
                number == 2 ? VendorError.http(status: 503, message: "busy", retryAfter: nil) : nil
            })
            let clock = TestClock()
            let entry = try await SyncEngine(store: store, client: failing, environment: clock.environment)
                .submit(.createConfiguration(account: "acme", weekdays))
            #expect(entry.state == .done)
            #expect(failing.requests == ["list", "create", "list", "create"], "503 retried after a look-up")
            #expect(failing.stored.count == 1)
            #expect(clock.sleeps.count == 1)
        }
    }

    @Test func validationErrorsAreNotRetriedAndKeepTheVendorsReason() async throws {
        try await withTemporaryStore { store, _ in
            let refusal = VendorError.http(status: 422, message: "retry_limit must be from 0 to 20", retryAfter: nil)
            let vendor = FakeSettingsVendor(
                configurations: [CampaignConfiguration(id: "cfg-9", name: "Old")],
                fault: { _, kind in kind == "update" ? refusal : nil })
            let clock = TestClock()
            let entry = try await SyncEngine(store: store, client: vendor, environment: clock.environment)
                .submit(.updateConfiguration(account: "acme", id: "cfg-9", ConfigurationDraft(retryLimit: 99)))
            #expect(entry.state == .failed)
            #expect(entry.reason == "HTTP 422: retry_limit must be from 0 to 20")
            #expect(vendor.requests == ["update"], "sent once")
            #expect(clock.sleeps.isEmpty)
            #expect(entry.settings?.outcome == nil)
        }
    }

    @Test func deleteOfAConfigurationInUseFailsWithTheVendorsWordsAndAGoneOneIsDone() async throws {
        try await withTemporaryStore { store, _ in
            let inUse = VendorError.http(
                status: 409, message: "Configuration is used by campaign Spring", retryAfter: nil)
            let vendor = FakeSettingsVendor(
                configurations: [CampaignConfiguration(id: "cfg-1", name: "A")],
                fault: { number, _ in number == 1 ? inUse : nil })
            let engine = SyncEngine(store: store, client: vendor, environment: TestClock().environment)
            let refused = try await engine.submit(.deleteConfiguration(account: "acme", id: "cfg-1"))
            #expect(refused.state == .failed)
            #expect(refused.reason == "HTTP 409: Configuration is used by campaign Spring")
            #expect(vendor.requests == ["delete"])

            let deleted = try await engine.submit(.deleteConfiguration(account: "acme", id: "cfg-1"))
            #expect(deleted.state == .done)
            #expect(deleted.settings?.outcome == "deleted configuration cfg-1")
            #expect(vendor.stored.isEmpty)
            // Sent again (a replay after a lost answer): the vendor says 404, which is done.
            let again = try await engine.submit(.deleteConfiguration(account: "acme", id: "cfg-1"))
            #expect(again.state == .done)
            #expect(again.settings?.outcome == "configuration cfg-1 was already gone: Configuration not found")
        }
    }

    @Test func concurrencyLimitIsJournaledAndReplayedIdempotently() async throws {
        try await withTemporaryStore { store, _ in
            let vendor = FakeSettingsVendor(fault: { number, _ in number == 1 ? SimulatedCrash() : nil })
            let engine = SyncEngine(store: store, client: vendor, environment: TestClock().environment)
            await #expect(throws: SimulatedCrash.self) {
                try await engine.submit(.setConcurrency(account: "acme", limit: 25))
            }
            let pending = try #require(try await store.journal.unsettledEntries().first)
            #expect(pending.settings?.concurrencyLimit == 25 && pending.state == .sending)
            let settled = try await engine.send(entryID: pending.id!)
            #expect(settled.state == .done)
            #expect(settled.settings?.outcome == "concurrency limit set to 25, 2 calls active")
            #expect(vendor.concurrency == 25)
            #expect(vendor.requests == ["put", "put"])
        }
    }

    @Test func vendorsWithoutSettingsFailTheEntryAsUnsupported() async throws {
        try await withTemporaryStore { store, _ in
            let engine = SyncEngine(
                store: store, client: FakeVendorClient(vendor: .replify), environment: TestClock().environment)
            let entry = try await engine.submit(.setConcurrency(account: "r", limit: 5))
            #expect(entry.state == .failed)
            #expect(entry.reason == "not supported: Replify has no concurrency setting")
        }
    }

    /// The real Anyreach client against the sandbox: create, update, a refused delete, a
    /// delete, the limit; nothing in the journal looks like a credential.
    @Test func anyreachThroughTheSandbox() async throws {
        try await withLiveSandbox { base, transport in
            let account = SandboxCredentials.Anyreach.account(base)
            let client = try AnyreachClient(account: account, transport: transport)
            try await withTemporaryStore { store, _ in
                let engine = SyncEngine(store: store, client: client)
                let created = try await engine.submit(.createConfiguration(account: account.name, weekdays))
                #expect(created.state == .done)
                let id = try #require(created.settings?.configurationID)
                let made = try await client.configuration(id)
                #expect(made.name == "Weekdays" && made.defaultTimezone == "Europe/Paris" && made.retryLimit == 3)
                #expect(made.defaultWindows == [AnyreachWindow(days: ["mon", "fri"], start: "09:00", end: "17:00")])

                let renamed = try await engine.submit(
                    .updateConfiguration(account: account.name, id: id, ConfigurationDraft(name: "Weekdays 2")))
                #expect(renamed.state == .done)
                #expect(try await client.configuration(id).name == "Weekdays 2")

                let bad = try await engine.submit(
                    .updateConfiguration(account: account.name, id: id, ConfigurationDraft(timezone: "Mars/Olympus")))
                #expect(bad.state == .failed && bad.reason?.contains("unknown timezone Mars/Olympus") == true)

                let used = try #require(try await client.allCampaigns().compactMap(\.configurationID).first)
                let refused = try await engine.submit(.deleteConfiguration(account: account.name, id: used))
                #expect(
                    refused.state == .failed
                        && refused.reason?.hasPrefix("HTTP 409: Configuration is used by campaign") == true)

                #expect(try await engine.submit(.deleteConfiguration(account: account.name, id: id)).state == .done)
                await #expect(throws: VendorError.self) { try await client.configuration(id) }

                let limit = try await engine.submit(.setConcurrency(account: account.name, limit: 42))
                #expect(limit.state == .done)
                #expect(try await client.concurrency().concurrencyLimit == 42)

                let secret = account.credential.revealed
                for entry in [created, renamed, bad, refused, limit] {
                    let row = try #require(try await store.journal.entry(entry.id!))
                    let text = String(decoding: try JSONEncoder().encode(row), as: UTF8.self)
                    #expect(!text.contains(secret))
                }
            }
        }
    }
}
