import Console
import Foundation
import SwitchboardCore

/// What an upsert did to each contact, in the words: `created`, `updated`,
/// `removed`, `ignored`, `failed` (the vendor said no) or `rejected` (invalid before sending).
///
/// Flat in memory however long the file: each contact's line is written as it is read back
/// from the journal (or, in a dry run, as the file is read); only the rejected rows, the
/// file line of each journaled contact and one bit per contact are kept until then.
struct UpsertSummary {
    struct Counts {
        var created = 0, updated = 0, removed = 0, ignored = 0, failed = 0, rejected = 0

        /// Counts a word by its index in `OutcomeWriter.words`.
        mutating func add(wordAt index: Int) {
            switch index {
            case 0: created += 1
            case 1: updated += 1
            case 2: removed += 1
            case 3: ignored += 1
            case 5: rejected += 1
            default: failed += 1
            }
        }

        /// Counts a word (any word not in `OutcomeWriter.words` as `failed`).
        mutating func add(_ outcome: String) { add(wordAt: OutcomeWriter.words.firstIndex(of: outcome) ?? 4) }

        var json: JSONValue {
            .object([
                "created": .int(created), "updated": .int(updated), "removed": .int(removed),
                "ignored": .int(ignored), "failed": .int(failed), "rejected": .int(rejected),
            ])
        }

        var text: String {
            "\(created) created, \(updated) updated, \(removed) removed, \(ignored) ignored, \(failed) failed, \(rejected) rejected"
        }
    }

    let action: UpsertContacts.Action
    let dryRun: Bool
    private var output: OutcomeWriter
    /// Rows refused before sending, in file order, until they are merged into the report.
    private var rejects: [OutcomeWriter.Row] = []
    private var nextReject = 0
    /// The file line of each journaled contact, by its position in the entry.
    private var lines = LineRuns()
    /// Per journaled contact: whether the cache held it before (an `upserted` is `updated`).
    private var known = BitSet()
    /// The journal entry the contacts went into; nil in a dry run or when none was valid.
    private var journalID: Int64?
    /// Contacts that passed validation.
    private(set) var valid = 0
    var counts: Counts { output.counts }

    init(action: UpsertContacts.Action, dryRun: Bool, session: Session, campaign: String, json: Bool) {
        self.action = action
        self.dryRun = dryRun
        var header = session.header
        header["campaign"] = .string(campaign)
        header["action"] = .string(action.rawValue)
        header["dry_run"] = .bool(dryRun)
        header["journal_id"] = .null
        output = OutcomeWriter(json: json, header: header)
    }

    /// Takes in one batch of the file: its rejected rows and valid contacts, and for each
    /// contact whether the cache holds it. A dry run writes the batch's lines at once.
    mutating func add(_ batch: ImportBatch, cached: [Bool]) {
        // One rejected row per file line, its problems joined (a row can have several), as the journal keeps them.
        let batchRejects = ImportReject.rows(batch.problems).map {
            OutcomeWriter.Row(line: $0.line, key: nil, outcome: "rejected", message: $0.message)
        }
        valid += batch.validCount
        guard dryRun else {
            rejects += batchRejects
            for line in batch.rowNumbers { lines.append(line) }
            for flag in cached { known.append(flag) }
            return
        }
        var pending = batchRejects[...]
        for (index, contact) in batch.contacts.enumerated() {
            let line = batch.rowNumbers[index]
            while let reject = pending.first, reject.line < line {
                output.write(reject)
                pending.removeFirst()
            }
            let outcome = Self.predicted(action, cached: index < cached.count && cached[index])
            output.write(OutcomeWriter.Row(line: line, key: Self.key(of: contact), outcome: outcome, message: nil))
        }
        for reject in pending { output.write(reject) }
    }

    /// What a dry run expects the vendor to do with a contact, going by the cache.
    static func predicted(_ action: UpsertContacts.Action, cached: Bool) -> String {
        action.change.upsertAction!.predictedOutcome(cached: cached).rawValue
    }

    /// Writes every contact's outcome from the journal entry, merged with the rejected rows
    /// in file order.
    mutating func collect(_ entry: JournalEntry, journal: Journal) async throws {
        journalID = entry.id
        output.header["journal_id"] = .int(entry.id.map(Int.init))
        if try await collectRuns(entry, journal: journal) { return }
        try await KeysetPages.forEach(
            page: { try await journal.outcomes(of: entry.id!, after: $0, limit: $1) }, key: \.position
        ) { rows in
            for row in rows {
                let line = lines.line(at: row.position) ?? 0
                writeRejects(before: line)
                output.write(
                    OutcomeWriter.Row(
                        line: line, key: row.key,
                        outcome: Self.word(for: row.outcome, known: known.contains(row.position)),
                        message: row.message ?? (row.outcome == nil ? entry.reason : nil)))
            }
        }
    }

    /// Contacts read a database read at a time by `collectRuns`: 16 chunks of 1000 (their
    /// keys and outcomes, under 1 MB), so a million contacts take 63 reads, not 1000.
    static let runPage = 16_000

    /// `collect` for a `chunks` entry, a chunk at a time (no `JournalOutcome` per contact);
    /// false, with nothing written, for a `rows` entry.
    private mutating func collectRuns(_ entry: JournalEntry, journal: Journal) async throws -> Bool {
        var after = -1
        while true {
            guard let runs = try await journal.outcomeRuns(of: entry.id!, after: after, limit: Self.runPage) else {
                return false
            }
            guard let last = runs.last else { return true }
            for run in runs {
                run.forEach(after: after) { position, key, word, message in
                    let line = lines.line(at: position) ?? 0
                    writeRejects(before: line)
                    let shown = Self.reportWord(run: word, known: known.contains(position))
                    let text = message ?? (word == nil ? entry.reason : nil)
                    if text == nil, output.writeCommon(line: line, key: key, word: shown) { return true }
                    output.write(
                        OutcomeWriter.Row(
                            line: line, key: String(decoding: key, as: UTF8.self), outcome: OutcomeWriter.words[shown],
                            message: text))
                    return true
                }
            }
            after = last.first + last.count - 1
        }
    }

    /// The word for a journal outcome; `upserted` resolved by the cache (see `UpsertContacts`).
    static func word(for outcome: String?, known: Bool) -> String {
        OutcomeWriter.words[reportWord(run: outcome.flatMap { OutcomeRun.words.firstIndex(of: $0) }, known: known)]
    }

    /// `word(for:known:)` by index: from `OutcomeRun.words` (nil: no answer, or a word not
    /// there) to `OutcomeWriter.words`.
    static func reportWord(run index: Int?, known: Bool) -> Int {
        switch index {
        case 0: 0  // created
        case 1: 1  // updated
        case 2: known ? 1 : 0  // upserted
        case 3: 2  // removed
        case 4: 3  // ignored
        default: 4  // failed, or no answer recorded
        }
    }

    /// How the operator knows the contact: their own key first.
    static func key(of contact: Contact) -> String {
        contact.externalID ?? contact.email ?? contact.phoneNumbers.first ?? contact.vendorID ?? ""
    }

    private mutating func writeRejects(before line: Int) {
        while nextReject < rejects.count, rejects[nextReject].line < line {
            output.write(rejects[nextReject])
            nextReject += 1
        }
    }

    /// Writes what is left and the summary (the closing members of the JSON document).
    mutating func finish() {
        writeRejects(before: Int.max)
        output.header["valid"] = .int(valid)
        let place = journalID.map { "journal #\($0)" } ?? (dryRun ? "dry run, nothing sent" : "nothing journaled")
        let validText = dryRun ? "\(valid) valid, " : ""
        output.finish(
            summary:
                "\(action.rawValue) \(DisplayText.sanitize(output.campaign)) (\(place)): \(validText)\(output.counts.text)")
    }
}

/// One bit per journaled contact.
struct BitSet {
    private var words: [UInt64] = []
    private(set) var count = 0

    mutating func append(_ flag: Bool) {
        if count % 64 == 0 { words.append(0) }
        if flag { words[count / 64] |= 1 << UInt64(count % 64) }
        count += 1
    }

    func contains(_ index: Int) -> Bool {
        index < count && words[index / 64] & (1 << UInt64(index % 64)) != 0
    }
}
