import ArgumentParser
import Foundation
import SwitchboardCore

/// `switchboard journal`: the record of every change, kept before anything is sent.
struct JournalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "Inspect and repair the journal of changes.",
        subcommands: [Replay.self]
    )

    /// `switchboard journal replay`: sends again every entry left pending or sending.
    struct Replay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send again every change left pending or sending (after a crash, a kill or a cut network).",
            discussion: """
                Only contacts without a recorded answer are sent; upserts are keyed and removes are \
                idempotent, so nothing is duplicated. The database is in $SWITCHBOARD_DATA, else \
                $XDG_DATA_HOME/switchboard, else ~/.local/share/switchboard.

                Exit status: 0 when every replayed change is done, 1 when some ended partial or \
                failed, 2 for a configuration problem (accounts file, database, unknown account).
                """
        )

        func run() async throws {
            let accounts: AccountsFile
            let store: Store
            do {
                accounts = try AccountsFile.load()
                store = try Store.open()
            } catch {
                printError("switchboard: \(error)")
                throw ExitCode(2)
            }
            let transport = AsyncHTTPTransport()
            let report: JournalReplay.Report
            do {
                report = try await JournalReplay(store: store, accounts: accounts.accounts) { account in
                    try VendorRegistry.client(for: account, transport: transport)
                }.run()
                try await transport.shutdown()
            } catch let error as ConfigError {
                try? await transport.shutdown()
                printError("switchboard: \(error)")
                throw ExitCode(2)
            } catch {
                try? await transport.shutdown()
                throw error
            }
            for entry in report.settled {
                let counts = try await store.journal.outcomeCounts(of: entry.id!)
                let outcomes = counts.keys.sorted().map { "\($0) \(counts[$0]!)" }.joined(separator: ", ")
                var line =
                    "#\(entry.id!) \(entry.account) \(entry.campaignID) \(entry.action.rawValue): \(entry.state.rawValue)"
                if !outcomes.isEmpty { line += " (\(outcomes))" }
                if let reason = entry.reason { line += " — \(reason)" }
                print(line)
            }
            if report.settled.isEmpty && report.unknownAccounts.isEmpty { print("Nothing to replay.") }
            for (name, count) in report.unknownAccounts.sorted(by: { $0.key < $1.key }) {
                printError(
                    "switchboard: \(count) journal entr\(count == 1 ? "y" : "ies") for account \(name) left pending: "
                        + "no such account in \(accounts.path)")
            }
            if !report.unknownAccounts.isEmpty { throw ExitCode(2) }
            if report.settled.contains(where: { $0.state != .done }) { throw ExitCode(1) }
        }

        private func printError(_ text: String) {
            FileHandle.standardError.write(Data((text + "\n").utf8))
        }
    }
}
