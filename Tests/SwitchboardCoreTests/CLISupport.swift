import Foundation
import Logging
import SwitchboardCore
import Testing
import VendorSandbox

/// What one run of the built `switchboard` binary did.
struct CLIResult: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String

    /// Standard output parsed as one JSON document.
    func json() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
        return try #require(object as? [String: Any], "not a JSON object: \(stdout)")
    }
}

/// A temporary config and data directory for the built binary, with every output kept so
/// a test can end by scanning all of it (and the database and log) for credentials.
final class CLIWorld: @unchecked Sendable {
    /// The binary SwiftPM built next to this test bundle (`swift build --build-tests` builds it).
    static let binary: String = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("switchboard").path,
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build/debug/switchboard").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[1]
    }()

    /// Every credential the sandbox knows plus the tests' own: none may ever be printed or stored.
    static let secrets = [
        SandboxCredentials.Anyreach.orgKey, SandboxCredentials.Anyreach.personalToken,
        SandboxCredentials.Anyreach.readOnlyKey, SandboxCredentials.CampaignLark.apiKey,
        SandboxCredentials.Replify.apiKey, SandboxCredentials.ReplyIO.apiKey, wrongKey, commandSecret,
    ]
    static let wrongKey = "ak_wrong.cli-test-key"
    static let commandSecret = "ak_sbx1.orgsecret"

    let directory: String
    let config: String
    let data: String
    /// The sandbox's base URL (`http://127.0.0.1:PORT`).
    let base: String
    private let lock = NSLock()
    private var outputs: [String] = []

    init(base: String, accounts: String) throws {
        self.base = base
        directory = NSTemporaryDirectory() + "switchboard-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        config = directory + "/config.toml"
        data = directory + "/data"
        try SecureFile.write(accounts, to: config)
    }

    /// Rewrites the accounts file (mode 0600 unless `mode` says otherwise).
    func writeConfig(_ text: String, mode: Int16 = 0o600) throws {
        try SecureFile.write(text, to: config)
        chmod(config, mode_t(mode))
    }

    /// Runs `switchboard arguments...` with this world's config and data directory.
    func run(_ arguments: [String], stdin: String? = nil, environment extra: [String: String] = [:]) async throws
        -> CLIResult
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        var environment = ["PATH": "/usr/bin:/bin", "HOME": directory, "SWITCHBOARD_CONFIG": config,
            "SWITCHBOARD_DATA": data, "SWIFT_BACKTRACE": "enable=no"]
        environment.merge(extra) { $1 }
        process.environment = environment
        let outPath = directory + "/out-\(UUID().uuidString)"
        let errPath = outPath + ".err"
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            process.terminationHandler = { _ in continuation.resume() }
            do {
                try process.run()
                if let stdin {
                    input.fileHandleForWriting.write(Data(stdin.utf8))
                    try input.fileHandleForWriting.close()
                }
            } catch {
                continuation.resume(throwing: error)
            }
        }
        try out.close()
        try err.close()
        let result = CLIResult(
            status: process.terminationStatus,
            stdout: try String(contentsOfFile: outPath, encoding: .utf8),
            stderr: try String(contentsOfFile: errPath, encoding: .utf8))
        try? FileManager.default.removeItem(atPath: outPath)
        try? FileManager.default.removeItem(atPath: errPath)
        lock.withLock { outputs += [result.stdout, result.stderr] }
        return result
    }

    /// Runs and expects `status`, showing the output when it differs.
    @discardableResult
    func expect(
        _ status: Int32, _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> CLIResult {
        let result = try await run(arguments, stdin: stdin, environment: environment)
        #expect(
            result.status == status,
            "switchboard \(arguments.joined(separator: " ")) → \(result.status)\nstdout: \(result.stdout)\nstderr: \(result.stderr)",
            sourceLocation: sourceLocation)
        return result
    }

    /// No credential in any output so far, the database, its WAL, or the log.
    func expectNoSecrets(sourceLocation: SourceLocation = #_sourceLocation) throws {
        var texts = lock.withLock { outputs }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: data)) ?? []
        #expect(files.contains("switchboard.log"), "no log file in \(files)", sourceLocation: sourceLocation)
        for file in files {
            let contents = FileManager.default.contents(atPath: data + "/" + file) ?? Data()
            texts.append(String(decoding: contents, as: UTF8.self))
        }
        for secret in Self.secrets {
            #expect(!texts.contains { $0.contains(secret) }, "a credential leaked", sourceLocation: sourceLocation)
        }
    }

    /// The log file's mode.
    var logMode: Int {
        ((try? FileManager.default.attributesOfItem(atPath: data + "/switchboard.log")[.posixPermissions]) as? Int) ?? 0
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// Starts a sandbox in-process (dialer off), writes its accounts file into a fresh world,
/// runs `body`, and ends with the credential scan. `faults` (a `--faults` spec) are injected
/// into the vendors' routes from the start.
func withCLI(faults: String = "", _ body: @Sendable (CLIWorld) async throws -> Void) async throws {
    var options = SandboxOptions()
    options.faults = try FaultSpec(parsing: faults)
    options.dialerEnabled = false
    options.demoContactCount = 120
    options.seed = 42
    var logger = Logger(label: "switchboard.sandbox.cli-test")
    logger.logLevel = .critical
    try await Sandbox.withRunning(options, logger: logger) { base in
        let port = Int(base.split(separator: ":").last!)!
        var bare = SandboxOptions()
        bare.demoContactCount = 0
        let accounts = Sandbox(options: bare).accountsFile(host: "127.0.0.1", port: port)
        let world = try CLIWorld(base: base, accounts: accounts)
        try await body(world)
        try world.expectNoSecrets()
    }
}

extension Dictionary where Key == String, Value == Any {
    /// `self[key]` as an array of objects.
    func objects(_ key: String) -> [[String: Any]] { (self[key] as? [[String: Any]]) ?? [] }
}
