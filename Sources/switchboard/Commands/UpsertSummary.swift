import Console
import Foundation
import SwitchboardCore

/// What an upsert did to each contact, in the words: `created`, `updated`,
/// `removed`, `ignored`, `failed` (the vendor said no) or `rejected` (invalid before sending).
struct UpsertSummary {
    struct Counts {
        var created = 0, updated = 0, removed = 0, ignored = 0, failed = 0, rejected = 0

        mutating func add(_ outcome: String) {
            switch outcome {
            case "created": created += 1
            case "updated": updated += 1
            case "removed": removed += 1
            case "ignored": ignored += 1
            case "rejected": rejected += 1
            default: failed += 1
            }
        }

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

    /// One contact's line of the report.
    struct Line {
        var key: String?
        var line: Int
        var outcome: String
        var message: String?
    }

    let action: UpsertContacts.Action
    var counts = Counts()
    var contacts: [Line] = []
    /// The file line of each journaled contact, by its position in the entry.
    var lines: [Int] = []
    var journalID: Int64?

    init(action: UpsertContacts.Action) {
        self.action = action
    }

    mutating func reject(_ problems: [ImportProblem]) {
        for problem in problems {
            let message = problem.column.map { "column \"\($0)\": \(problem.reason)" } ?? problem.reason
            contacts.append(Line(key: nil, line: problem.line, outcome: "rejected", message: message))
            counts.rejected += 1
        }
    }

    /// Reads every contact's outcome from the journal entry.
    mutating func collect(_ entry: JournalEntry, journal: Journal, known: KnownContacts) async throws {
        journalID = entry.id
        var after = -1
        while true {
            let rows = try await journal.contacts(of: entry.id!, after: after, limit: 1000)
            for row in rows {
                let outcome = Self.word(for: row, known: known)
                counts.add(outcome)
                contacts.append(
                    Line(
                        key: Self.key(of: row.contact), line: row.position < lines.count ? lines[row.position] : 0,
                        outcome: outcome, message: row.message ?? (row.outcome == nil ? entry.reason : nil)))
            }
            guard let last = rows.last else { break }
            after = last.position
        }
        contacts.sort { $0.line < $1.line }
    }

    /// The word for a journal outcome; `upserted` resolved by the cache (see `UpsertContacts`).
    static func word(for row: JournalContact, known: KnownContacts) -> String {
        switch row.outcome {
        case "upserted": known.contains(row.contact) ? "updated" : "created"
        case "created", "updated", "removed", "ignored", "failed": row.outcome!
        default: "failed"  // no answer recorded: the entry stopped before this contact
        }
    }

    /// How the operator knows the contact: their own key first.
    static func key(of contact: Contact) -> String {
        contact.externalID ?? contact.email ?? contact.phoneNumbers.first ?? contact.vendorID ?? ""
    }

    func print(session: Session, campaign: String, json: Bool, dryRun: Bool) throws {
        if json {
            var document = session.header
            document["campaign"] = .string(campaign)
            document["action"] = .string(action.rawValue)
            document["journal_id"] = .int(journalID.map(Int.init))
            document["dry_run"] = .bool(dryRun)
            document["valid"] = .int(lines.count)
            document["counts"] = counts.json
            document["contacts"] = .array(
                contacts.map {
                    .object([
                        "key": .text($0.key), "line": .int($0.line), "outcome": .string($0.outcome),
                        "message": .text($0.message),
                    ])
                })
            try JSONOutput.print(.object(document))
            return
        }
        let style = Style.forStream()
        if !contacts.isEmpty {
            var table = Table("LINE", "KEY", "OUTCOME", "MESSAGE")
            table.maxCellWidth = 100
            for contact in contacts {
                table.add(String(contact.line), contact.key ?? "", contact.outcome, contact.message ?? "")
            }
            Swift.print(table.render(style: style) { column, text in column == 2 ? style.word(text) : text })
        }
        let place = journalID.map { "journal #\($0)" } ?? (dryRun ? "dry run, nothing sent" : "nothing journaled")
        let valid = dryRun ? "\(lines.count) valid, " : ""
        Swift.print("\(action.rawValue) \(DisplayText.sanitize(campaign)) (\(place)): \(valid)\(counts.text)")
    }
}
