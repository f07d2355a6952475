import ArgumentParser
import Foundation
import Logging
import SwitchboardCore

/// `--account NAME`, shared by every command that talks to a vendor.
struct AccountOption: ParsableArguments {
    @Option(name: .long, help: "The account to use (a name from the accounts file); optional when there is only one.")
    var account: String?

    @Flag(
        name: .long,
        help: "Change nothing: commands that would change data are refused (readonly = true in an account does this for one account).")
    var readonly = false
}

/// `--json`, shared by every command that prints a listing or a result.
struct JSONFlag: ParsableArguments {
    @Flag(name: .long, help: "Print one JSON document on standard output instead of a table.")
    var json = false
}

/// What a command needs to talk to one account's vendor: the account, its client (every
/// call retried while the vendor gives no answer), the retry policy, and the log.
struct Session: Sendable {
    let accounts: AccountsFile
    let account: Account
    /// The vendor's own client, for routes the neutral protocol lacks.
    let vendorClient: any VendorClient
    /// The neutral client through `reach`.
    let client: any VendorClient
    let reach: VendorReach
    let settings: SyncSettings
    let logger: Logger
    /// `--readonly` was given: no change to any account.
    let readonlyFlag: Bool
    private let transport: AsyncHTTPTransport

    /// Loads the accounts file, picks the account and makes its client, runs `body`, and
    /// shuts the HTTP client down whatever happens.
    static func with<T: Sendable>(
        account name: String?, readonly: Bool = false, _ body: @Sendable (Session) async throws -> T
    ) async throws -> T {
        let environment = ProcessInfo.processInfo.environment
        let accounts = try AccountsFile.load(environment: environment)
        let account = try accounts.account(named: name)
        let transport = makeTransport(environment: environment)
        do {
            let session = try Session(
                accounts: accounts, account: account, readonly: readonly, transport: transport, environment: environment)
            session.logger.info("command started", metadata: ["account": "\(account.name)", "vendor": "\(account.vendor.rawValue)"])
            let result = try await body(session)
            try await transport.shutdown()
            return result
        } catch {
            try? await transport.shutdown()
            throw error
        }
    }

    private init(
        accounts: AccountsFile, account: Account, readonly: Bool, transport: AsyncHTTPTransport,
        environment: [String: String]
    ) throws {
        self.accounts = accounts
        self.account = account
        readonlyFlag = readonly
        self.transport = transport
        settings = Self.settings(for: account.vendor, environment: environment)
        vendorClient = try VendorRegistry.client(for: account, transport: transport)
        reach = VendorReach(account: account, policy: settings.retry)
        client = ReachingClient(inner: vendorClient, reach: reach)
        logger = Logger(label: "switchboard.cli")
    }

    /// The vendor's sync settings, with `SWITCHBOARD_RETRY_ATTEMPTS` (attempts per request,
    /// the first included) and `SWITCHBOARD_RETRY_DELAY` (the first backoff, in seconds) applied.
    static func settings(for vendor: Vendor, environment: [String: String]) -> SyncSettings {
        var settings = SyncSettings.defaults(for: vendor)
        if let attempts = environment["SWITCHBOARD_RETRY_ATTEMPTS"].flatMap(Int.init), attempts >= 1 {
            settings.retry.maxAttempts = attempts
        }
        if let delay = environment["SWITCHBOARD_RETRY_DELAY"].flatMap(Double.init), delay >= 0 {
            settings.retry.baseDelay = delay
            settings.retry.maxDelay = delay * 16
        }
        return settings
    }

    /// The HTTP transport; `SWITCHBOARD_CONNECT_TIMEOUT` (seconds, default 10) bounds each
    /// connection attempt, which is how long a refused connection keeps being retried.
    static func makeTransport(environment: [String: String]) -> AsyncHTTPTransport {
        guard let seconds = environment["SWITCHBOARD_CONNECT_TIMEOUT"].flatMap(Double.init), seconds > 0 else {
            return AsyncHTTPTransport()
        }
        return AsyncHTTPTransport(connectTimeout: .milliseconds(Int64(seconds * 1000)))
    }

    /// Throws (exit status 2, before anything is journaled or sent) when the account takes
    /// no changes: `--readonly` was given, or the account says `readonly = true`.
    func requireWritable(_ what: String) throws {
        if let reason = ReadOnly.reason(account: account, flag: readonlyFlag, accountsPath: accounts.path) {
            throw ReadOnly.refusal(what, account: account.name, reason: reason)
        }
    }

    /// Throws "not supported by <vendor>" unless the vendor has `capability`.
    func require(_ capability: VendorCapabilities, for what: String) throws {
        guard client.capabilities.contains(capability) else {
            throw CommandFailure.unsupported(what, by: account.vendor)
        }
    }

    /// The Anyreach client, for the routes only Anyreach has (configurations, timezones,
    /// concurrency, campaign create and update), after checking `capability`.
    func anyreach(_ capability: VendorCapabilities, for what: String) throws -> AnyreachClient {
        try require(capability, for: what)
        guard let anyreach = vendorClient as? AnyreachClient else {
            throw CommandFailure.unsupported(what, by: account.vendor)
        }
        return anyreach
    }

    /// The sync engine for this account, sending through `client`.
    func engine(store: Store) -> SyncEngine {
        SyncEngine(store: store, client: client, settings: settings)
    }

    /// Throws exit status 3 when the vendor refused the credential during the command.
    func checkRefusal() throws {
        if let refused = reach.refused {
            throw CommandFailure(status: ExitStatus.refused, message: "the vendor refused access: \(refused)")
        }
    }
}

/// Why an account takes no changes from this command, and the refusal that says so.
enum ReadOnly {
    /// `--readonly` first (it covers every account), then the account's own setting; nil
    /// when the account takes changes.
    static func reason(account: Account, flag: Bool, accountsPath: String) -> String? {
        if flag { return "--readonly was given" }
        if account.readonly { return "readonly = true in \(accountsPath)" }
        return nil
    }

    static func refusal(_ what: String, account: String, reason: String) -> CommandFailure {
        CommandFailure(
            status: ExitStatus.usage,
            message: "account \(account) is read-only (\(reason)): \(what) refused; nothing was journaled or sent")
    }
}
