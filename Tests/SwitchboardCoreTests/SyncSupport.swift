import Foundation

@testable import SwitchboardCore

/// Thrown by `FakeVendorClient` to stand for the process dying mid-send.
struct SimulatedCrash: Error {}

/// A vendor in memory that keys contacts by external id, as Anyreach's upsert does; with
/// `createOnly` it refuses existing contacts as Reply.io's create does (the client maps
/// that conflict to `.ignored`). `fault` may fail any request by its number (from 1).
final class FakeVendorClient: VendorClient, @unchecked Sendable {
    let vendor: Vendor
    /// With `lists`, `.listContacts` too: the vendor's listing, not the store, is the record.
    let capabilities: VendorCapabilities
    let maxContactsPerRequest: Int
    let createOnly: Bool

    private let lock = NSLock()
    private var faultRule: @Sendable (Int) -> (any Error)?
    private var contacts: [String: Contact] = [:]
    private var creations: [String: Int] = [:]
    private var requestCount = 0
    private var inFlight = 0
    private var mostInFlight = 0
    private var state: CampaignState = .active

    init(
        vendor: Vendor = .anyreach, maxContactsPerRequest: Int = 100, createOnly: Bool = false, lists: Bool = false,
        fault: @escaping @Sendable (Int) -> (any Error)? = { _ in nil }
    ) {
        self.vendor = vendor
        capabilities = VendorCapabilities([.upsert, .remove, .deleteContact, .campaignLifecycle]).union(lists ? .listContacts : [])
        self.maxContactsPerRequest = maxContactsPerRequest
        self.createOnly = createOnly
        self.faultRule = fault
    }

    var fault: @Sendable (Int) -> (any Error)? {
        get { lock.withLock { faultRule } }
        set { lock.withLock { faultRule = newValue } }
    }
    var stored: [String: Contact] { lock.withLock { contacts } }
    /// How many times each external id was created (more than once would be a duplicate).
    var created: [String: Int] { lock.withLock { creations } }
    var requests: Int { lock.withLock { requestCount } }
    var maxInFlight: Int { lock.withLock { mostInFlight } }
    var campaignState: CampaignState { lock.withLock { state } }

    private func begin() throws {
        let error: (any Error)? = lock.withLock {
            requestCount += 1
            inFlight += 1
            mostInFlight = max(mostInFlight, inFlight)
            return faultRule(requestCount)
        }
        if let error {
            lock.withLock { inFlight -= 1 }
            throw error
        }
    }

    private func end() { lock.withLock { inFlight -= 1 } }

    func campaign(id: String) async throws -> Campaign {
        Campaign(id: id, name: id, state: campaignState)
    }

    func upsert(_ request: UpsertRequest) async throws -> UpsertReport {
        try begin()
        await Task.yield()
        defer { end() }
        guard request.contacts.count <= maxContactsPerRequest else {
            throw VendorError.invalidRequest("too many contacts")
        }
        return lock.withLock {
            let outcomes = request.contacts.enumerated().map { index, contact -> UpsertOutcome in
                guard let key = contact.externalID else {
                    return UpsertOutcome(index: index, result: .failed(reason: "no external id"))
                }
                if contact.phoneNumbers.isEmpty {
                    return UpsertOutcome(index: index, result: .failed(reason: "Contact has no phone numbers"))
                }
                switch request.action {
                case .remove:
                    return UpsertOutcome(
                        index: index,
                        result: contacts.removeValue(forKey: key) == nil ? .ignored(reason: "not found") : .removed)
                case .upsert, .updateOnly:
                    if contacts[key] != nil {
                        if createOnly {
                            return UpsertOutcome(index: index, result: .ignored(reason: "contact.alreadyExists"))
                        }
                        contacts[key] = contact
                        return UpsertOutcome(index: index, vendorID: "v-" + key, result: .updated)
                    }
                    contacts[key] = contact
                    creations[key, default: 0] += 1
                    return UpsertOutcome(index: index, vendorID: "v-" + key, result: .created)
                }
            }
            return UpsertReport(outcomes: outcomes)
        }
    }

    func deleteContact(campaignID: String, contactID: String) async throws {
        try begin()
        defer { end() }
        let key = contactID.hasPrefix("v-") ? String(contactID.dropFirst(2)) : contactID
        let removed = lock.withLock { contacts.removeValue(forKey: key) }
        if removed == nil { throw VendorError.http(status: 404, message: "No contact \(contactID)", retryAfter: nil) }
    }

    func perform(_ command: CampaignCommand, campaignID: String) async throws -> Campaign {
        try begin()
        defer { end() }
        let target: CampaignState =
            switch command {
            case .start: .active
            case .pause: .paused
            case .close: .closed
            }
        return try lock.withLock {
            if state == target { throw VendorError.http(status: 400, message: "already \(target)", retryAfter: nil) }
            state = target
            return Campaign(id: campaignID, name: campaignID, state: state)
        }
    }
}

/// A clock that moves only when the engine sleeps: tests take no real time.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_700_000_000)
    private var waits: [Double] = []

    var sleeps: [Double] { lock.withLock { waits } }

    var environment: SyncEnvironment {
        SyncEnvironment(
            now: { self.lock.withLock { self.current } },
            sleep: { seconds in
                self.lock.withLock {
                    if seconds > 0 { self.waits.append(seconds) }
                    self.current += seconds
                }
            },
            jitter: { 0.5 })
    }
}
