import Foundation

/// What an import expects the vendor to do with a valid contact, going by the cache: the
/// dry run's prediction (the vendor has the last word when the change is sent).
public enum PredictedOutcome: String, Sendable, Hashable, CaseIterable {
    case created, updated, removed, ignored
}

extension UpsertAction {
    /// The outcome expected for a contact the cache holds for the campaign (`cached`) or not.
    public func predictedOutcome(cached: Bool) -> PredictedOutcome {
        switch self {
        case .upsert: cached ? .updated : .created
        case .updateOnly: cached ? .updated : .ignored
        case .remove: cached ? .removed : .ignored
        }
    }
}

/// A dry run's tally of a whole file: the expected outcome of every valid contact, every
/// rejected row counted (once, however many problems it has), and the first problems kept with their line, column and reason.
public struct ImportPrediction: Sendable, Hashable {
    public var counts: [PredictedOutcome: Int] = [:]
    public var rejected = 0
    /// Problems found in those rows (a row can have several).
    public var problemCount = 0
    /// The first `keep` problems of the rejected rows, in file order.
    public var firstRejects: [ImportProblem] = []
    /// How many rejects are kept.
    public let keep: Int

    public init(keep: Int = 50) { self.keep = keep }

    /// Valid contacts.
    public var valid: Int { counts.values.reduce(0, +) }

    /// Takes in one batch and, per contact, whether the cache holds it.
    public mutating func add(_ batch: ImportBatch, cached: [Bool], action: UpsertAction) {
        for index in batch.contacts.indices {
            counts[action.predictedOutcome(cached: index < cached.count && cached[index]), default: 0] += 1
        }
        rejected += batch.rejectedRows
        problemCount += batch.problems.count
        if firstRejects.count < keep {
            firstRejects += batch.problems.sorted { $0.line < $1.line }.prefix(keep - firstRejects.count)
        }
    }
}

extension Store {
    /// Streams `source` into one `pending` journal entry of `change`'s account, campaign and
    /// action (its contacts are ignored: the file's are used), recording the first batch that
    /// has contacts and appending the rest, so memory stays flat. `each` sees every batch
    /// with which of its contacts the cache holds for the campaign and the entry's id so far,
    /// after the batch is journaled. With `lane` `chunks`, an eligible import takes the bulk
    /// lane (`journalChunks`): the whole file is journaled first, then `each` sees its batches
    /// (their lines, no `Contact` models: `ImportBatch.encodedCount`). Rejected rows are kept
    /// with the entry: line, reason and the row's fields, with the file's header
    /// (`Journal.rejects(of:after:limit:)`). With `dryRun` nothing is journaled.
    ///
    /// - Returns: the entry's id, or nil when nothing was journaled (a dry run, or no valid
    ///   contact in the file).
    public func journalImport(
        _ source: ContactImport, as change: Change, dryRun: Bool = false, sourcePath: String? = nil,
        lane: ImportLane = .current, each: (ImportBatch, _ cached: [Bool], _ entryID: Int64?) async throws -> Void
    ) async throws -> Int64? {
        if !dryRun, let plan = try await bulkLanePlan(source, as: change, lane: lane),
            let entryID = try await journalChunks(source, plan: plan, as: change, sourcePath: sourcePath, each: each)
        {
            return entryID
        }
        var entryID: Int64?
        // Rejected rows wait for the entry when none is journaled yet (a file starting with them).
        var rejects: [ImportReject] = []
        while let batch = try source.nextBatch() {
            try Task.checkCancellation()
            let cached = try await cached(batch.contacts, account: change.account, campaignID: change.campaignID)
            if !dryRun, !batch.contacts.isEmpty {
                if let entryID {
                    try await journal.append(batch.contacts, to: entryID)
                } else {
                    var first = change
                    first.contacts = batch.contacts
                    let id = try await journal.record(first).id
                    entryID = id
                    if let id, sourcePath != nil || source.mapping != nil {
                        let header = try source.mapping.map {
                            String(decoding: try JSONEncoder().encode($0.header), as: UTF8.self)
                        }
                        try await pool.write { db in
                            try JournalEntry.filter(key: id).updateAll(
                                db, JournalEntry.Columns.sourcePath.set(to: sourcePath),
                                JournalEntry.Columns.sourceHeader.set(to: header))
                        }
                    }
                }
            }
            if !dryRun {
                rejects += ImportReject.rows(
                    batch.problems, fields: batch.rejectedFields, objects: batch.rejectedObjects)
            }
            if let entryID, !rejects.isEmpty {
                try await journal.addRejected(rejects, to: entryID)
                rejects = []
            }
            try await each(batch, cached, entryID)
        }
        return entryID
    }
}

/// Where an entry's failed contacts (`kind` "failed") or rejected rows ("rejected") are
/// exported: next to the file it imported when there is one and its directory can be
/// written, else `exports/` in the data directory.
public enum FailureExport {
    public static func path(
        entryID: Int64, sourcePath: String?, dataDirectory: String, stamp: Int64, kind: String = "failed",
        extension fileExtension: String = "csv",
        canWrite: (String) -> Bool = { FileManager.default.isWritableFile(atPath: $0) }
    ) -> String {
        if let sourcePath {
            let source = URL(fileURLWithPath: sourcePath)
            let directory = source.deletingLastPathComponent().path
            if canWrite(directory) {
                let stem = source.deletingPathExtension().lastPathComponent
                return source.deletingLastPathComponent()
                    .appendingPathComponent("\(stem)-\(kind)-journal-\(entryID)-\(stamp).\(fileExtension)").path
            }
        }
        return URL(fileURLWithPath: dataDirectory).appendingPathComponent("exports")
            .appendingPathComponent("\(kind)-journal-\(entryID)-\(stamp).\(fileExtension)").path
    }
}
