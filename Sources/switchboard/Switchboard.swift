import Console
import ArgumentParser
import Foundation
import Logging
import SwitchboardCore

/// The `switchboard` command: one console over several vendors' campaign systems.
@main
struct Switchboard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switchboard",
        abstract: "A terminal console for outbound contact campaigns across vendors.",
        discussion: """
            Accounts are read from $SWITCHBOARD_CONFIG, else $XDG_CONFIG_HOME/switchboard/config.toml, \
            else ~/.config/switchboard/config.toml. The database and the log (switchboard.log) are in \
            $SWITCHBOARD_DATA, else $XDG_DATA_HOME/switchboard, else ~/.local/share/switchboard.

            Every listing takes --json (one JSON document on standard output). Exit status: 0 all done; \
            1 some contacts failed or were rejected, or the vendor refused the request; 2 usage or \
            configuration error, or a change refused because the account is read-only (--readonly, or \
            readonly = true in the account; nothing is journaled or sent); 3 the vendor refused the \
            credential (401, 403); 4 the vendor was \
            unreachable after retries (journaled changes wait for `switchboard journal replay`).

            Environment: SWITCHBOARD_RETRY_ATTEMPTS (attempts per request, default 6), \
            SWITCHBOARD_RETRY_DELAY (first backoff in seconds, default 0.5), SWITCHBOARD_CONNECT_TIMEOUT \
            (seconds per connection attempt, default 10), SWITCHBOARD_LOG_LEVEL, NO_COLOR.

            Example:
              switchboard accounts list
              switchboard campaigns list --status active --json --account acme-calls
            """,
        subcommands: [
            AccountsCommand.self, CampaignsCommand.self, ConfigurationsCommand.self, TimezonesCommand.self,
            ConcurrencyCommand.self, ContactsCommand.self, StatsCommand.self, JournalCommand.self,
            SandboxCommand.self, ConsoleCommand.self, DemoCommand.self, ReferenceCommand.self,
        ],
        defaultSubcommand: ConsoleCommand.self
    )

    /// Subcommands that do their work and exit: their tasks run on the HTTP event loops
    /// (`ConcurrencyPool`). Every subcommand but the long-lived ones, which keep the default pool.
    static let oneShotCommands: Set<String> = {
        let longLived: [ParsableCommand.Type] = [ConsoleCommand.self, DemoCommand.self, SandboxCommand.self]
        let names = { (commands: [ParsableCommand.Type]) in Set(commands.compactMap { $0.configuration.commandName }) }
        return names(configuration.subcommands).subtracting(names(longLived))
    }()

    /// Parses, runs, and exits with the documented status; errors go to standard error and the log.
    static func main() async {
        // glibc gives each thread that allocates its own heap arena (up to 8 per core),
        // each keeping freed memory; two keep an import of any size near its steady
        // working set (measured: 8 MB less peak RSS on a 100,000-contact import).
        _ = glibcMallopt(-8 /* M_ARENA_MAX, malloc.h */, 2)
        let environment = ProcessInfo.processInfo.environment
        if let command = CommandLine.arguments.dropFirst().first, oneShotCommands.contains(command) {
            ConcurrencyPool.runOnEventLoops()
        }
        FileLog.bootstrap(directory: DataDirectory.path(environment: environment), environment: environment)
        let logger = Logger(label: "switchboard.cli")
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as CommandFailure {
            fail(error, logger: logger)
        } catch let error as ConfigError {
            fail(error, logger: logger)
        } catch let error as VendorError {
            fail(error, logger: logger)
        } catch let error as VendorUnreachable {
            fail(error, logger: logger)
        } catch let error as ImportProblem {
            fail(error, logger: logger)
        } catch let error as ImportMappingError {
            fail(error, logger: logger)
        } catch let error as JournalError {
            fail(error, logger: logger)
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            let message = fullMessage(for: error)
            if !message.isEmpty { StandardError.line(message) }
            // ArgumentParser's usage status is 64 (EX_USAGE); Switchboard documents 2.
            let status = code == .validationFailure ? ExitStatus.usage : code.rawValue
            logger.error("command ended", metadata: ["status": "\(status)", "error": "\(message)"])
            Foundation.exit(status)
        }
    }

    private static func fail(_ error: any Error, logger: Logger) -> Never {
        let (status, message) = ExitStatus.of(error)
        StandardError.line("switchboard: " + DisplayText.sanitize(message))
        logger.error("command ended", metadata: ["status": "\(status)", "error": "\(message)"])
        Foundation.exit(status)
    }
}

/// glibc's `mallopt(3)`, which the Glibc module does not export (`malloc.h` is not in it).
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
