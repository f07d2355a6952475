import Hummingbird
import Logging
import NIOCore

/// How a sandbox is started.
public struct SandboxOptions: Sendable {
    /// Address to bind; loopback unless told otherwise.
    public var host = "127.0.0.1"
    /// Port to bind; 0 picks any free port.
    public var port = 8089
    /// Seed of the demo data, ids, dialer outcomes and injected faults.
    public var seed: UInt64 = 1
    /// Failures injected into vendor routes.
    public var faults: FaultSpec = .none
    /// Simulated seconds per real second for the live dialer.
    public var timeScale: Double = 1
    /// Whether the dialer runs on its own while the server serves.
    public var dialerEnabled = true
    /// How many Anyreach demo contacts the seed makes.
    public var demoContactCount = 3000

    /// The defaults: 127.0.0.1:8089, seed 1, no faults, real-time dialer, 3000 contacts.
    public init() {}
}

/// An HTTP server that imitates the vendors' APIs from their documentation, with seeded
/// demo data, a simulated dialer, fault injection and `/_sandbox` inspection routes.
public struct Sandbox: Sendable {
    /// Real time between two live dialer steps.
    static let dialerTick = Duration.milliseconds(200)

    let options: SandboxOptions
    let logger: Logger
    let anyreach: AnyreachVendor
    let replify: ReplifyVendor
    let campaignLark: CampaignLarkVendor
    let replyIO: ReplyIOVendor
    let faultDice: FaultDice
    /// The faults in force: the options' at first, then whatever `/_sandbox/faults` set.
    let faults: FaultSwitch

    /// A sandbox holding the seeded state of every vendor; nothing is served until ``run(onReady:)``.
    public init(options: SandboxOptions, logger: Logger = Logger(label: "switchboard.sandbox")) {
        self.options = options
        self.logger = logger
        anyreach = AnyreachVendor(seed: options.seed, contactCount: options.demoContactCount)
        replify = ReplifyVendor(seed: options.seed)
        campaignLark = CampaignLarkVendor(seed: options.seed)
        replyIO = ReplyIOVendor(seed: options.seed)
        faultDice = FaultDice(seed: options.seed)
        faults = FaultSwitch(options.faults)
    }

    /// Every imitated vendor, each mounted under `/<name>`.
    var vendors: [any SimulatedVendor] { [anyreach, replify, campaignLark, replyIO] }

    /// The route prefix of every imitated vendor (`anyreach`, `replify`, ...), in serving order.
    public var vendorPrefixes: [String] { vendors.map(\.name) }

    /// The routes of every vendor plus `/_sandbox`, with faults (when any are set) on vendor routes only.
    func buildRouter() -> Router<SandboxRequestContext> {
        let router = Router(context: SandboxRequestContext.self)
        for vendor in vendors {
            let group = router.group(RouterPath(vendor.name))
            group.add(middleware: FaultInjection(faults: faults, dice: faultDice, vendor: vendor))
            vendor.addRoutes(to: group)
        }
        InspectionRoutes(vendors: vendors, faults: faults).add(to: router.group("_sandbox"))
        return router
    }

    /// The Hummingbird application serving every vendor and `/_sandbox` at the options' host
    /// and port, for `app.test(.router)` tests or for running inside another service group;
    /// `onReady` gets the bound port. Does not run the live dialer (see ``run(onReady:)``).
    public func buildApplication(onReady: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol
    {
        let port = options.port
        return Application(
            router: buildRouter(),
            configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port)),
            onServerRunning: { channel in await onReady(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    /// Moves every vendor's simulated time forward by `seconds`, stepping the dialer with
    /// it: what the live dialer does in real time, for tests that must not wait.
    /// `POST /_sandbox/advance?seconds=N` does the same over HTTP.
    public func advance(by seconds: Double) async {
        for vendor in vendors { await vendor.advance(by: seconds) }
    }

    /// Serves until the surrounding task is cancelled; calls `onReady` with the bound port
    /// (port 0 = any free port).
    public func run(onReady: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let application = buildApplication(onReady: onReady)
        logger.info(
            "Vendor sandbox starting",
            metadata: [
                "host": "\(options.host)", "port": "\(options.port)", "seed": "\(options.seed)",
                "faults": "\(options.faults)", "time_scale": "\(options.timeScale)",
            ])
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await application.run() }
            if options.dialerEnabled {
                group.addTask { await runDialer() }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Starts on 127.0.0.1 with port 0, runs `body` with the base URL
    /// `http://127.0.0.1:PORT`, then shuts the server down.
    public static func withRunning<T: Sendable>(
        _ options: SandboxOptions, logger: Logger = Logger(label: "switchboard.sandbox"),
        _ body: @Sendable (String) async throws -> T
    ) async throws -> T {
        var options = options
        options.host = "127.0.0.1"
        options.port = 0
        let sandbox = Sandbox(options: options, logger: logger)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { continuation.finish() }
                try await sandbox.run { port in continuation.yield(port) }
            }
            guard let port = await ports.first(where: { _ in true }) else {
                try await group.next()
                throw CancellationError()
            }
            let result = try await body("http://127.0.0.1:\(port)")
            group.cancelAll()
            return result
        }
    }

    private func runDialer() async {
        let step = Double(Self.dialerTick.components.attoseconds) / 1e18 + Double(Self.dialerTick.components.seconds)
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: Self.dialerTick)
            } catch {
                return
            }
            await advance(by: step * options.timeScale)
        }
    }
}
