import Foundation
import Testing
import VendorSandbox

/// `configurations create/update/delete` and `concurrency --set` through the journal, with
/// the built binary against a live sandbox: journal ids in the output, the vendor's refusal
/// as exit 1 with its words, and an unreachable vendor leaving the change for replay.
@Suite struct CLISettingsTests {
    @Test func configurationsAndConcurrencyAreJournaledAndSent() async throws {
        try await withCLI { cli in
            let account = ["--account", "sandbox-anyreach"]
            let created = try await cli.expect(
                0,
                [
                    "configurations", "create", "--name", "Evenings", "--timezone", "Europe/Paris",
                    "--window", "mon,tue 18:00-21:00", "--retry-limit", "2", "--json",
                ] + account
            ).json()
            #expect(Set(created.keys) == ["account", "vendor", "configuration", "journal_id"])
            let configuration = try #require(created["configuration"] as? [String: Any])
            let id = try #require(configuration["id"] as? String)
            #expect(configuration["default_timezone"] as? String == "Europe/Paris")
            let createdID = try #require(created["journal_id"] as? Int)

            let updated = try await cli.expect(
                0, ["configurations", "update", id, "--retry-limit", "4", "--json"] + account
            ).json()
            #expect((updated["configuration"] as? [String: Any])?["retry_limit"] as? Int == 4)
            #expect(updated["journal_id"] as? Int == createdID + 1)
            let table = try await cli.expect(0, ["configurations", "update", id, "--name", "Evenings 2"] + account)
            #expect(table.stdout.contains("Evenings 2"))
            #expect(table.stdout.contains("#\(createdID + 2)"))

            let set = try await cli.expect(0, ["concurrency", "--set", "12", "--json"] + account).json()
            #expect(set["concurrency_limit"] as? Int == 12)
            #expect(set["journal_id"] as? Int == createdID + 3)
            let read = try await cli.expect(0, ["concurrency", "--json"] + account).json()
            #expect(read["journal_id"] == nil && read["concurrency_limit"] as? Int == 12)

            // A configuration a campaign uses: the vendor refuses, the entry keeps its words.
            let shown = try await cli.expect(0, ["configurations", "list", "--json"] + account).json()
            let ids = shown.objects("configurations").compactMap { $0["id"] as? String }.filter { $0 != id }
            var refusedOnce = false
            for other in ids {
                let attempt = try await cli.run(["configurations", "delete", other] + account)
                if attempt.status == 1 {
                    #expect(attempt.stderr.contains("deleteConfiguration failed"))
                    #expect(attempt.stderr.contains("HTTP 409"))
                    refusedOnce = true
                    break
                }
            }
            #expect(refusedOnce, "a seeded configuration is in use")

            let deleted = try await cli.expect(0, ["configurations", "delete", id, "--json"] + account).json()
            #expect(deleted["deleted"] as? String == id && deleted["journal_id"] as? Int != nil)
            let journal = try await cli.expect(0, ["journal", "list", "--json"]).json()
            let actions = journal.objects("entries").map { $0["action"] as? String ?? "" }
            #expect(actions.prefix(1) == ["deleteConfiguration"])
            #expect(actions.contains("setConcurrency") && actions.contains("createConfiguration"))
            let states = journal.objects("entries").map { $0["state"] as? String ?? "" }
            #expect(states.filter { $0 == "failed" }.count == 1)
            let show = try await cli.expect(0, ["journal", "show", String(createdID)])
            #expect(show.stdout.contains("created configuration \(id)"))

            let readonly = try await cli.expect(2, ["concurrency", "--set", "3", "--readonly"] + account)
            #expect(readonly.stderr.contains("nothing was journaled or sent"))
        }
    }

    @Test func anUnreachableVendorLeavesTheChangesForReplayWhichMakesThemOnce() async throws {
        try await withCLI { cli in
            let reachable = try String(contentsOfFile: cli.config, encoding: .utf8)
            try cli.writeConfig(reachable.replacingOccurrences(of: cli.base, with: "http://127.0.0.1:1"))
            let fast = [
                "SWITCHBOARD_RETRY_ATTEMPTS": "2", "SWITCHBOARD_RETRY_DELAY": "0", "SWITCHBOARD_CONNECT_TIMEOUT": "0.3",
            ]
            let account = ["--account", "sandbox-anyreach"]
            let create = try await cli.expect(
                4, ["configurations", "create", "--name", "Later", "--retry-limit", "1"] + account, environment: fast)
            #expect(create.stderr.contains("unreachable") && create.stderr.contains("journal replay"))
            try await cli.expect(4, ["concurrency", "--set", "33"] + account, environment: fast)
            let waiting = try await cli.expect(0, ["journal", "list", "--json"]).json()
            #expect(
                waiting.objects("entries").map { $0["action"] as? String ?? "" } == [
                    "setConcurrency", "createConfiguration",
                ])
            #expect(waiting.objects("entries").allSatisfy { ["pending", "sending"].contains($0["state"] as? String) })

            try cli.writeConfig(reachable)
            let replay = try await cli.expect(0, ["journal", "replay", "--json"]).json()
            #expect(replay.objects("settled").map { $0["state"] as? String } == ["done", "done"])
            #expect(try await cli.expect(0, ["journal", "replay", "--json"]).json().objects("settled").isEmpty)
            let listed = try await cli.expect(0, ["configurations", "list", "--json"] + account).json()
            #expect(listed.objects("configurations").filter { $0["name"] as? String == "Later" }.count == 1)
            let limit = try await cli.expect(0, ["concurrency", "--json"] + account).json()
            #expect(limit["concurrency_limit"] as? Int == 33)
        }
    }
}
