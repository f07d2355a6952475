import Foundation
import GRDB

/// How far an entry's sending has come, for progress bars.
public struct SyncProgress: Sendable, Hashable {
    /// Contacts with an outcome (failed ones included).
    public var done: Int
    public var total: Int
    public var failed: Int
    public var state: JournalState
    /// Contacts answered per second since observing began; nil until there is a rate.
    public var contactsPerSecond: Double?
    /// Seconds left at that rate; nil without a rate.
    public var secondsLeft: Double?

    public init(
        done: Int, total: Int, failed: Int, state: JournalState, contactsPerSecond: Double? = nil,
        secondsLeft: Double? = nil
    ) {
        self.done = done
        self.total = total
        self.failed = failed
        self.state = state
        self.contactsPerSecond = contactsPerSecond
        self.secondsLeft = secondsLeft
    }

    /// The fraction done, 0 to 1 (1 for an entry with no contacts once settled).
    public var fraction: Double {
        total > 0 ? Double(done) / Double(total) : (JournalState.unsettled.contains(state) ? 0 : 1)
    }
}

/// Turns successive readings of an entry into progress with a rate and an ETA.
struct ProgressMeter: Sendable {
    private var start: (done: Int, at: Date)?

    mutating func reading(_ entry: JournalEntry, at now: Date) -> SyncProgress {
        var progress = SyncProgress(
            done: entry.answeredCount, total: entry.contactCount, failed: entry.failedCount, state: entry.state)
        guard let start else {
            self.start = (entry.answeredCount, now)
            return progress
        }
        let elapsed = now.timeIntervalSince(start.at)
        let gained = entry.answeredCount - start.done
        if elapsed > 0, gained > 0 {
            let rate = Double(gained) / elapsed
            progress.contactsPerSecond = rate
            progress.secondsLeft = Double(entry.contactCount - entry.answeredCount) / rate
        }
        return progress
    }
}

extension Journal {
    /// The entry's progress after every batch recorded, until it settles; works from any
    /// process that opens the store, since it observes the database.
    public func progress(of entryID: Int64, now: @escaping @Sendable () -> Date = { Date() })
        -> AsyncThrowingStream<SyncProgress, any Error>
    {
        let observation = observeEntry(entryID)
        return AsyncThrowingStream { continuation in
            let task = Task {
                var meter = ProgressMeter()
                do {
                    for try await entry in observation {
                        guard let entry else { break }
                        continuation.yield(meter.reading(entry, at: now()))
                        if !JournalState.unsettled.contains(entry.state) { break }
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// How many of the entry's contacts ended in each outcome (`created`, `failed`, ...).
    public func outcomeCounts(of entryID: Int64) async throws -> [String: Int] {
        try await store.pool.read { db in
            if try Self.isChunks(entryID, db) { return try Self.chunkOutcomeCounts(entryID, db) }
            let rows = try Row.fetchAll(
                db,
                sql:
                    "SELECT outcome, COUNT(*) AS n FROM journalContact WHERE entryID = ? AND outcome IS NOT NULL GROUP BY outcome",
                arguments: [entryID])
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["outcome"] as String, $0["n"] as Int) })
        }
    }
}
