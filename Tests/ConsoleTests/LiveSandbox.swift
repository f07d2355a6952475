import Foundation
import Logging
import SwitchboardCore
import Testing
import VendorSandbox

@testable import Console

/// A vendor sandbox on loopback for effect-runner tests: its address and accounts, an HTTP
/// transport, a fresh store in a temporary folder, and the inbox runners post to.
struct LiveSandbox: Sendable {
    let base: String
    let accounts: [Account]
    let transport: AsyncHTTPTransport
    let store: Store
    let inbox: Inbox
    let logger: Logger

    /// The sandbox's first account of `vendor`.
    func account(_ vendor: Vendor) throws -> Account {
        try #require(accounts.first { $0.vendor == vendor })
    }

    /// An effect runner with a client for each of `accounts`.
    func runner(for accounts: [Account]) throws -> EffectRunner {
        var clients: [String: any VendorClient] = [:]
        for account in accounts { clients[account.name] = try VendorRegistry.client(for: account, transport: transport) }
        return EffectRunner(clients: clients, accounts: self.accounts, store: store, inbox: inbox, logger: logger)
    }

    /// The messages posted until one that `wanted` picks (at most 60 s).
    func messages(until wanted: (Msg) -> Bool) async throws -> [Msg] {
        var seen: [Msg] = []
        for _ in 0..<1200 {
            let messages = inbox.takeAll()
            seen += messages
            if messages.contains(where: wanted) { return seen }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("no such message within 60 s")
        return seen
    }

    /// Sends a request to the sandbox's own routes (`/_sandbox/...`).
    func control(_ method: HTTPRequest.Method, _ path: String) async throws -> HTTPResponse {
        try await transport.send(HTTPRequest(method: method, url: base + path))
    }
}

/// Runs `body` against a sandbox (no dialer) started for it, then stops it.
func withLiveSandbox(
    seed: UInt64 = 1, demoContacts: Int = 5, _ body: @escaping @Sendable (LiveSandbox) async throws -> Void
) async throws {
    var options = SandboxOptions()
    options.port = 0
    options.seed = seed
    options.dialerEnabled = false
    options.demoContactCount = demoContacts
    var logger = Logger(label: "switchboard.test")
    logger.logLevel = .critical
    try await Sandbox.withRunning(options, logger: logger) { [logger] base in
        let port = Int(base.split(separator: ":").last!)!
        let text = Sandbox(options: SandboxOptions()).accountsFile(host: "127.0.0.1", port: port)
        let file = try AccountsFile.parse(text, path: "sandbox.toml", fileMode: 0o600, environment: [:])
        let transport = AsyncHTTPTransport()
        defer { Task { try? await transport.shutdown() } }
        let directory = NSTemporaryDirectory() + "switchboard-live-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let sandbox = LiveSandbox(
            base: base, accounts: file.accounts, transport: transport, store: try Store.open(directory: directory + "/data"),
            inbox: try Inbox(), logger: logger)
        try await body(sandbox)
    }
}
