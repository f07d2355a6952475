import ArgumentParser
import Console
import Foundation
import Logging
import SwitchboardCore

/// Options every command that opens the console shares.
struct ConsoleFlags: ParsableArguments {
    @Flag(name: .long, help: "No colours; bold, reverse and symbols stay (NO_COLOR does the same).")
    var noColor = false

    @Option(name: .long, help: "Seconds between live stats refreshes.")
    var refresh: Double = 2

    @Flag(
        name: .long,
        help: "Change nothing: every key that would change data is refused (readonly = true in an account does this for one account).")
    var readonly = false

    func validate() throws {
        guard refresh >= 0.2 else { throw ValidationError("--refresh must be at least 0.2 seconds") }
    }

    /// Opens the console on `accounts` until the operator quits; returns its exit status.
    func open(accounts: [Account], store: Store) async throws -> Int32 {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw ValidationError("the console needs a terminal on standard input and output")
        }
        let options = ConsoleOptions(
            noColor: noColor || ConsoleOptions.environmentWantsNoColor(), refreshInterval: .seconds(refresh),
            logger: Logger(label: "switchboard.console"), readonly: readonly)
        return try await LiveConsole.run(accounts: accounts, store: store, options: options).status
    }
}

/// `switchboard` with no subcommand: the console on the accounts file.
struct ConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open the console on the accounts in the accounts file (the default command).",
        discussion: """
            Keys: ? lists them. q quits; the terminal is restored on q, Ctrl-C, SIGTERM, SIGHUP and when the \
            terminal goes away. Run with SWIFT_BACKTRACE=interactive=no so a crash report never waits at a prompt.
            """)

    @OptionGroup var console: ConsoleFlags

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let accounts = try AccountsFile.load(environment: environment)
        let store = try Store.open(directory: DataDirectory.path(environment: environment))
        let status = try await console.open(accounts: accounts.accounts, store: store)
        if status != 0 { throw ExitCode(status) }
    }
}
