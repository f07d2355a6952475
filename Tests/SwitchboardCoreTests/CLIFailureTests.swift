import Foundation
import Testing
import VendorSandbox

/// Exit statuses 2, 3 and 4, the accounts file's errors, `token_command`, and replay after
/// an unreachable vendor, all through the built binary.
@Suite struct CLIFailureTests {
    @Test func configurationErrorsExitTwoNamingFileLineAndKey() async throws {
        try await withCLI { cli in
            try cli.writeConfig("[accounts.x]\nvendor = \"dialmaster\"\ntoken_env = \"T\"\n")
            let vendor = try await cli.expect(2, ["campaigns", "list"])
            #expect(vendor.stderr.contains("config.toml:2: accounts.x.vendor"))
            try cli.writeConfig("[accounts.x]\nvendor = \"anyreach\"\ntoken_env = \"CLI_MISSING_TOKEN\"\n")
            let missing = try await cli.expect(2, ["campaigns", "list"])
            #expect(missing.stderr.contains("config.toml:3: accounts.x.token_env"))
            #expect(missing.stderr.contains("CLI_MISSING_TOKEN is not set"))
            try cli.writeConfig(
                "[accounts.x]\nvendor = \"anyreach\"\ntoken_env = \"T\"\nbase_url = \"http://api.example.com\"\n")
            let http = try await cli.expect(2, ["accounts", "list"], environment: ["T": CLIWorld.wrongKey])
            #expect(http.stderr.contains("plain http is allowed only for loopback"))
            try cli.writeConfig("[accounts.x\nvendor = ")
            let malformed = try await cli.expect(2, ["accounts", "list"])
            #expect(malformed.stderr.contains("config.toml:1"))
            try cli.writeConfig(
                "[accounts.x]\nvendor = \"anyreach\"\ntoken = \"\(CLIWorld.wrongKey)\"\n", mode: 0o644)
            let readable = try await cli.expect(2, ["accounts", "list"])
            #expect(readable.stderr.contains("chmod 600"))
            try FileManager.default.removeItem(atPath: cli.config)
            try await cli.expect(2, ["accounts", "list"])
            try await cli.expect(2, ["campaigns", "list", "--no-such-option"])
            try await cli.expect(2, ["contacts", "upsert", "x", "--file", "f", "--action", "sideways"])
        }
    }

    @Test func tokenCommandSuppliesTheSecret() async throws {
        try await withCLI { cli in
            let script = cli.directory + "/pass"
            try "#!/bin/sh\necho \(CLIWorld.commandSecret)\necho noise >&2\n".write(
                toFile: script, atomically: true, encoding: .utf8)
            chmod(script, 0o700)
            try cli.writeConfig(
                """
                [accounts.piped]
                vendor = "anyreach"
                base_url = "\(cli.base)/anyreach"
                token_command = "\(script) show anyreach"
                """)
            let accounts = try await cli.expect(0, ["accounts", "list", "--json"]).json()
            let source = accounts.objects("accounts").first?["secret_source"] as? [String: Any]
            #expect(source?["kind"] as? String == "command")
            let campaigns = try await cli.expect(0, ["campaigns", "list", "--json"]).json()
            #expect(!campaigns.objects("campaigns").isEmpty)
            try cli.writeConfig(
                "[accounts.piped]\nvendor = \"anyreach\"\ntoken_command = \"echo \(CLIWorld.wrongKey) >&2; exit 9\"\n")
            let failed = try await cli.expect(2, ["campaigns", "list"])
            #expect(failed.stderr.contains("accounts.piped.token_command"))
            #expect(failed.stderr.contains("exit status 9"))
        }
    }

    @Test func refusedCredentialsExitThree() async throws {
        try await withCLI { cli in
            let readOnly = try await cli.expect(
                3, ["campaigns", "create", "--name", "nope", "--external-id", "nope", "--account", "sandbox-anyreach-readonly"])
            #expect(readOnly.stderr.contains("403"))
            try await cli.expect(0, ["campaigns", "list", "--account", "sandbox-anyreach-readonly"])
            try cli.writeConfig(
                """
                [accounts.wrong]
                vendor = "anyreach"
                base_url = "\(cli.base)/anyreach"
                token = "\(CLIWorld.wrongKey)"
                """)
            let wrong = try await cli.expect(3, ["campaigns", "list"])
            #expect(wrong.stderr.contains("401"))
            let file = cli.directory + "/one.csv"
            try "external_id,phone\nw-1,+14155550100\n".write(toFile: file, atomically: true, encoding: .utf8)
            let upsert = try await cli.expect(3, ["contacts", "upsert", "default", "--file", file, "--json"])
            #expect((try upsert.json()["counts"] as? [String: Int])?["failed"] == 1)
        }
    }

    @Test func readsAreAskedAgainAfterAnswersThatSayLater() async throws {
        // Half of all vendor answers are 500 or 503: reads change nothing, so the CLI asks
        // again (20 attempts here, no delay) and every read gets through.
        try await withCLI(faults: "500:0.3,503:0.2") { cli in
            let patient = ["SWITCHBOARD_RETRY_ATTEMPTS": "20", "SWITCHBOARD_RETRY_DELAY": "0"]
            for account in ["sandbox-anyreach", "sandbox-replyio", "sandbox-campaignlark"] {
                for _ in 0..<3 {
                    let listed = try await cli.expect(0, ["campaigns", "list", "--json", "--account", account], environment: patient)
                    #expect(!listed.stdout.isEmpty)
                }
            }
            // With a single attempt the same read fails on the vendor's own answer (exit 1 or the
            // like), which says what the vendor said; it is not reported as unreachable.
            var failures = 0
            for _ in 0..<12 {
                let once = try await cli.run(
                    ["campaigns", "list", "--account", "sandbox-anyreach"], environment: ["SWITCHBOARD_RETRY_ATTEMPTS": "1"])
                if once.status != 0 {
                    failures += 1
                    #expect(once.stderr.contains("500") || once.stderr.contains("503"))
                    #expect(!once.stderr.contains("unreachable"))
                }
            }
            #expect(failures > 0)
        }
    }

    @Test func unreachableVendorExitsFourAndReplayDeliversLater() async throws {
        try await withCLI { cli in
            let reachable = try String(contentsOfFile: cli.config, encoding: .utf8)
            // Port 1 on loopback: nothing listens, every connection is refused at once.
            try cli.writeConfig(reachable.replacingOccurrences(of: cli.base, with: "http://127.0.0.1:1"))
            let fast = [
                "SWITCHBOARD_RETRY_ATTEMPTS": "2", "SWITCHBOARD_RETRY_DELAY": "0", "SWITCHBOARD_CONNECT_TIMEOUT": "0.3",
            ]
            let file = cli.directory + "/later.csv"
            try "external_id,phone\nlate-1,+14155550120\nlate-2,+14155550121\n".write(
                toFile: file, atomically: true, encoding: .utf8)
            let upsert = try await cli.expect(
                4, ["contacts", "upsert", "default", "--file", file, "--account", "sandbox-anyreach"], environment: fast)
            #expect(upsert.stderr.contains("unreachable"))
            #expect(upsert.stderr.contains("journal replay"))
            try await cli.expect(4, ["campaigns", "list", "--account", "sandbox-replyio"], environment: fast)
            let waiting = try await cli.expect(0, ["journal", "list", "--json"]).json()
            let entry = try #require(waiting.objects("entries").first)
            #expect(["pending", "sending"].contains(entry["state"] as? String))
            try await cli.expect(4, ["journal", "replay"], environment: fast)
            try cli.writeConfig(reachable)
            let replay = try await cli.expect(0, ["journal", "replay", "--json"]).json()
            let settled = replay.objects("settled")
            #expect(settled.count == 1)
            #expect(settled.first?["state"] as? String == "done")
            #expect(settled.first?["answered"] as? Int == 2)
        }
    }
}
