import Foundation
import Testing
import VendorSandbox

/// The built binary's read commands against the sandbox, for each vendor as far as its
/// capabilities go; `--json` parsed and checked; help, completion scripts.
@Suite struct CLIReadTests {
    @Test func accountsListShowsSourcesNeverSecrets() async throws {
        try await withCLI { cli in
            let table = try await cli.expect(0, ["accounts", "list"])
            #expect(table.stdout.contains("sandbox-replyio"))
            #expect(table.stdout.contains("inline token (config file)"))
            let json = try await cli.expect(0, ["accounts", "list", "--json"]).json()
            let accounts = json.objects("accounts")
            #expect(accounts.count == 6)
            let anyreach = try #require(accounts.first { $0["name"] as? String == "sandbox-anyreach" })
            #expect(anyreach["vendor"] as? String == "anyreach")
            #expect(anyreach["base_url"] as? String == cli.base + "/anyreach")
            #expect((anyreach["secret_source"] as? [String: Any])?["kind"] as? String == "inline")
            #expect((anyreach["capabilities"] as? [String])?.contains("manage-campaigns") == true)
            let replify = try #require(accounts.first { $0["name"] as? String == "sandbox-replify" })
            #expect(replify["capabilities"] as? [String] == ["upsert", "update-only", "remove"])
            #expect(cli.logMode == 0o600)
        }
    }

    @Test func campaignsForEveryVendor() async throws {
        try await withCLI { cli in
            for account in ["sandbox-anyreach", "sandbox-campaignlark", "sandbox-replyio", "sandbox-replify"] {
                let json = try await cli.expect(0, ["campaigns", "list", "--json", "--account", account]).json()
                #expect(json["account"] as? String == account)
                let campaigns = json.objects("campaigns")
                #expect(!campaigns.isEmpty, "\(account) listed no campaigns")
                for campaign in campaigns {
                    #expect(Set(campaign.keys) == ["id", "name", "state", "external_id", "created_at", "updated_at"])
                }
                let human = try await cli.expect(0, ["campaigns", "list", "--account", account])
                #expect(human.stdout.hasPrefix("ID"))
                #expect(!human.stdout.contains("\u{1B}"), "escape codes reach a pipe")
                #expect(!human.stdout.contains("\u{202E}"), "bidi override printed raw")
            }
            let all = try await cli.expect(0, ["campaigns", "list", "--json", "--account", "sandbox-anyreach"]).json()
            let active = try await cli.expect(
                0, ["campaigns", "list", "--json", "--status", "active", "--account", "sandbox-anyreach"]
            ).json()
            #expect(active.objects("campaigns").allSatisfy { $0["state"] as? String == "active" })
            #expect(active.objects("campaigns").count < all.objects("campaigns").count)
            let first = try #require(all.objects("campaigns").first)
            let name = try #require(first["name"] as? String)
            let byName = try await cli.expect(
                0, ["campaigns", "list", "--json", "--name", String(name.prefix(4)), "--account", "sandbox-anyreach"]
            ).json()
            #expect(byName.objects("campaigns").contains { $0["id"] as? String == first["id"] as? String })
            let shown = try await cli.expect(
                0, ["campaigns", "show", first["id"] as! String, "--json", "--account", "sandbox-anyreach"]
            ).json()
            #expect((shown["campaign"] as? [String: Any])?["name"] as? String == name)
            // Only one account may be implied.
            let ambiguous = try await cli.expect(2, ["campaigns", "list"])
            #expect(ambiguous.stderr.contains("--account"))
        }
    }

    @Test func contactsAndStats() async throws {
        try await withCLI { cli in
            let campaigns = try await cli.expect(0, ["campaigns", "list", "--json", "--account", "sandbox-anyreach"]).json()
            let campaign = try #require(campaigns.objects("campaigns").first?["id"] as? String)
            let listed = try await cli.expect(
                0, ["contacts", "list", campaign, "--limit", "5", "--json", "--account", "sandbox-anyreach"]
            ).json()
            let contacts = listed.objects("contacts")
            #expect(contacts.count <= 5 && !contacts.isEmpty)
            let id = try #require(contacts.first?["vendor_id"] as? String)
            let shown = try await cli.expect(
                0, ["contacts", "show", campaign, id, "--json", "--account", "sandbox-anyreach"]
            ).json()
            #expect((shown["contact"] as? [String: Any])?["vendor_id"] as? String == id)
            let pending = try await cli.expect(
                0, ["contacts", "list", campaign, "--status", "pending", "--json", "--account", "sandbox-anyreach"]
            ).json()
            #expect(pending.objects("contacts").allSatisfy { $0["status"] as? String == "pending" })
            for account in ["sandbox-campaignlark", "sandbox-replyio"] {
                let json = try await cli.expect(
                    0, ["contacts", "list", "default", "--limit", "3", "--json", "--account", account]
                ).json()
                #expect(json.objects("contacts").count == 3, "\(account)")
                try await cli.expect(0, ["contacts", "list", "default", "--limit", "3", "--account", account])
            }
            let lark = try await cli.expect(
                0, ["contacts", "list", "default", "--limit", "1", "--json", "--account", "sandbox-campaignlark"]
            ).json()
            // CampaignLark looks a contact up by email address.
            let larkID = try #require(lark.objects("contacts").first?["email"] as? String)
            try await cli.expect(0, ["contacts", "show", "default", larkID, "--account", "sandbox-campaignlark"])
            let replify = try await cli.expect(
                2, ["contacts", "list", SandboxCredentials.Replify.campaigns[0], "--account", "sandbox-replify"])
            #expect(replify.stderr.contains("not supported by Replify"))

            let stats = try await cli.expect(0, ["stats", campaign, "--json", "--account", "sandbox-anyreach"]).json()
            #expect(stats["total"] as? Int ?? -1 >= 0)
            #expect(Set((stats["by_status"] as? [String: Any] ?? [:]).keys).isSuperset(of: ["pending", "completed"]))
            try await cli.expect(0, ["stats", campaign, "--account", "sandbox-anyreach"])
            // Anyreach's stats route takes the UUID only: an external id is resolved first.
            let named = try #require(campaigns.objects("campaigns").first { ($0["external_id"] as? String)?.isEmpty == false })
            let byExternalID = try await cli.expect(
                0, ["stats", try #require(named["external_id"] as? String), "--json", "--account", "sandbox-anyreach"]
            ).json()
            #expect(byExternalID["campaign"] as? String == named["id"] as? String)
            let unsupported = try await cli.expect(2, ["stats", "default", "--account", "sandbox-replyio"])
            #expect(unsupported.stderr.contains("not supported by Reply.io"))
        }
    }

    @Test func statsWatchPrintsLinesUntilInterrupted() async throws {
        try await withCLI { cli in
            let campaigns = try await cli.expect(0, ["campaigns", "list", "--json", "--account", "sandbox-anyreach"]).json()
            let campaign = try #require(campaigns.objects("campaigns").first?["id"] as? String)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CLIWorld.binary)
            process.arguments = ["stats", campaign, "--watch", "--interval", "0.1", "--account", "sandbox-anyreach"]
            process.environment = ["SWITCHBOARD_CONFIG": cli.config, "SWITCHBOARD_DATA": cli.data, "HOME": cli.directory]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            let exited = AsyncStream<Int32>.makeStream()
            process.terminationHandler = { exited.continuation.yield($0.terminationStatus) }
            try process.run()
            // Two readings, then Ctrl-C.
            let reader = output.fileHandleForReading
            let text = await Task.detached {
                var text = ""
                while text.filter({ $0 == "\n" }).count < 2 {
                    let data = reader.availableData
                    if data.isEmpty { break }
                    text += String(decoding: data, as: UTF8.self)
                }
                return text
            }.value
            kill(process.processIdentifier, SIGINT)
            var statuses = exited.stream.makeAsyncIterator()
            let status = await statuses.next()
            #expect(status == 0)
            #expect(text.contains("total="))
            #expect(!text.contains("\u{1B}"))
        }
    }

    @Test func helpHasAnExampleAndCompletionScriptsGenerate() async throws {
        try await withCLI { cli in
            let commands: [[String]] = [
                [], ["accounts", "list"], ["campaigns", "list"], ["campaigns", "show"], ["campaigns", "create"],
                ["campaigns", "update"], ["campaigns", "start"], ["campaigns", "pause"], ["campaigns", "close"],
                ["configurations", "list"], ["configurations", "show"], ["configurations", "create"],
                ["configurations", "update"], ["configurations", "delete"], ["timezones"], ["concurrency"],
                ["contacts", "list"], ["contacts", "show"], ["contacts", "delete"], ["contacts", "upsert"],
                ["stats"], ["journal", "list"], ["journal", "show"], ["journal", "export"], ["journal", "replay"], ["sandbox"],
            ]
            try await withThrowingTaskGroup(of: Void.self) { group in
                for command in commands {
                    group.addTask {
                        let help = try await cli.expect(0, command + ["--help"])
                        #expect(help.stdout.contains("Example"), "no example in \(command) --help")
                    }
                }
                for shell in ["bash", "zsh", "fish"] {
                    group.addTask {
                        let script = try await cli.expect(0, ["--generate-completion-script", shell])
                        #expect(script.stdout.contains("switchboard"))
                        #expect(script.stdout.contains("upsert"))
                    }
                }
                try await group.waitForAll()
            }
        }
    }
}
