import Foundation
import NIOCore

/// Sends journaled changes to one account's vendor: splits each into the vendor's request
/// size, keeps `settings.concurrency` requests in flight, retries what is safe
/// (`SyncStateMachine`), and writes each batch's outcomes to the journal and the cache as
/// its answer arrives, so a crash loses at most the batches in flight; replay resends them.
///
/// An error that is not a `VendorError` (cancellation, a database error) stops sending and
/// leaves the entry `sending`: nothing is lost, replay picks it up.
public struct SyncEngine: Sendable {
    public let store: Store
    public let client: any VendorClient
    public let settings: SyncSettings
    public let environment: SyncEnvironment

    public init(
        store: Store, client: any VendorClient, settings: SyncSettings? = nil, environment: SyncEnvironment = .live
    ) {
        self.store = store
        self.client = client
        self.settings = settings ?? .defaults(for: client.vendor)
        self.environment = environment
    }

    /// Journals `change` (durably, before anything is sent), then sends it.
    /// - Returns: the settled entry.
    public func submit(_ change: Change) async throws -> JournalEntry {
        let entry = try await store.journal.record(change, at: environment.now())
        return try await send(entryID: entry.id!)
    }

    /// Sends whatever the entry has without an outcome, then settles it `done`, `partial`
    /// or `failed`. An entry already settled is returned as it is.
    public func send(entryID: Int64) async throws -> JournalEntry {
        let journal = store.journal
        guard let entry = try await journal.beginSending(entryID, at: environment.now()) else {
            throw JournalError.noEntry(entryID)
        }
        guard entry.state == .sending else { return entry }
        let batches: [SyncStateMachine.Batch]
        let chunks = entry.storage == .chunks
        if chunks {
            // One request per journaled body, sent as stored.
            batches = try await journal.unansweredChunks(entryID).enumerated().map {
                SyncStateMachine.Batch(number: $0.offset, runs: [$0.element])
            }
        } else if entry.action.isCampaignAction || entry.action.isSettingsAction {
            batches = [SyncStateMachine.Batch(number: 0, positions: [])]
        } else {
            // Deletes go one request per contact, so concurrency and pacing count each.
            let size = entry.action == .delete ? 1 : client.maxContactsPerRequest
            batches = SyncStateMachine.batches(runs: try await journal.unansweredRuns(entryID), size: size)
        }
        // A chunks entry's bodies are read from its file, held open while it is sent.
        let bodies = chunks ? try await journal.chunkBodyReader(entryID) : nil
        let addingNew = cachesNewContacts(of: entry)
        var machine = SyncStateMachine(batches: batches, concurrency: settings.concurrency, policy: settings.retry)
        var pacer = RequestPacer(requestsPerSecond: settings.requestsPerSecond)
        let reason: String? = try await withThrowingTaskGroup(of: Completion.self) { group in
            var actions = machine.handle(.start)
            // Answered chunks' outcomes, written together (a crash resends them: upserts are keyed).
            var answeredChunks: [(first: Int, outcomes: ChunkOutcomes)] = []
            var flushedAt = environment.now()
            func flushChunks() async throws {
                flushedAt = environment.now()
                try await journal.recordChunks(answeredChunks, of: entry, at: flushedAt)
                answeredChunks = []
            }
            do {
                while true {
                    for action in actions {
                        switch action {
                        case .send(let batch):
                            let pause = pacer.reserve(now: environment.now().timeIntervalSince1970)
                            group.addTask {
                                try await environment.sleep(pause)
                                do {
                                    if chunks {
                                        return .answeredChunk(
                                            batch, try await performChunk(batch, of: entry, bodies: bodies))
                                    }
                                    return .answered(batch, try await perform(batch, of: entry))
                                } catch let error as VendorError {
                                    return .failed(batch, error)
                                } catch let error as ChunkBodyFile.Unreadable {
                                    // A body that cannot be read back cannot be sent: its
                                    // contacts are listed failed with why; the others go on.
                                    return .answeredChunk(batch, Self.unsent(batch, error))
                                }
                            }
                        case .wait(let number, let seconds):
                            group.addTask {
                                try await environment.sleep(seconds)
                                return .waited(number)
                            }
                        case .giveUp(let batch, let reason) where chunks:
                            let first = batch.runs.first?.lowerBound ?? 0
                            let outcomes: ChunkOutcomes
                            do {
                                outcomes = ChunkOutcomes(
                                    try await storedChunk(batch, of: entry, bodies: bodies).sentIDs.map {
                                        ChunkAnswer(word: "failed", vendorID: $0, message: reason)
                                    })
                            } catch let error as ChunkBodyFile.Unreadable {
                                outcomes = Self.unsent(batch, error)
                            }
                            answeredChunks.append((first, outcomes))
                            try await flushChunks()
                        case .giveUp(let batch, let reason):
                            let rows = try await journal.rows(entryID, positions: batch.positions)
                            let answers = rows.map { ContactAnswer(row: $0, result: .failed(reason: reason)) }
                            try await journal.record(answers, of: entry, at: environment.now(), addingNew: addingNew)
                        case .finish(let reason):
                            try await flushChunks()
                            return reason
                        }
                    }
                    guard let completion = try await group.next() else {
                        try await flushChunks()
                        return nil
                    }
                    switch completion {
                    case .answeredChunk(let batch, let outcomes):
                        answeredChunks.append((batch.runs.first?.lowerBound ?? 0, outcomes))
                        // Written every 16 answers, or sooner on a slow link so progress moves.
                        if answeredChunks.count >= Self.chunkOutcomeGroup
                            || environment.now().timeIntervalSince(flushedAt) >= Self.chunkOutcomeInterval
                        {
                            try await flushChunks()
                        }
                        actions = machine.handle(.answered(batch: batch.number))
                    case .answered(let batch, let answers):
                        try await journal.record(answers, of: entry, at: environment.now(), addingNew: addingNew)
                        actions = machine.handle(.answered(batch: batch.number))
                    case .failed(let batch, let error):
                        try await flushChunks()
                        actions = machine.handle(
                            .failed(
                                batch: batch.number, error: error, now: environment.now().timeIntervalSince1970,
                                jitter: environment.jitter()))
                        for case .wait(batch.number, let seconds) in actions {
                            environment.retrying(SyncRetry(contacts: batch.count, reason: error.description, wait: seconds))
                        }
                    case .waited(let number):
                        actions = machine.handle(.waited(batch: number))
                    }
                }
            } catch {
                // Stopped (cancelled, a database error): the answers already read are kept.
                try? await flushChunks()
                throw error
            }
        }
        guard let settled = try await journal.settle(entryID, reason: reason, at: environment.now()) else {
            throw JournalError.noEntry(entryID)
        }
        return settled
    }

    /// Whether the cache takes in the contacts this entry creates, or only keeps current
    /// the ones it already holds. It takes them in where the store is the record of a
    /// campaign's contacts (a vendor with no listing route, as Replify) and for a change
    /// that fits in one request (an operator's edit or a small file: the console shows it
    /// at once). A bulk change to a vendor that lists contacts leaves its new contacts to
    /// that listing, which the console pages into the cache as it shows them: caching each
    /// one as sent was most of an import's cost (about 60 µs a contact at 100,000, growing
    /// with the table, `Benchmarks/import-benchmark.sh`).
    func cachesNewContacts(of entry: JournalEntry) -> Bool {
        !client.capabilities.contains(.listContacts) || entry.contactCount <= client.maxContactsPerRequest
    }

    /// At most this many answered chunks have their outcomes written in one transaction.
    static let chunkOutcomeGroup = 16
    /// The longest answered chunks wait to be written (progress reads the written count).
    static let chunkOutcomeInterval: TimeInterval = 0.5

    private enum Completion: Sendable {
        case answered(SyncStateMachine.Batch, [ContactAnswer])
        case answeredChunk(SyncStateMachine.Batch, ChunkOutcomes)
        case failed(SyncStateMachine.Batch, VendorError)
        case waited(Int)
    }

    /// Sends one batch and pairs each contact with its outcome.
    private func perform(_ batch: SyncStateMachine.Batch, of entry: JournalEntry) async throws -> [ContactAnswer] {
        if let command = entry.action.campaignCommand {
            try await perform(command, campaignID: entry.campaignID)
            return []
        }
        if entry.action == .createCampaign || entry.action == .updateCampaign {
            try await setUp(entry)
            return []
        }
        if entry.action.isSettingsAction {
            try await applySettings(entry)
            return []
        }
        let read = try await store.journal.rowsWithJSON(entry.id!, positions: batch.positions)
        let rows = read.map(\.row)
        if let action = entry.action.upsertAction {
            let report = try await client.upsert(
                UpsertRequest(
                    campaignID: entry.campaignID, action: action, partial: entry.partial, contacts: rows.map(\.contact))
            )
            var answers = read.map {
                ContactAnswer(
                    row: $0.row, result: .failed(reason: "the vendor's answer did not mention this contact"),
                    json: $0.json)
            }
            for outcome in report.outcomes where answers.indices.contains(outcome.index) {
                answers[outcome.index].result = outcome.result
                answers[outcome.index].vendorID = outcome.vendorID
                answers[outcome.index].warnings = outcome.warnings
            }
            return answers
        }
        var answers: [ContactAnswer] = []
        for row in rows {
            answers.append(try await delete(row, campaignID: entry.campaignID))
        }
        return answers
    }

    /// Sends one chunk of a `chunks` entry: its body as journaled, each contact's outcome
    /// mapped as `perform` maps an upsert's.
    private func performChunk(_ batch: SyncStateMachine.Batch, of entry: JournalEntry, bodies: ChunkBodyReader?)
        async throws -> ChunkOutcomes
    {
        let (body, sentIDs) = try await storedChunk(batch, of: entry, bodies: bodies)
        return try await client.upsertBody(campaignID: entry.campaignID, body: body, sentIDs: sentIDs)
    }

    /// The answers of a chunk whose body cannot be read back: each contact failed, with why.
    static func unsent(_ batch: SyncStateMachine.Batch, _ error: ChunkBodyFile.Unreadable) -> ChunkOutcomes {
        ChunkOutcomes(
            Array(
                repeating: ChunkAnswer(word: "failed", vendorID: nil, message: error.localizedDescription),
                count: batch.count))
    }

    /// A chunk's body as journaled, and the id each of its contacts is sent with.
    private func storedChunk(_ batch: SyncStateMachine.Batch, of entry: JournalEntry, bodies: ChunkBodyReader?)
        async throws -> (body: ByteBuffer, sentIDs: [String?])
    {
        let first = batch.runs.first?.lowerBound ?? 0
        // From the open bodies file; a body kept in its row (before v12) from the journal.
        let body: ByteBuffer
        let namesIDs: Bool
        if let stored = try bodies?.body(first: first) {
            (body, namesIDs) = stored
        } else {
            let kept = try await store.journal.chunkBody(entry.id!, first: first)
            (body, namesIDs) = (ByteBuffer(bytes: kept.body), kept.namesIDs)
        }
        return (body, try Self.sentIDs(body.readableBytesView, count: batch.count, namesIDs: namesIDs))
    }

    /// The id each contact of an Anyreach upsert body was sent with: none when the chunk
    /// names none (`namesIDs` false: its file had no id column, the usual import), else
    /// read from the body.
    static func sentIDs(_ body: some Sequence<UInt8>, count: Int, namesIDs: Bool) throws -> [String?] {
        guard namesIDs else { return Array(repeating: nil, count: count) }
        let decoded = try JSONDecoder().decode(AnyreachUpsertBody.self, from: Data(body))
        var ids = decoded.contacts.map(\.id)
        if ids.count < count { ids += Array(repeating: nil, count: count - ids.count) }
        return ids
    }

    /// Deletes by vendor id, else external id; a contact already gone is `ignored`.
    private func delete(_ row: JournalContact, campaignID: String) async throws -> ContactAnswer {
        guard let key = row.contact.vendorID ?? row.contact.externalID else {
            return ContactAnswer(
                row: row,
                result: .failed(reason: "a contact is deleted by vendor id or external id; this one has neither"))
        }
        do {
            try await client.deleteContact(campaignID: campaignID, contactID: key)
            return ContactAnswer(row: row, result: .removed, vendorID: row.contact.vendorID)
        } catch let error as VendorError where error.status == 404 {
            return ContactAnswer(row: row, result: .ignored(reason: error.message))
        } catch let error as VendorError where !RetryPolicy.isRetryable(error) {
            return ContactAnswer(row: row, result: .failed(reason: error.description))
        }
    }

    /// A campaign create or update. A create asks first for a campaign with the draft's
    /// external id: one there means an earlier send went through (its answer was lost), so
    /// a retry or a replay never makes a second campaign. A create without an external id
    /// is refused before anything is sent.
    private func setUp(_ entry: JournalEntry) async throws {
        guard let draft = entry.campaign, !draft.isEmpty else {
            throw VendorError.invalidRequest("the journal entry has no campaign fields to send")
        }
        if entry.action == .updateCampaign {
            _ = try await client.updateCampaign(id: entry.campaignID, draft)
            return
        }
        guard let externalID = draft.externalID, !externalID.isEmpty else {
            throw VendorError.invalidRequest("a campaign is created with an external id, so a resend cannot make it twice")
        }
        do {
            _ = try await client.campaign(id: externalID)
            return
        } catch let error as VendorError where error.status == 404 {
            _ = try await client.createCampaign(draft)
        }
    }

    /// A lifecycle command; refused because the campaign is already where it was sent
    /// (a replay of a command that went through) counts as done.
    private func perform(_ command: CampaignCommand, campaignID: String) async throws {
        do {
            _ = try await client.perform(command, campaignID: campaignID)
        } catch let error as VendorError where error.status == 400 || error.status == 409 {
            let target: CampaignState =
                switch command {
                case .start: .active
                case .pause: .paused
                case .close: .closed
                }
            guard (try? await client.campaign(id: campaignID))?.state == target else { throw error }
        }
    }
}
