import Foundation
import GRDB

/// What `Journal.prune` removed (or, in a dry run, would remove).
public struct JournalPrune: Sendable, Equatable {
    /// The entries, oldest first.
    public var entryIDs: [Int64] = []
    /// Their contacts, all told.
    public var contacts = 0
    /// The bytes of their request bodies files (a bulk import keeps about 190 bytes a contact there).
    public var bodyBytes: Int64 = 0
}

extension Journal {
    /// The states an entry can be pruned in: settled. A `pending` or `sending` entry still
    /// has contacts to send and is never pruned.
    public static let prunableStates: Set<JournalState> = [.done, .partial, .failed]

    /// Deletes the settled entries in `states` last changed before `date`, with their
    /// contacts, chunks, outcomes and rejected rows, then their request bodies files. The
    /// store's cache of contacts is kept; so is every entry still to be sent. With `dryRun`,
    /// only says what would go.
    ///
    /// The files are removed after the deletion commits: a kill between the two leaves
    /// files no entry names, which the next bulk import removes (`ChunkBodyFile.removeOrphans`).
    public func prune(
        before date: Date, states: Set<JournalState> = [.done], dryRun: Bool = false
    ) async throws -> JournalPrune {
        let states = states.intersection(Self.prunableStates)
        guard !states.isEmpty else { return JournalPrune() }
        let (pruned, directory) = try await store.pool.write { db -> (JournalPrune, String) in
            let rows = try SQLRequest<Row>(
                literal: """
                    SELECT id, contactCount FROM journalEntry
                    WHERE state IN \(states.map(\.rawValue)) AND updatedAt < \(date) ORDER BY id
                    """
            ).fetchAll(db)
            var pruned = JournalPrune()
            let directory = try ChunkBodyFile.directory(db)
            for row in rows {
                let id: Int64 = row[0]
                pruned.entryIDs.append(id)
                pruned.contacts += row[1] as Int
                var status = stat()
                if stat(ChunkBodyFile.path(directory: directory, entryID: id), &status) == 0 {
                    pruned.bodyBytes += Int64(status.st_size)
                }
            }
            if !dryRun && !pruned.entryIDs.isEmpty {
                // Outcomes name their chunk, not the entry: they go with the chunks (ON DELETE CASCADE).
                try db.execute(literal: "DELETE FROM journalEntry WHERE id IN \(pruned.entryIDs)")
            }
            return (pruned, directory)
        }
        if !dryRun {
            for id in pruned.entryIDs { unlink(ChunkBodyFile.path(directory: directory, entryID: id)) }
        }
        return pruned
    }
}
