import Foundation
import Testing

/// `--readonly` and an account's `readonly = true` in the CLI: every change is refused
/// before anything is journaled or sent (exit 2, naming the account and why); reads work.
@Suite struct CLIReadOnlyTests {
    /// The sandbox's Anyreach account with `readonly = true` added.
    private func markReadOnly(_ cli: CLIWorld, account: String) throws {
        let text = try String(contentsOfFile: cli.config, encoding: .utf8)
        let header = "[accounts.\(account)]\n"
        #expect(text.contains(header))
        try cli.writeConfig(text.replacingOccurrences(of: header, with: header + "readonly = true\n"))
    }

    /// Every change command, for `campaign` on `account`; `file` holds one CSV contact.
    private func changes(campaign: String, file: String) -> [[String]] {
        [
            ["campaigns", "create", "--name", "Nope", "--external-id", "ro-nope"],
            ["campaigns", "update", campaign, "--name", "Nope"],
            ["campaigns", "start", campaign], ["campaigns", "pause", campaign], ["campaigns", "close", campaign],
            ["configurations", "create", "--name", "Nope"],
            ["configurations", "update", "cfg-x", "--retry-limit", "2"],
            ["configurations", "delete", "cfg-x"],
            ["concurrency", "--set", "3"],
            ["contacts", "upsert", campaign, "--file", file],
            ["contacts", "upsert", campaign, "--file", file, "--action", "remove"],
            ["contacts", "upsert", campaign, "--file", file, "--action", "update-only"],
            ["contacts", "delete", campaign, "ro-1"],
        ]
    }

    @Test func theAccountSettingRefusesEveryChangeAndKeepsReads() async throws {
        try await withCLI { cli in
            let account = ["--account", "sandbox-anyreach"]
            try await cli.expect(
                0, ["campaigns", "create", "--name", "Read only", "--external-id", "ro-campaign"] + account)
            try await cli.expect(0, ["concurrency", "--set", "9"] + account)
            let file = cli.directory + "/one.csv"
            try "external_id,phone\nro-1,+14155550199\n".write(toFile: file, atomically: true, encoding: .utf8)
            let before = try await cli.expect(0, ["journal", "list", "--json"]).json().objects("entries").count
            try markReadOnly(cli, account: "sandbox-anyreach")

            for command in changes(campaign: "ro-campaign", file: file) {
                let refused = try await cli.expect(2, command + account)
                #expect(refused.stderr.contains("account sandbox-anyreach is read-only"), "\(command): \(refused.stderr)")
                #expect(refused.stderr.contains("readonly = true in \(cli.config)"), "\(command): \(refused.stderr)")
                #expect(refused.stdout.isEmpty)
            }
            // Nothing reached the journal or the vendor.
            #expect(try await cli.expect(0, ["journal", "list", "--json"]).json().objects("entries").count == before)
            let campaign = try await cli.expect(0, ["campaigns", "show", "ro-campaign", "--json"] + account).json()
            #expect((campaign["campaign"] as? [String: Any])?["name"] as? String == "Read only")
            #expect((campaign["campaign"] as? [String: Any])?["state"] as? String == "active")
            let limit = try await cli.expect(0, ["concurrency", "--json"] + account).json()
            #expect(limit["concurrency_limit"] as? Int == 9)

            // Reads still work, and a dry run changes nothing so it is allowed.
            try await cli.expect(0, ["campaigns", "list"] + account)
            try await cli.expect(0, ["contacts", "list", "ro-campaign"] + account)
            try await cli.expect(0, ["configurations", "list"] + account)
            try await cli.expect(0, ["timezones"] + account)
            let dry = try await cli.expect(
                0, ["contacts", "upsert", "ro-campaign", "--file", file, "--dry-run", "--json"] + account).json()
            #expect(dry["valid"] as? Int == 1)
            // Another account is not read-only.
            try await cli.expect(0, ["concurrency", "--set", "4", "--account", "sandbox-anyreach-personal"])
        }
    }

    @Test func theFlagRefusesChangesOnAnyAccount() async throws {
        try await withCLI { cli in
            let file = cli.directory + "/one.csv"
            try "email,first_name\nro@example.com,Ro\n".write(toFile: file, atomically: true, encoding: .utf8)
            for account in ["sandbox-anyreach", "sandbox-campaignlark"] {
                let refused = try await cli.expect(
                    2, ["contacts", "upsert", "default", "--file", file, "--readonly", "--account", account])
                #expect(refused.stderr.contains("account \(account) is read-only (--readonly was given)"))
            }
            let start = try await cli.expect(
                2, ["campaigns", "start", "x", "--readonly", "--account", "sandbox-anyreach"])
            #expect(start.stderr.contains("start of campaign x refused"))
            try await cli.expect(2, ["concurrency", "--set", "3", "--readonly", "--account", "sandbox-anyreach"])
            try await cli.expect(0, ["concurrency", "--readonly", "--account", "sandbox-anyreach"])
            try await cli.expect(0, ["campaigns", "list", "--readonly", "--account", "sandbox-anyreach"])
            #expect(try await cli.expect(0, ["journal", "list", "--json"]).json().objects("entries").isEmpty)
        }
    }

    /// A change journaled while the vendor was away is not replayed once its account is
    /// read-only (or with --readonly): it stays pending, named on standard error, exit 2.
    @Test func replayLeavesReadOnlyAccountsPending() async throws {
        try await withCLI { cli in
            let reachable = try String(contentsOfFile: cli.config, encoding: .utf8)
            try cli.writeConfig(reachable.replacingOccurrences(of: cli.base, with: "http://127.0.0.1:1"))
            let fast = [
                "SWITCHBOARD_RETRY_ATTEMPTS": "1", "SWITCHBOARD_RETRY_DELAY": "0", "SWITCHBOARD_CONNECT_TIMEOUT": "0.3",
            ]
            try await cli.expect(
                4, ["campaigns", "create", "--name", "Later", "--external-id", "ro-later", "--account", "sandbox-anyreach"],
                environment: fast)
            try cli.writeConfig(reachable)

            let flagged = try await cli.expect(2, ["journal", "replay", "--readonly", "--json"])
            #expect((try flagged.json()["readonly_accounts"] as? [String: Int]) == ["sandbox-anyreach": 1])
            #expect(try flagged.json().objects("settled").isEmpty)
            #expect(flagged.stderr.contains("account sandbox-anyreach left pending: the account is read-only (--readonly was given)"))

            try markReadOnly(cli, account: "sandbox-anyreach")
            let setting = try await cli.expect(2, ["journal", "replay"])
            #expect(setting.stderr.contains("the account is read-only (readonly = true in \(cli.config))"))
            let entries = try await cli.expect(0, ["journal", "list", "--json"]).json().objects("entries")
            #expect(entries.count == 1)
            #expect(["pending", "sending"].contains(entries.first?["state"] as? String))
            try await cli.expect(
                1, ["campaigns", "show", "ro-later", "--account", "sandbox-anyreach"])

            try cli.writeConfig(reachable)
            let replay = try await cli.expect(0, ["journal", "replay", "--json"]).json()
            #expect(replay.objects("settled").first?["state"] as? String == "done")
            #expect(replay.objects("settled").first?["action"] as? String == "createCampaign")
        }
    }
}
