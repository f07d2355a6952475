import Foundation
import Synchronization
import Testing

@testable import SwitchboardCore

/// The sync engine against an in-memory vendor on a temporary store: batching, bounded
/// concurrency, retries with no real time, outcomes, the cache, and replay after a crash.
@Suite struct SyncEngineTests {
    func settings(concurrency: Int = 3, attempts: Int = 4) -> SyncSettings {
        SyncSettings(concurrency: concurrency, retry: RetryPolicy(maxAttempts: attempts, baseDelay: 1, maxDelay: 8))
    }

    @Test func sendsInVendorSizedBatchesAndRecordsEveryOutcome() async throws {
        try await withTemporaryStore { store, _ in
            let client = FakeVendorClient(maxContactsPerRequest: 100)
            let clock = TestClock()
            let engine = SyncEngine(
                store: store, client: client, settings: settings(concurrency: 3), environment: clock.environment)
            let entry = try await engine.submit(
                Change(account: "acme", campaignID: "k", action: .upsert, contacts: sampleContacts(1050)))
            #expect(entry.state == .done)
            #expect(entry.attempts == 1)
            #expect(entry.answeredCount == 1050)
            #expect(entry.reason == nil)
            #expect(client.requests == 11)
            #expect(client.maxInFlight <= 3)
            #expect(client.stored.count == 1050)
            #expect(try await store.journal.outcomeCounts(of: entry.id!) == ["created": 1050])
            let rows = try await store.journal.contacts(of: entry.id!, limit: 2)
            #expect(rows.map(\.vendorID) == ["v-c-0", "v-c-1"])
            let cached = try await store.contactsPage(account: "acme", campaignID: "k", after: nil, limit: 2000)
            #expect(cached.count == 1050)
            #expect(cached.allSatisfy { $0.lastResult == "created" && $0.key.hasPrefix("id:v-") })
            #expect(clock.sleeps.isEmpty)
        }
    }

    @Test func retriesTransientFailuresWithoutRealTime() async throws {
        try await withTemporaryStore { store, _ in
            let client = FakeVendorClient(maxContactsPerRequest: 10) { number in
                switch number {
                case 1: VendorError.http(status: 503, message: "busy", retryAfter: .seconds(20))
                case 2: VendorError.connection("reset by peer")
                case 3: VendorError.timeout
                default: nil
                }
            }
            let clock = TestClock()
            let engine = SyncEngine(
                store: store, client: client, settings: settings(concurrency: 1), environment: clock.environment)
            let entry = try await engine.submit(
                Change(account: "a", campaignID: "k", action: .upsert, contacts: sampleContacts(20)))
            #expect(entry.state == .done)
            #expect(client.requests == 5)
            #expect(clock.sleeps == [20, 1, 2])  // Retry-After, then full jitter at 0.5 of 2 and 4
            #expect(client.created.values.allSatisfy { $0 == 1 })
        }
    }

    @Test func eachRetryIsToldBeforeItsWait() async throws {
        try await withTemporaryStore { store, _ in
            let client = FakeVendorClient(maxContactsPerRequest: 10) { number in
                switch number {
                case 1: VendorError.http(status: 500, message: "oops", retryAfter: nil)
                case 2: VendorError.http(status: 429, message: "slow down", retryAfter: .seconds(3))
                default: nil
                }
            }
            let clock = TestClock()
            let retries = Mutex<[SyncRetry]>([])
            var environment = clock.environment
            environment.retrying = { retry in retries.withLock { $0.append(retry) } }
            let engine = SyncEngine(
                store: store, client: client, settings: settings(concurrency: 1), environment: environment)
            let entry = try await engine.submit(
                Change(account: "a", campaignID: "k", action: .upsert, contacts: sampleContacts(15)))
            #expect(entry.state == .done)
            let told = retries.withLock { $0 }
            #expect(told.map(\.contacts) == [10, 10])
            #expect(told.map(\.wait) == clock.sleeps)
            #expect(told.map(\.wait) == [0.5, 3])
            #expect(told[0].reason.contains("500") && told[1].reason.contains("slow down"))
        }
    }

    @Test func aRefusedBatchFailsItsContactsOnlyAndTheEntryIsPartial() async throws {
        try await withTemporaryStore { store, _ in
            let client = FakeVendorClient(maxContactsPerRequest: 10) { number in
                number == 2 ? VendorError.http(status: 422, message: "phone_numbers: invalid", retryAfter: nil) : nil
            }
            let clock = TestClock()
            let engine = SyncEngine(
                store: store, client: client, settings: settings(concurrency: 1), environment: clock.environment)
            let entry = try await engine.submit(
                Change(account: "a", campaignID: "k", action: .upsert, contacts: sampleContacts(30)))
            #expect(entry.state == .partial)
            #expect(entry.failedCount == 10)
            #expect(entry.reason == "HTTP 422: phone_numbers: invalid")
            #expect(client.requests == 3)
            let failed = try await store.journal.contacts(of: entry.id!, after: 9, limit: 10)
            #expect(failed.allSatisfy { $0.result == .failed(reason: "HTTP 422: phone_numbers: invalid") })
            #expect(clock.sleeps.isEmpty)
        }
    }

    @Test func givingUpOnEveryBatchFailsTheEntry() async throws {
        try await withTemporaryStore { store, _ in
            let client = FakeVendorClient(maxContactsPerRequest: 10) { _ in
                VendorError.http(status: 500, message: "down", retryAfter: nil)
            }
            let clock = TestClock()
            let engine = SyncEngine(
                store: store, client: client, settings: settings(concurrency: 2, attempts: 3),
                environment: clock.environment)
            let entry = try await engine.submit(
                Change(account: "a", campaignID: "k", action: .upsert, contacts: sampleContacts(15)))
            #expect(entry.state == .failed)
            #expect(entry.failedCount == 15)
            #expect(entry.reason == "HTTP 500: down (gave up after 3 attempts)")
            #expect(client.requests == 6)
            #expect(clock.sleeps.allSatisfy { $0 <= 8 })
        }
    }

    @Test func perContactRefusalsKeepTheVendorsWords() async throws {
        try await withTemporaryStore { store, _ in
            var contacts = sampleContacts(3)
            contacts[1].phoneNumbers = []
            let engine = SyncEngine(store: store, client: FakeVendorClient(), environment: TestClock().environment)
            let entry = try await engine.submit(
                Change(account: "a", campaignID: "k", action: .upsert, contacts: contacts))
            #expect(entry.state == .partial)
            #expect(entry.reason?.contains("1 of 3") == true)
            let rows = try await store.journal.contacts(of: entry.id!, limit: 3)
            #expect(rows.map(\.outcome) == ["created", "failed", "created"])
            #expect(rows[1].message == "Contact has no phone numbers")
            #expect(try await store.contactsPage(account: "a", campaignID: "k", after: nil, limit: 10).count == 2)
        }
    }

    @Test func replayAfterACrashSendsOnlyWhatHadNoAnswer() async throws {
        try await withTemporaryStore { store, _ in
            let client = FakeVendorClient(maxContactsPerRequest: 10) { number in number > 4 ? SimulatedCrash() : nil }
            let clock = TestClock()
            let engine = SyncEngine(
                store: store, client: client, settings: settings(concurrency: 1), environment: clock.environment)
            let change = Change(account: "acme", campaignID: "k", action: .upsert, contacts: sampleContacts(95))
            await #expect(throws: SimulatedCrash.self) { try await engine.submit(change) }
            let crashed = try #require(try await store.journal.unsettledEntries().first)
            #expect(crashed.state == .sending)
            #expect(crashed.answeredCount == 40)

            client.fault = { _ in nil }
            let account = Account(name: "acme", vendor: .anyreach, credential: Secret("ak_x.y"))
            let report = try await JournalReplay(store: store, accounts: [account], environment: clock.environment) {
                _ in client
            }.run()
            #expect(report.settled.map(\.state) == [.done])
            #expect(report.settled.first?.attempts == 2)
            #expect(report.unknownAccounts.isEmpty)
            #expect(client.requests == 5 + 6)
            #expect(client.stored.count == 95)
            #expect(client.created.values.allSatisfy { $0 == 1 })
            #expect(try await store.journal.outcomeCounts(of: crashed.id!) == ["created": 95])
            #expect(try await store.journal.unsettledEntries().isEmpty)
        }
    }

    @Test func replayOfCreatesThatWentThroughFindsThemAlreadyThere() async throws {
        try await withTemporaryStore { store, _ in
            // The crash hits after the vendor applied the request but before the answer was recorded.
            let client = FakeVendorClient(vendor: .replyio, maxContactsPerRequest: 1, createOnly: true)
            let clock = TestClock()
            let entry = try await store.journal.record(
                Change(account: "r", campaignID: "default", action: .upsert, contacts: sampleContacts(3)))
            for contact in sampleContacts(2) {
                _ = try await client.upsert(UpsertRequest(campaignID: "default", contacts: [contact]))
            }
            _ = try await store.journal.beginSending(entry.id!, at: clock.environment.now())

            let engine = SyncEngine(store: store, client: client, environment: clock.environment)
            let settled = try await engine.send(entryID: entry.id!)
            #expect(settled.state == .done)
            #expect(try await store.journal.outcomeCounts(of: entry.id!) == ["ignored": 2, "created": 1])
            #expect(client.created.values.allSatisfy { $0 == 1 })
            #expect(client.stored.count == 3)
        }
    }

    @Test func removesAndDeletesAreIdempotent() async throws {
        try await withTemporaryStore { store, _ in
            let client = FakeVendorClient()
            let engine = SyncEngine(store: store, client: client, environment: TestClock().environment)
            _ = try await engine.submit(
                Change(account: "a", campaignID: "k", action: .upsert, contacts: sampleContacts(4)))
            let removed = try await engine.submit(
                Change(account: "a", campaignID: "k", action: .remove, contacts: sampleContacts(2)))
            #expect(removed.state == .done)
            let again = try await engine.submit(
                Change(account: "a", campaignID: "k", action: .remove, contacts: sampleContacts(2)))
            #expect(try await store.journal.outcomeCounts(of: again.id!) == ["ignored": 2])
            let deleted = try await engine.submit(
                Change(account: "a", campaignID: "k", action: .delete, contacts: sampleContacts(4)))
            #expect(deleted.state == .done)
            #expect(try await store.journal.outcomeCounts(of: deleted.id!) == ["ignored": 2, "removed": 2])
            #expect(client.stored.isEmpty)
            #expect(try await store.contactsPage(account: "a", campaignID: "k", after: nil, limit: 10).isEmpty)
        }
    }

    @Test func aCampaignActionReplayedAfterItWentThroughIsDone() async throws {
        try await withTemporaryStore { store, _ in
            let client = FakeVendorClient()
            let engine = SyncEngine(store: store, client: client, environment: TestClock().environment)
            let paused = try await engine.submit(Change(account: "a", campaignID: "k", action: .pause))
            #expect(paused.state == .done)
            #expect(client.campaignState == .paused)
            let replayed = try await engine.submit(Change(account: "a", campaignID: "k", action: .pause))
            #expect(replayed.state == .done)

            let refusing = FakeVendorClient { _ in
                VendorError.http(status: 403, message: "missing campaigns:manage", retryAfter: nil)
            }
            let refused = try await SyncEngine(store: store, client: refusing, environment: TestClock().environment)
                .submit(Change(account: "a", campaignID: "k", action: .close))
            #expect(refused.state == .failed)
            #expect(refused.reason == "HTTP 403: missing campaigns:manage")
        }
    }

    @Test func progressCountsUpToTheTotal() async throws {
        try await withTemporaryStore { store, _ in
            let clock = TestClock()
            let entry = try await store.journal.record(
                Change(account: "a", campaignID: "k", action: .upsert, contacts: sampleContacts(50)))
            let readings = Task {
                var seen: [SyncProgress] = []
                for try await progress in store.journal.progress(of: entry.id!, now: clock.environment.now) {
                    seen.append(progress)
                }
                return seen
            }
            let engine = SyncEngine(
                store: store, client: FakeVendorClient(maxContactsPerRequest: 10), settings: settings(concurrency: 1),
                environment: clock.environment)
            _ = try await engine.send(entryID: entry.id!)
            let seen = try await readings.value
            #expect(seen.last?.done == 50)
            #expect(seen.last?.total == 50)
            #expect(seen.last?.state == .done)
            #expect(seen.last?.fraction == 1)
            #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.done <= $1.done })
        }
    }

    @Test func theMeterDerivesRateAndETA() {
        var meter = ProgressMeter()
        let start = Date(timeIntervalSince1970: 0)
        var entry = JournalEntry(
            change: Change(account: "a", campaignID: "k", action: .upsert, contacts: sampleContacts(100)), at: start)
        entry.answeredCount = 10
        #expect(meter.reading(entry, at: start).contactsPerSecond == nil)
        entry.answeredCount = 30
        let later = meter.reading(entry, at: start + 2)
        #expect(later.contactsPerSecond == 10)
        #expect(later.secondsLeft == 7)
        #expect(later.fraction == 0.3)
    }

    @Test func noCredentialLandsInTheDatabaseFile() async throws {
        try await withTemporaryStore { store, _ in
            let token = "ak_live.S3CRET-never-stored-9f8e7d"
            let transport = RecordingTransport { request in
                if request.url.hasSuffix("/pause") {
                    return .json(401, #"{"detail": "Invalid token"}"#)
                }
                let body = try JSONSerialization.jsonObject(with: Data(request.body ?? [])) as? [String: Any]
                let count = (body?["contacts"] as? [Any])?.count ?? 0
                return .json(
                    200, #"{"inserted": \#(count), "updated": 0, "failed": [], "warnings": [], "contact_ids": []}"#)
            }
            let account = anyreachAccount(token: token)
            let client = try AnyreachClient(account: account, transport: transport)
            let engine = SyncEngine(store: store, client: client, environment: TestClock().environment)
            let upsert = try await engine.submit(
                Change(account: account.name, campaignID: "k", action: .upsert, contacts: sampleContacts(5)))
            #expect(upsert.state == .done)
            let pause = try await engine.submit(Change(account: account.name, campaignID: "k", action: .pause))
            #expect(pause.state == .failed)
            #expect(transport.requests.contains { $0.header("Authorization")?.contains(token) == true })
            var bytes = Data()
            for suffix in ["", "-wal"] {
                bytes += (FileManager.default.contents(atPath: store.path + suffix) ?? Data())
            }
            #expect(bytes.count > 0)
            #expect(bytes.range(of: Data(token.utf8)) == nil)
            #expect(bytes.range(of: Data("S3CRET".utf8)) == nil)
        }
    }
}
