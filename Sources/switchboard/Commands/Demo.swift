import ArgumentParser
import Foundation
import Logging
import SwitchboardCore
import VendorSandbox

/// `switchboard demo`: the vendor sandbox in this process and the console on it.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Start the vendor sandbox in this process and open the console on it.",
        discussion: """
            The sandbox listens on 127.0.0.1 (a free port) with seeded data for all four vendors and the \
            dialer running, so counts move. Its accounts file is written (0600) to a temporary directory \
            (0700), removed on exit with the database unless --data names a directory to keep.
            """)

    @Option(help: "Keep the database in this directory instead of a temporary one.")
    var data: String?

    @Option(help: "Seed for the demo data and the dialer.")
    var seed: UInt64 = 1

    @Option(help: "Simulated seconds per real second for the dialer (the default makes counts move every few seconds).")
    var timeScale: Double = 10

    @Option(
        help: ArgumentHelp(
            "Failures the sandbox injects into vendor routes, e.g. 500:0.1,429:0.05,reset:0.02,latency:20ms "
                + "(POST /_sandbox/faults?spec=... changes them while the demo runs).",
            valueName: "SPEC"))
    var faults: String?

    @OptionGroup var console: ConsoleFlags

    func validate() throws {
        guard timeScale > 0 else { throw ValidationError("--time-scale must be greater than 0") }
        if let faults {
            do { _ = try FaultSpec(parsing: faults) } catch { throw ValidationError("--faults: \(error)") }
        }
    }

    func run() async throws {
        let temporary = FileManager.default.temporaryDirectory.path + "/switchboard-demo-\(getpid())"
        try FileManager.default.createDirectory(
            atPath: temporary, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        var options = SandboxOptions()
        options.host = "127.0.0.1"
        options.port = 0
        options.seed = seed
        options.dialerEnabled = true
        options.timeScale = timeScale
        options.faults = try faults.map(FaultSpec.init(parsing:)) ?? .none
        let sandbox = Sandbox(options: options, logger: Logger(label: "switchboard.sandbox"))
        let (ports, portFound) = AsyncStream<Int>.makeStream()
        let (console, dataDirectory) = (self.console, data ?? temporary + "/data")
        let status = try await withThrowingTaskGroup(of: Int32?.self) { group in
            group.addTask {
                defer { portFound.finish() }
                try await sandbox.run { port in portFound.yield(port) }
                return nil
            }
            guard let port = await ports.first(where: { _ in true }) else {
                _ = try await group.next()
                throw ValidationError("the sandbox stopped before it listened")
            }
            let configPath = temporary + "/accounts.toml"
            try SecureFile.write(sandbox.accountsFile(host: "127.0.0.1", port: port), to: configPath)
            let accounts = try AccountsFile.load(path: configPath, environment: ProcessInfo.processInfo.environment)
            let store = try Store.open(directory: dataDirectory)
            let status = try await console.open(accounts: accounts.accounts, store: store)
            group.cancelAll()
            return status
        }
        if status != 0 { throw ExitCode(status) }
    }
}
