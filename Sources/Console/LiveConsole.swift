import Foundation
import Logging
import SwitchboardCore

/// How the console runs.
public struct ConsoleOptions: Sendable {
    /// Attributes only (`NO_COLOR`, `--no-color`).
    public var noColor: Bool
    /// How often live stats refresh.
    public var refreshInterval: Duration
    /// Where the console logs; never the screen.
    public var logger: Logger
    /// `--readonly`: no change keys for any account (an account's `readonly = true` does
    /// the same for that account).
    public var readonly: Bool

    public init(noColor: Bool, refreshInterval: Duration = .seconds(2), logger: Logger, readonly: Bool = false) {
        self.noColor = noColor
        self.refreshInterval = refreshInterval
        self.logger = logger
        self.readonly = readonly
    }

    /// True when the environment asks for no colour (`NO_COLOR` set and not empty).
    public static func environmentWantsNoColor(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Bool
    {
        !(environment["NO_COLOR"] ?? "").isEmpty
    }
}

/// The interactive console over the accounts: owns the terminal on a thread of its own
/// until the operator quits, a signal arrives, or the input ends, and always gives the
/// terminal back. Run it with `SWIFT_BACKTRACE=interactive=no` so a crash report never
/// waits at a prompt (the crash handler restores the terminal before it prints).
public enum LiveConsole {
    public static func run(accounts: [Account], store: Store, options: ConsoleOptions) async throws -> ConsoleExit {
        let transport = AsyncHTTPTransport()
        var clients: [String: any VendorClient] = [:]
        var infos: [AccountInfo] = []
        for account in accounts {
            do {
                let client = try VendorRegistry.client(for: account, transport: transport)
                clients[account.name] = client
                infos.append(
                    AccountInfo(
                        name: account.name, vendorName: account.vendor.displayName, capabilities: client.capabilities,
                        configuredCampaigns: account.campaigns, readonly: options.readonly || account.readonly,
                        contactFields: (client as? any ContactFormVendor)?.contactFormFields ?? [],
                        defaultCountryCode: account.defaultCountryCode,
                        accountContacts: (client as? any AccountContactsVendor)?.accountContacts))
            } catch {
                options.logger.error("account skipped", metadata: ["account": "\(account.name)", "error": "\(error)"])
            }
        }
        let inbox = try Inbox()
        let runner = EffectRunner(
            clients: clients, accounts: accounts,
            readonlyAccounts: Set(accounts.filter { options.readonly || $0.readonly }.map(\.name)), store: store, inbox: inbox, logger: options.logger)
        let state = AppState(accounts: infos, width: 80, height: 24, now: Date(), refreshInterval: options.refreshInterval)
        let signals = SignalWatch(inbox: inbox)
        let exit = await withCheckedContinuation { (continuation: CheckedContinuation<ConsoleExit, Never>) in
            let thread = Thread {
                let terminal = CursesTerminal(noColor: options.noColor)
                let loop = ConsoleLoop(terminal: terminal, inbox: inbox, runner: runner, state: state)
                let exit = loop.run()
                terminal.restore()
                continuation.resume(returning: exit)
            }
            thread.name = "switchboard.terminal"
            thread.start()
        }
        signals.cancel()
        runner.cancelAll()
        try? await transport.shutdown()
        options.logger.info("console closed", metadata: ["exit": "\(exit)"])
        return exit
    }
}
