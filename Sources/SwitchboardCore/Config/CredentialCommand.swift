import Foundation

/// Runs an account's `token_command` through `/bin/sh -c` and takes the first line it
/// prints as the credential (the convention of `pass show`, `op read`, `security`).
///
/// The command's standard error goes to /dev/null, never to the terminal or an error
/// message: a password manager may print the secret there when it fails.
struct CredentialCommand {
    /// Why the command gave no credential, in words that never include its output.
    enum Failure: Error, CustomStringConvertible {
        case launch(String)
        case exit(Int32)
        case timeout(Duration)
        case empty

        var description: String {
            switch self {
            case .launch(let reason): "could not run the command: \(reason)"
            case .exit(let status): "the command failed (exit status \(status)); run it yourself to see why"
            case .timeout(let limit): "the command did not finish within \(limit)"
            case .empty: "the command printed nothing; its first line must be the token"
            }
        }
    }

    let command: String
    let environment: [String: String]

    /// Runs the command, waiting at most `timeout`; returns its first line, trimmed.
    func run(timeout: Duration) throws -> Secret {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchGroup()
        finished.enter()
        process.terminationHandler = { _ in finished.leave() }
        do {
            try process.run()
        } catch {
            throw Failure.launch(error.localizedDescription)
        }
        let collected = CollectedOutput()
        finished.enter()
        // Read on another thread so a command that prints a lot cannot fill the pipe and stall.
        DispatchQueue.global().async {
            collected.set(output.fileHandleForReading.readDataToEndOfFile())
            finished.leave()
        }
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        guard finished.wait(timeout: .now() + seconds) == .success else {
            kill(process.processIdentifier, SIGKILL)
            throw Failure.timeout(timeout)
        }
        guard process.terminationStatus == 0 else { throw Failure.exit(process.terminationStatus) }
        let text = String(decoding: collected.data, as: UTF8.self)
        let firstLine = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).first ?? ""
        let token = firstLine.trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty else { throw Failure.empty }
        return Secret(token)
    }
}

/// The command's standard output, handed from the reading thread to the waiting one.
private final class CollectedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = Data()

    func set(_ data: Data) { lock.withLock { stored = data } }
    var data: Data { lock.withLock { stored } }
}
