import Console
import ArgumentParser
import Foundation
import SwitchboardCore

/// `switchboard journal`: the record of every change, kept before anything is sent.
struct JournalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "Inspect and replay the journal of changes.",
        discussion: """
            The database is in $SWITCHBOARD_DATA, else $XDG_DATA_HOME/switchboard, else \
            ~/.local/share/switchboard.
            """,
        subcommands: [List.self, Show.self, Export.self, Replay.self, Prune.self]
    )

    /// `journal list [--state S] [--limit N]`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List journal entries, newest first.",
            discussion: """
                Example:
                  switchboard journal list --state pending
                  switchboard journal list --json | jq '.entries[] | select(.failed > 0)'
                """
        )

        @OptionGroup var output: JSONFlag
        @Option(help: "Only entries in this state: \(JournalState.allCases.map(\.rawValue).joined(separator: ", ")).")
        var state: JournalState?
        @Option(help: "At most this many entries.") var limit = 50

        func validate() throws {
            guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        }

        func run() async throws {
            let store = try openStore()
            var entries: [JournalEntry] = []
            // The observation's first value is the journal as it is now.
            for try await latest in store.journal.observeEntries(limit: state == nil ? limit : Int(Int32.max)) {
                entries = Array(latest.filter { state == nil || $0.state == state }.prefix(limit))
                break
            }
            if output.json {
                try JSONOutput.print(.object(["entries": .array(entries.map(\.json))]))
                return
            }
            let style = Style.forStream()
            var table = Table("ID", "STATE", "ACCOUNT", "CAMPAIGN", "ACTION", "CONTACTS", "ANSWERED", "FAILED", "UPDATED")
            for entry in entries {
                table.add(
                    "#\(entry.id!)", entry.state.rawValue, entry.account, entry.campaignID, entry.action.rawValue,
                    String(entry.contactCount), String(entry.answeredCount), String(entry.failedCount),
                    entry.updatedAt.formatted(.iso8601))
            }
            print(table.render(style: style) { column, text in column == 1 ? style.word(text) : text })
        }
    }

    /// `journal prune --older-than DAYS [--include-failed] [--dry-run]`.
    struct Prune: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "prune",
            abstract: "Delete settled journal entries older than some days, with their request bodies.",
            discussion: """
                An entry is pruned when it is done (with --include-failed also partial or failed) and \
                has not changed for the given number of days: its contacts, outcomes, rejected rows and \
                request bodies file (a bulk import keeps about 190 bytes a contact there) are deleted. \
                An entry still to be sent (pending or sending) is never pruned, and the cache of \
                contacts the console shows is kept. The database reuses the space it frees.

                Example:
                  switchboard journal prune --older-than 30 --dry-run
                  switchboard journal prune --older-than 90 --include-failed --json
                """
        )

        @OptionGroup var output: JSONFlag
        @Option(name: .customLong("older-than"), help: "Only entries unchanged for at least this many days.")
        var days: Int
        @Flag(help: "Also prune entries that ended partial or failed (their failures go with them).")
        var includeFailed = false
        @Flag(help: "Only say what would be pruned.")
        var dryRun = false

        func validate() throws {
            guard days >= 0 else { throw ValidationError("--older-than must be 0 days or more, not \(days)") }
        }

        func run() async throws {
            let store = try openStore()
            let cutoff = Date().addingTimeInterval(-Double(days) * 86_400)
            let pruned = try await store.journal.prune(
                before: cutoff, states: includeFailed ? Journal.prunableStates : [.done], dryRun: dryRun)
            if output.json {
                try JSONOutput.print(
                    .object([
                        "dry_run": .bool(dryRun), "entries": .array(pruned.entryIDs.map { .int(Int($0)) }),
                        "contacts": .int(pruned.contacts), "body_bytes": .int(Int(pruned.bodyBytes)),
                    ]))
                return
            }
            let verb = dryRun ? "would prune" : "pruned"
            let megabytes = String(format: "%.1f", Double(pruned.bodyBytes) / 1_000_000)
            print(
                "\(verb) \(pruned.entryIDs.count) \(pruned.entryIDs.count == 1 ? "entry" : "entries") "
                    + "(\(pruned.contacts) contacts, \(megabytes) MB of request bodies)"
                    + (pruned.entryIDs.isEmpty ? "" : ": " + pruned.entryIDs.map { "#\($0)" }.joined(separator: " ")))
        }
    }

    /// `journal export ID`.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write an entry's failed contacts and its file's rejected rows to CSV files.",
            discussion: """
                The files go next to the file the entry imported (else to exports/ in the data \
                directory), mode 0600: <file>-failed-journal-<id>-<time>.csv with each failed \
                contact and the vendor's reason, and <file>-rejected-journal-<id>-<time>.csv with \
                each row rejected before sending: its line, column and reason, then the row as the \
                file had it. Fix the rows there and import that file again; its three rejected_* \
                columns are skipped. A file that would be empty is not written.

                Example:
                  switchboard journal export 12
                  switchboard contacts upsert spring --file leads-rejected-journal-12-1764000000.csv
                """
        )

        @OptionGroup var output: JSONFlag
        @Argument(help: "The entry's id (as `journal list` shows it, with or without #).") var id: String

        func run() async throws {
            let store = try openStore()
            let number = try await journalEntry(id, in: store).id!
            let exported = try await store.journal.exportFailures(of: number)
            if output.json {
                try JSONOutput.print(
                    .object([
                        "failed": .int(exported.count), "failed_path": .text(exported.path),
                        "rejected": .int(exported.rejectCount), "rejected_path": .text(exported.rejectsPath),
                    ]))
                return
            }
            print(exported.text)
        }
    }

    /// `journal show ID`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one journal entry, each contact's outcome and the rows its file had rejected.",
            discussion: "Example:\n  switchboard journal show 12 --json"
        )

        @OptionGroup var output: JSONFlag
        @Argument(help: "The entry's id (as `journal list` shows it, with or without #).") var id: String

        func run() async throws {
            let store = try openStore()
            let entry = try await journalEntry(id, in: store)
            let number = entry.id!
            var rows: [JournalContact] = []
            try await KeysetPages.forEach(
                page: { try await store.journal.contacts(of: number, after: $0, limit: $1) }, key: \.position
            ) { rows += $0 }
            var rejects: [JournalReject] = []
            try await KeysetPages.forEach(
                page: { try await store.journal.rejects(of: number, after: $0, limit: $1) }, key: \.order
            ) { rejects += $0 }
            if output.json {
                guard case .object(var document) = entry.json else { return }
                document["contacts"] = .array(
                    rows.map { row in
                        .object([
                            "position": .int(row.position), "key": .string(UpsertSummary.key(of: row.contact)),
                            "vendor_id": .text(row.vendorID), "outcome": .text(row.outcome),
                            "message": .text(row.message),
                        ])
                    })
                document["rejects"] = .array(
                    rejects.map { reject in
                        .object([
                            "line": .int(reject.line), "column": .text(reject.column), "reason": .string(reject.reason),
                            // A JSON contact's place in the file's array (null for a CSV row).
                            "element": .int(reject.jsonElement),
                            // The row as the file had it, when it was read whole (a JSON contact: its JSON).
                            "fields": reject.fields.map { .array($0.map { .string($0) }) } ?? .null,
                        ])
                    })
                try JSONOutput.print(.object(document))
                return
            }
            let style = Style.forStream()
            var fields = Table("FIELD", "VALUE")
            fields.add("id", "#\(number)")
            fields.add("state", entry.state.rawValue)
            fields.add("account", entry.account)
            fields.add("campaign", entry.campaignID)
            fields.add("action", entry.action.rawValue + (entry.partial ? " (partial)" : ""))
            fields.add("contacts", "\(entry.answeredCount)/\(entry.contactCount) answered, \(entry.failedCount) failed")
            if entry.rejectedCount > 0 {
                let rows = "\(entry.rejectedCount) row\(entry.rejectedCount == 1 ? "" : "s")"
                fields.add("rejected", "\(rows) of the file, before sending")
            }
            if let sourcePath = entry.sourcePath { fields.add("file", sourcePath) }
            fields.add("attempts", String(entry.attempts))
            fields.add("reason", entry.reason ?? "")
            if let outcome = entry.settings?.outcome { fields.add("vendor said", outcome) }
            fields.add("created", entry.createdAt.formatted(.iso8601))
            fields.add("updated", entry.updatedAt.formatted(.iso8601))
            print(fields.render(style: style))
            if !rows.isEmpty {
                var table = Table("#", "KEY", "OUTCOME", "MESSAGE")
                table.maxCellWidth = 100
                for row in rows {
                    table.add(
                        String(row.position), UpsertSummary.key(of: row.contact), row.outcome ?? "", row.message ?? "")
                }
                print("")
                print(table.render(style: style) { column, text in column == 2 ? style.word(text) : text })
            }
            if !rejects.isEmpty {
                var table = Table("LINE", "COLUMN", "REJECTED BECAUSE")
                table.maxCellWidth = 100
                for reject in rejects { table.add(String(reject.line), reject.column ?? "", reject.reason) }
                print("")
                print(table.render(style: style))
            }
        }
    }

    /// `journal replay`: sends again every entry left pending or sending.
    struct Replay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "replay",
            abstract: "Send again every change left pending or sending (after a crash, a kill or a cut network).",
            discussion: """
                Only contacts without a recorded answer are sent; upserts are keyed and removes are \
                idempotent, so nothing is duplicated.

                A read-only account's entries (`readonly = true`, or every account with --readonly) are \
                not sent: they stay pending and are reported.

                Exit status: 0 when every replayed change is done, 1 when some ended partial or failed, \
                2 for a configuration problem (accounts file, database, unknown or read-only account), 3 when \
                a vendor refused the credential, 4 when a vendor is still unreachable (the entries stay for the \
                next replay).

                Example:
                  switchboard journal replay --json
                """
        )

        @OptionGroup var output: JSONFlag
        @Flag(help: "Change nothing: every account counts as read-only, so nothing is sent.")
        var readonly = false

        func run() async throws {
            let environment = ProcessInfo.processInfo.environment
            let accounts = try AccountsFile.load(environment: environment)
            // Read-only accounts are left out, so their entries come back as not replayed.
            let readonlyReasons = Dictionary(
                uniqueKeysWithValues: accounts.accounts.compactMap { account in
                    ReadOnly.reason(account: account, flag: readonly, accountsPath: accounts.path).map { (account.name, $0) }
                })
            let store = try openStore()
            let transport = Session.makeTransport(environment: environment)
            let reaches = Locked<[VendorReach]>([])
            let report: JournalReplay.Report
            do {
                report = try await JournalReplay(
                    store: store, accounts: accounts.accounts.filter { readonlyReasons[$0.name] == nil }
                ) { account in
                    let reach = VendorReach(
                        account: account, policy: Session.settings(for: account.vendor, environment: environment).retry)
                    reaches.update { $0.append(reach) }
                    return ReachingClient(inner: try VendorRegistry.client(for: account, transport: transport), reach: reach)
                }.run()
                try await transport.shutdown()
            } catch {
                try? await transport.shutdown()
                throw error
            }
            let unknownAccounts = report.unknownAccounts.filter { readonlyReasons[$0.key] == nil }
            let readonlyAccounts = report.unknownAccounts.filter { readonlyReasons[$0.key] != nil }
            if output.json {
                var settled: [JSONValue] = []
                for entry in report.settled {
                    guard case .object(var document) = entry.json else { continue }
                    document["outcomes"] = .object(
                        try await store.journal.outcomeCounts(of: entry.id!).mapValues { .int($0) })
                    settled.append(.object(document))
                }
                try JSONOutput.print(
                    .object([
                        "settled": .array(settled),
                        "unknown_accounts": .object(unknownAccounts.mapValues { .int($0) }),
                        "readonly_accounts": .object(readonlyAccounts.mapValues { .int($0) }),
                    ]))
            } else {
                for entry in report.settled {
                    let counts = try await store.journal.outcomeCounts(of: entry.id!)
                    let outcomes = counts.keys.sorted().map { "\($0) \(counts[$0]!)" }.joined(separator: ", ")
                    var line =
                        "#\(entry.id!) \(entry.account) \(entry.campaignID) \(entry.action.rawValue): \(entry.state.rawValue)"
                    if !outcomes.isEmpty { line += " (\(outcomes))" }
                    if let reason = entry.reason { line += " — \(reason)" }
                    print(DisplayText.sanitize(line))
                }
                if report.settled.isEmpty && report.unknownAccounts.isEmpty { print("Nothing to replay.") }
            }
            for (name, count) in unknownAccounts.sorted(by: { $0.key < $1.key }) {
                StandardError.line(
                    "switchboard: \(count) journal entr\(count == 1 ? "y" : "ies") for account \(name) left pending: "
                        + "no such account in \(accounts.path)")
            }
            for (name, count) in readonlyAccounts.sorted(by: { $0.key < $1.key }) {
                StandardError.line(
                    "switchboard: \(count) journal entr\(count == 1 ? "y" : "ies") for account \(name) left pending: "
                        + "the account is read-only (\(readonlyReasons[name]!)); replay refused")
            }
            if !report.unknownAccounts.isEmpty { throw ExitCode(ExitStatus.usage) }
            if let refused = reaches.value.lazy.compactMap(\.refused).first {
                throw CommandFailure(status: ExitStatus.refused, message: "the vendor refused access: \(refused)")
            }
            if report.settled.contains(where: { $0.state != .done }) { throw ExitCode(ExitStatus.partialFailure) }
        }
    }
}

extension JournalState: ExpressibleByArgument {}

extension JournalEntry {
    var json: JSONValue {
        .object([
            "id": .int(id.map(Int.init)),
            "state": .string(state.rawValue),
            "account": .string(account),
            "campaign": .string(campaignID),
            "action": .string(action.rawValue),
            "partial": .bool(partial),
            "attempts": .int(attempts),
            "contacts": .int(contactCount),
            "answered": .int(answeredCount),
            "failed": .int(failedCount),
            "rejected": .int(rejectedCount),
            "reason": .text(reason),
            "created_at": .date(createdAt),
            "updated_at": .date(updatedAt),
        ])
    }
}

/// The journal entry an argument names (`12` or `#12`); a usage error when it names none.
func journalEntry(_ id: String, in store: Store) async throws -> JournalEntry {
    guard let number = Int64(id.trimmingCharacters(in: CharacterSet(charactersIn: "#"))) else {
        throw CommandFailure.usage("\"\(id)\" is not a journal entry id")
    }
    guard let entry = try await store.journal.entry(number) else {
        throw CommandFailure.usage("no journal entry #\(number)")
    }
    return entry
}

/// The store in the data directory; a failure to open it is a configuration error (exit 2).
func openStore() throws -> Store {
    do {
        return try Store.open()
    } catch {
        throw CommandFailure.usage("cannot open the database in \(DataDirectory.path()): \(error)")
    }
}
