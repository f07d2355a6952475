import ArgumentParser
import Foundation
import SwitchboardCore
import VendorSandbox

/// `switchboard sandbox`: the local imitation of every vendor's API, for tests and demos.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run the vendor sandbox: a local server that speaks the vendors' APIs.",
        discussion: """
            Serves the vendors' documented routes under /anyreach, /replify, /campaignlark and /replyio, \
            with seeded demo data, a simulated dialer and fault injection. Nothing reaches the real vendors.

            Example:
              switchboard sandbox --port 8089 --seed 7 --faults 500:0.1,429:0.05,latency:20ms \\
                --write-config /tmp/sandbox.toml
              SWITCHBOARD_CONFIG=/tmp/sandbox.toml switchboard ...
            """
    )

    @Option(help: "Address to bind. Keep the loopback default unless other machines must reach it.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one).")
    var port = 8089

    @Option(help: "Seed for the demo data, the dialer and the faults; the same seed gives the same run.")
    var seed: UInt64 = 1

    @Option(help: "Faults on vendor routes, e.g. 500:0.2,429:0.1,reset:0.05,latency:20ms.")
    var faults: String?

    @Option(help: "Simulated seconds per real second for the dialer.")
    var timeScale: Double = 1

    @Option(help: "How many demo contacts to seed.")
    var contacts = 3000

    @Flag(help: "Do not run the simulated dialer.")
    var noDialer = false

    @Option(help: "Write an accounts file for the seeded accounts here (mode 0600).")
    var writeConfig: String?

    func validate() throws {
        if let faults {
            do { _ = try FaultSpec(parsing: faults) } catch { throw ValidationError("--faults: \(error)") }
        }
        guard timeScale > 0 else { throw ValidationError("--time-scale must be greater than 0") }
        guard contacts >= 0 else { throw ValidationError("--contacts must not be negative") }
    }

    func run() async throws {
        var options = SandboxOptions()
        options.host = host
        options.port = port
        options.seed = seed
        options.faults = try faults.map(FaultSpec.init(parsing:)) ?? .none
        options.timeScale = timeScale
        options.demoContactCount = contacts
        options.dialerEnabled = !noDialer
        let sandbox = Sandbox(options: options)
        let host = self.host
        let writeConfig = self.writeConfig
        try await sandbox.run { port in
            let accounts = sandbox.accountsFile(host: host, port: port)
            let prefixes = sandbox.vendorPrefixes.map { "/\($0)" }.joined(separator: " ")
            print("Vendor sandbox listening on http://\(host):\(port)  (vendors at \(prefixes))")
            if let writeConfig {
                do {
                    try SecureFile.write(accounts, to: writeConfig)
                    print("Accounts file written to \(writeConfig); use SWITCHBOARD_CONFIG=\(writeConfig)")
                } catch {
                    print("Could not write \(writeConfig): \(error)")
                }
            } else {
                print("Accounts file for these seeded accounts:\n")
                print(accounts)
            }
            fflush(nil)  // nil flushes every stream; the accounts file must show before the first request log
        }
    }
}
