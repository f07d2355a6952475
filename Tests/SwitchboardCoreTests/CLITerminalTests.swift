import Foundation
import Testing

/// What only shows on a terminal: the upsert progress bar on standard error and colour,
/// and no colour under `NO_COLOR`. `script` gives the binary a real pseudo-terminal.
@Suite struct CLITerminalTests {
    /// Runs `switchboard arguments...` on a pseudo-terminal; stdout and stderr come back merged.
    static func onTerminal(_ cli: CLIWorld, _ arguments: [String], environment extra: [String: String] = [:]) throws
        -> String
    {
        let command = ([CLIWorld.binary] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            .joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        var environment = [
            "PATH": "/usr/bin:/bin", "HOME": cli.directory, "SWITCHBOARD_CONFIG": cli.config, "SWITCHBOARD_DATA": cli.data,
            "SWIFT_BACKTRACE": "enable=no", "TERM": "xterm-256color",
        ]
        environment.merge(extra) { $1 }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func progressBarAndColourOnlyOnATerminal() async throws {
        try await withCLI { cli in
            let account = ["--account", "sandbox-anyreach"]
            _ = try await cli.expect(0, ["campaigns", "create", "--name", "Terminal", "--external-id", "cli-terminal"] + account)
            var csv = "external_id,first_name,phone\n"
            for row in 0..<3000 { csv += "term-\(row),Ann,+1415\(String(format: "%07d", row))\n" }
            let file = cli.directory + "/terminal.csv"
            try csv.write(toFile: file, atomically: true, encoding: .utf8)

            let coloured = try Self.onTerminal(cli, ["contacts", "upsert", "cli-terminal", "--file", file] + account)
            #expect(coloured.contains("3000/3000"), "no progress bar on the terminal:\n\(coloured)")
            #expect(coloured.contains("[" + String(repeating: "#", count: 30) + "]"))
            #expect(coloured.contains("\u{1B}[32m"), "no colour on the terminal")

            let plain = try Self.onTerminal(
                cli, ["contacts", "upsert", "cli-terminal", "--file", file] + account, environment: ["NO_COLOR": "1"])
            #expect(plain.contains("3000/3000"))
            #expect(!plain.contains("\u{1B}[3"), "colour despite NO_COLOR")

            let piped = try await cli.expect(0, ["contacts", "upsert", "cli-terminal", "--file", file] + account)
            #expect(!piped.stderr.contains("/3000"), "progress bar drawn on a pipe")
            #expect(!piped.stdout.contains("\u{1B}["), "escape codes on a pipe")
            try cli.expectNoSecrets()
        }
    }
}
