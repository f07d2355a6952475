import Foundation
import Testing
import VendorSandbox

/// The built binary's changes: Anyreach campaign management, configurations, timezones,
/// concurrency, and contacts upserted and deleted through the journal for every vendor.
@Suite struct CLIWriteTests {
    @Test func anyreachCampaignsConfigurationsTimezonesConcurrency() async throws {
        try await withCLI { cli in
            let account = ["--account", "sandbox-anyreach"]
            let created = try await cli.expect(
                0, ["campaigns", "create", "--name", "CLI launch", "--external-id", "cli-launch", "--json"] + account
            ).json()
            let campaign = try #require(created["campaign"] as? [String: Any])
            #expect(campaign["external_id"] as? String == "cli-launch")
            #expect(Set(created.keys) == ["account", "vendor", "campaign", "journal_id"])
            let updated = try await cli.expect(
                0, ["campaigns", "update", "cli-launch", "--name", "CLI launch 2", "--json"] + account
            ).json()
            #expect((updated["campaign"] as? [String: Any])?["name"] as? String == "CLI launch 2")
            #expect(updated["journal_id"] as? Int == (created["journal_id"] as? Int).map { $0 + 1 })
            for (command, state) in [("start", "active"), ("pause", "paused"), ("close", "closed")] {
                let answer = try await cli.expect(0, ["campaigns", command, "cli-launch", "--json"] + account).json()
                #expect((answer["campaign"] as? [String: Any])?["state"] as? String == state)
                #expect(answer["journal_id"] as? Int != nil)
            }
            let journal = try await cli.expect(0, ["journal", "list", "--json"]).json()
            #expect(
                journal.objects("entries").map { $0["action"] as? String }
                    == ["close", "pause", "start", "updateCampaign", "createCampaign"])
            let missing = try await cli.expect(2, ["campaigns", "create", "--name", "No key"] + account)
            #expect(missing.stderr.contains("--external-id is required"))

            let configuration = try await cli.expect(
                0,
                ["configurations", "create", "--name", "Weekdays", "--timezone", "America/New_York",
                    "--window", "mon,tue,wed 09:00-17:00", "--retry-limit", "3", "--json"] + account
            ).json()
            let id = try #require((configuration["configuration"] as? [String: Any])?["id"] as? String)
            let listed = try await cli.expect(0, ["configurations", "list", "--json"] + account).json()
            #expect(listed.objects("configurations").contains { $0["id"] as? String == id })
            let changed = try await cli.expect(
                0, ["configurations", "update", id, "--retry-limit", "5", "--json"] + account
            ).json()
            #expect((changed["configuration"] as? [String: Any])?["retry_limit"] as? Int == 5)
            try await cli.expect(0, ["configurations", "show", id] + account)
            try await cli.expect(0, ["configurations", "delete", id] + account)
            try await cli.expect(2, ["configurations", "create", "--name", "x", "--window", "someday"] + account)

            let zones = try await cli.expect(0, ["timezones", "--json"] + account).json()
            #expect((zones["timezones"] as? [String])?.contains("America/New_York") == true)
            let set = try await cli.expect(0, ["concurrency", "--set", "7", "--json"] + account).json()
            #expect(set["concurrency_limit"] as? Int == 7)
            let read = try await cli.expect(0, ["concurrency", "--json"] + account).json()
            #expect(read["concurrency_limit"] as? Int == 7)

            for other in ["sandbox-campaignlark", "sandbox-replyio", "sandbox-replify"] {
                let refused = try await cli.expect(2, ["configurations", "list", "--account", other])
                #expect(refused.stderr.contains("not supported by"))
                let create = try await cli.expect(
                    2, ["campaigns", "create", "--name", "x", "--external-id", "x", "--account", other])
                #expect(create.stderr.contains("creating campaigns is not supported by"))
                try await cli.expect(2, ["timezones", "--account", other])
                try await cli.expect(2, ["concurrency", "--account", other])
                try await cli.expect(2, ["campaigns", "pause", "x", "--account", other])
            }
        }
    }

    @Test func anyreachUpsertRemoveDeleteThroughTheJournal() async throws {
        try await withCLI { cli in
            let account = ["--account", "sandbox-anyreach"]
            let created = try await cli.expect(
                0, ["campaigns", "create", "--name", "Upserts", "--external-id", "cli-upserts"] + account)
            #expect(created.stdout.contains("cli-upserts"))
            let csv = """
                external_id,first_name,phone,email
                cli-1,Ann,+14155550101,ann@example.com
                cli-2,Bob,not a phone,
                cli-3,Zoë \u{202E}evil,+14155550103,zoe@example.com

                """
            let file = cli.directory + "/leads.csv"
            try csv.write(toFile: file, atomically: true, encoding: .utf8)
            let dry = try await cli.expect(1, ["contacts", "upsert", "cli-upserts", "--file", file, "--dry-run", "--json"] + account).json()
            #expect(dry["journal_id"] is NSNull)
            #expect(dry["valid"] as? Int == 2)
            let first = try await cli.expect(1, ["contacts", "upsert", "cli-upserts", "--file", file, "--json"] + account).json()
            #expect(Set(first.keys) == ["account", "vendor", "campaign", "action", "journal_id", "dry_run", "valid", "counts", "contacts"])
            let counts = try #require(first["counts"] as? [String: Int])
            #expect(counts == ["created": 2, "updated": 0, "removed": 0, "ignored": 0, "failed": 0, "rejected": 1])
            let outcomes = first.objects("contacts")
            #expect(outcomes.map { $0["line"] as? Int } == [2, 3, 4])
            #expect(outcomes.map { $0["outcome"] as? String } == ["created", "rejected", "created"])
            #expect(outcomes[1]["key"] is NSNull)
            #expect((outcomes[1]["message"] as? String)?.contains("phone") == true)
            #expect(Set(outcomes[0].keys) == ["key", "line", "outcome", "message"])
            // The journal keeps the rejected row with its line, column and reason.
            let importID = try #require(first["journal_id"] as? Int)
            let imported = try await cli.expect(0, ["journal", "show", String(importID), "--json"]).json()
            #expect(imported["rejected"] as? Int == 1)
            let kept = imported.objects("rejects")
            #expect(kept.count == 1)
            #expect(kept.first?["line"] as? Int == 3 && kept.first?["column"] as? String == "phone")
            #expect("column \"phone\": " + (kept.first?["reason"] as? String ?? "") == outcomes[1]["message"] as? String)
            let shown = try await cli.expect(0, ["journal", "show", String(importID)])
            #expect(shown.stdout.contains("REJECTED BECAUSE"), "\(shown.stdout)")
            #expect(shown.stdout.contains("1 row of the file, before sending"), "\(shown.stdout)")
            #expect(kept.first?["fields"] as? [String] == ["cli-2", "Bob", "not a phone", ""])
            // Exported next to the file with the row as it was; fixed, that file imports again.
            let exported = try await cli.expect(0, ["journal", "export", String(importID), "--json"]).json()
            #expect(exported["rejected"] as? Int == 1 && exported["failed"] as? Int == 0)
            #expect(exported["failed_path"] is NSNull)
            let rejectsPath = try #require(exported["rejected_path"] as? String)
            #expect(rejectsPath.hasPrefix(cli.directory + "/leads-rejected-journal-\(importID)-"))
            let rejectedFile = try String(contentsOfFile: rejectsPath, encoding: .utf8)
            let reason = #""""not a phone"" is not a phone number: only digits, a leading +, spaces, dashes, dots and parentheses are allowed""#
            #expect(
                rejectedFile
                    == "rejected_line,rejected_column,rejected_reason,external_id,first_name,phone,email\n"
                    + "3,phone,\(reason),cli-2,Bob,not a phone,\n", "\(rejectedFile)")
            try rejectedFile.replacingOccurrences(of: ",not a phone,", with: ",+14155550102,")
                .write(toFile: rejectsPath, atomically: true, encoding: .utf8)
            let fixed = try await cli.expect(
                0, ["contacts", "upsert", "cli-upserts", "--file", rejectsPath, "--dry-run", "--json"] + account
            ).json()
            #expect(fixed["valid"] as? Int == 1, "\(fixed)")
            let text = try await cli.expect(0, ["journal", "export", String(importID)])
            #expect(text.stdout.contains("1 rejected row"), "\(text.stdout)")
            let notAnID = try await cli.expect(2, ["journal", "export", "twelve"])
            #expect(notAnID.stderr.contains("\"twelve\" is not a journal entry id"), "\(notAnID.stderr)")
            let none = try await cli.expect(2, ["journal", "show", "#9999"])
            #expect(none.stderr.contains("no journal entry #9999"), "\(none.stderr)")
            // The same file again: the cache knows them now.
            let again = try await cli.expect(1, ["contacts", "upsert", "cli-upserts", "--file", file, "--json"] + account).json()
            #expect((again["counts"] as? [String: Int])?["updated"] == 2)
            // A dry run now predicts updates from the cache, contact by contact.
            let predicted = try await cli.expect(
                1, ["contacts", "upsert", "cli-upserts", "--file", file, "--dry-run", "--json"] + account
            ).json()
            #expect(predicted["counts"] as? [String: Int] == ["created": 0, "updated": 2, "removed": 0, "ignored": 0, "failed": 0, "rejected": 1])
            #expect(predicted.objects("contacts").map { $0["outcome"] as? String } == ["updated", "rejected", "updated"])
            let removals = try await cli.expect(
                1, ["contacts", "upsert", "cli-upserts", "--file", file, "--dry-run", "--action", "remove", "--json"] + account
            ).json()
            #expect((removals["counts"] as? [String: Int])?["removed"] == 2)
            // Human output escapes the bidi override in vendor and file text.
            let human = try await cli.expect(1, ["contacts", "upsert", "cli-upserts", "--file", file] + account)
            #expect(human.stdout.contains("1 rejected"))
            let listed = try await cli.expect(0, ["contacts", "list", "cli-upserts"] + account)
            #expect(listed.stdout.contains("\\u{202E}"))
            // A row with two problems is one rejected row, its message naming both.
            let twice = cli.directory + "/twice.csv"
            try "external_id,phone,email\ncli-9,12,not-an-email\ncli-10,+14155550110,\n".write(
                toFile: twice, atomically: true, encoding: .utf8)
            let doubly = try await cli.expect(
                1, ["contacts", "upsert", "cli-upserts", "--file", twice, "--dry-run", "--json"] + account
            ).json()
            #expect((doubly["counts"] as? [String: Int])?["rejected"] == 1)
            let rejectedRows = doubly.objects("contacts").filter { $0["outcome"] as? String == "rejected" }
            #expect(rejectedRows.count == 1)
            #expect(rejectedRows.first?["line"] as? Int == 2)
            let message = rejectedRows.first?["message"] as? String ?? ""
            #expect(message.contains("column \"phone\"") && message.contains("column \"email\""), "\(message)")
            let sentTwice = try await cli.expect(
                1, ["contacts", "upsert", "cli-upserts", "--file", twice, "--json"] + account
            ).json()
            let twiceID = try #require(sentTwice["journal_id"] as? Int)
            let twiceKept = try await cli.expect(0, ["journal", "show", String(twiceID), "--json"]).json().objects("rejects")
            #expect(twiceKept.count == 1 && twiceKept.first?["line"] as? Int == 2)
            #expect(twiceKept.first?["column"] as? String == "email, phone")
            #expect(twiceKept.first?["reason"] as? String == message, "several problems: the reason names each column")
            #expect(!listed.stdout.contains("\u{202E}"))
            // JSON from standard input, removing one.
            let removal = try await cli.expect(
                0, ["contacts", "upsert", "cli-upserts", "--file", "-", "--action", "remove", "--json"] + account,
                stdin: #"[{"external_id": "cli-3", "phone": "+14155550103"}]"#
            ).json()
            #expect((removal["counts"] as? [String: Int])?["removed"] == 1)
            let deleted = try await cli.expect(0, ["contacts", "delete", "cli-upserts", "cli-1", "--json"] + account).json()
            #expect(deleted["outcome"] as? String == "removed")
            let journalID = try #require(deleted["journal_id"] as? Int)
            let entry = try await cli.expect(0, ["journal", "show", String(journalID), "--json"]).json()
            #expect(entry["action"] as? String == "delete")
            #expect(entry["state"] as? String == "done")
            #expect(entry.objects("contacts").first?["outcome"] as? String == "removed")
            try await cli.expect(0, ["journal", "show", "#\(journalID)"])
            let done = try await cli.expect(0, ["journal", "list", "--state", "done", "--json"]).json()
            // The campaign's create, then the six contact changes.
            #expect(done.objects("entries").count == 7)
            #expect(done.objects("entries").last?["action"] as? String == "createCampaign")
            try await cli.expect(0, ["journal", "list"])
            try await cli.expect(2, ["journal", "show", "999"])
            let replay = try await cli.expect(0, ["journal", "replay", "--json"]).json()
            #expect(replay.objects("settled").isEmpty)
            try await cli.expect(2, ["contacts", "upsert", "cli-upserts", "--file", file, "--action", "update-only"] + account)
            try await cli.expect(2, ["contacts", "upsert", "cli-upserts", "--file", file, "--map", "nonsense"] + account)
            try await cli.expect(2, ["contacts", "upsert", "cli-upserts", "--file", cli.directory + "/missing.csv"] + account)
        }
    }

    /// The human table of a file longer than the rows its widths are measured on (the
    /// bulk lane's size): later keys a little longer than the sample's are not cut, a key
    /// far longer is cut with `…`, a line number never is, and every row is aligned alike.
    @Test func upsertTableOfALongFile() async throws {
        try await withCLI { cli in
            let account = ["--account", "sandbox-anyreach"]
            try await cli.expect(0, ["campaigns", "create", "--name", "Long", "--external-id", "cli-long"] + account)
            var csv = "external_id,phone\n"
            for index in 0..<2500 {
                let key = index == 2400 ? "k-" + String(repeating: "x", count: 60) : "k-\(index)"
                csv += "\(key),+1415555\(String(format: "%04d", index))\n"
            }
            csv += "bad-row,12\n"
            let file = cli.directory + "/long.csv"
            try csv.write(toFile: file, atomically: true, encoding: .utf8)
            let human = try await cli.expect(1, ["contacts", "upsert", "cli-long", "--file", file] + account)
            let lines = human.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("LINE") == true)
            let rows = lines.dropFirst().filter { $0.first?.isNumber == true }
            #expect(rows.count == 2501)
            // The sample's widest key is `k-999` (5 columns): `k-2499` fits in the 4 added.
            let keyColumn = try #require(lines.first?.range(of: "KEY")).lowerBound.utf16Offset(in: lines.first!)
            let last = try #require(rows.first { $0.hasPrefix("2501 ") })
            #expect(last.contains(" k-2499 "))
            #expect(last.utf16.count > keyColumn && Array(last.utf16)[keyColumn] == UInt16(UInt8(ascii: "k")))
            let long = try #require(rows.first { $0.hasPrefix("2402 ") })
            #expect(long.contains("k-xxxxxx…"))
            let rejected = try #require(rows.first { $0.hasPrefix("2502 ") })
            #expect(rejected.contains("rejected"))
            // Every created row puts its outcome in the same column.
            let outcomeColumns = Set(
                rows.filter { $0.contains("created") }.map { $0.range(of: "created")!.lowerBound.utf16Offset(in: $0) })
            #expect(outcomeColumns.count == 1)
            #expect(human.stdout.contains("2500 created"))
            // Again: every contact is updated, its word where `created` was, the rows otherwise alike.
            let again = try await cli.expect(1, ["contacts", "upsert", "cli-long", "--file", file] + account)
            let againRows = again.stdout.split(separator: "\n").map(String.init).filter { $0.first?.isNumber == true }
            #expect(againRows.count == 2501)
            #expect(again.stdout.contains("0 created, 2500 updated"))
            let updatedRows = againRows.filter { $0.contains("updated") }
            #expect(updatedRows.count == 2500)
            #expect(Set(updatedRows.map { $0.range(of: "updated")!.lowerBound.utf16Offset(in: $0) }) == outcomeColumns)
            #expect(
                updatedRows.map { $0.replacingOccurrences(of: "updated", with: "created") }
                    == rows.filter { $0.contains("created") })
        }
    }

    /// `journal prune`: a dry run names the settled entries and deletes nothing; then they
    /// go, and a bad day count is refused with its words.
    @Test func journalPruneRemovesSettledEntries() async throws {
        try await withCLI { cli in
            let account = ["--account", "sandbox-anyreach"]
            try await cli.expect(0, ["campaigns", "create", "--name", "Prune", "--external-id", "cli-prune"] + account)
            let file = cli.directory + "/prune.csv"
            try "external_id,phone\np-1,+14155550101\np-2,+14155550102\n".write(toFile: file, atomically: true, encoding: .utf8)
            try await cli.expect(0, ["contacts", "upsert", "cli-prune", "--file", file] + account)
            let entries = try await cli.expect(0, ["journal", "list", "--json"]).json().objects("entries")
            let ids = entries.compactMap { $0["id"] as? Int }
            #expect(!ids.isEmpty)
            // Nothing is 30 days old yet.
            let none = try await cli.expect(0, ["journal", "prune", "--older-than", "30", "--json"]).json()
            #expect((none["entries"] as? [Int]) == [])
            let preview = try await cli.expect(0, ["journal", "prune", "--older-than", "0", "--dry-run", "--json"]).json()
            #expect((preview["entries"] as? [Int])?.sorted() == ids.sorted())
            #expect(preview["dry_run"] as? Bool == true)
            #expect(try await cli.expect(0, ["journal", "list", "--json"]).json().objects("entries").count == ids.count)
            let human = try await cli.expect(0, ["journal", "prune", "--older-than", "0"])
            #expect(human.stdout.hasPrefix("pruned \(ids.count) "))
            #expect(try await cli.expect(0, ["journal", "list", "--json"]).json().objects("entries").isEmpty)
            let refused = try await cli.expect(2, ["journal", "prune", "--older-than=-1"])
            #expect(refused.stderr.contains("--older-than must be 0 days or more"))
        }
    }

    @Test func upsertForTheOtherVendors() async throws {
        try await withCLI { cli in
            let replify = SandboxCredentials.Replify.campaigns[0]
            let csv = "first_name,email,phone\nAda,ada.cli@example.com,+14155550111\nBen,ben.cli@example.com,+14155550112\n"
            let file = cli.directory + "/people.csv"
            try csv.write(toFile: file, atomically: true, encoding: .utf8)
            for (account, campaign) in [
                ("sandbox-replify", replify), ("sandbox-campaignlark", "default"), ("sandbox-replyio", "default"),
            ] {
                let json = try await cli.expect(
                    0, ["contacts", "upsert", campaign, "--file", file, "--json", "--account", account]
                ).json()
                let counts = try #require(json["counts"] as? [String: Int], "\(account)")
                #expect(counts["created", default: 0] + counts["updated", default: 0] == 2, "\(account): \(counts)")
                #expect(json.objects("contacts").allSatisfy { ["created", "updated"].contains($0["outcome"] as? String) })
            }
            let update = try await cli.expect(
                0, ["contacts", "upsert", replify, "--file", file, "--action", "update-only", "--partial", "--json",
                    "--account", "sandbox-replify"]
            ).json()
            #expect(update["action"] as? String == "update-only")
            let again = try await cli.expect(
                0, ["contacts", "upsert", "default", "--file", file, "--json", "--account", "sandbox-replyio"]
            ).json()
            #expect((again["counts"] as? [String: Int])?["ignored"] == 2, "Reply.io does not update: \(again)")
            try await cli.expect(
                2, ["contacts", "delete", "default", "x", "--account", "sandbox-campaignlark"])
        }
    }

    /// A create the vendor never got stays in the journal; `journal replay` creates it
    /// once, and a second send of the same entry finds it by its external id instead of
    /// making another. An update goes the same way.
    @Test func campaignCreateAndUpdateWaitInTheJournalForReplay() async throws {
        try await withCLI { cli in
            let account = ["--account", "sandbox-anyreach"]
            let reachable = try String(contentsOfFile: cli.config, encoding: .utf8)
            try cli.writeConfig(reachable.replacingOccurrences(of: cli.base, with: "http://127.0.0.1:1"))
            let fast = [
                "SWITCHBOARD_RETRY_ATTEMPTS": "2", "SWITCHBOARD_RETRY_DELAY": "0", "SWITCHBOARD_CONNECT_TIMEOUT": "0.3",
            ]
            let away = try await cli.expect(
                4,
                ["campaigns", "create", "--name", "Replayed", "--external-id", "cli-replayed", "--description", "later"]
                    + account,
                environment: fast)
            #expect(away.stderr.contains("journal replay"))
            try await cli.expect(
                4, ["campaigns", "update", "cli-replayed", "--name", "Replayed 2"] + account, environment: fast)
            let waiting = try await cli.expect(0, ["journal", "list", "--json"]).json().objects("entries")
            #expect(waiting.map { $0["action"] as? String } == ["updateCampaign", "createCampaign"])
            #expect(waiting.allSatisfy { ["pending", "sending"].contains($0["state"] as? String) })

            try cli.writeConfig(reachable)
            let replay = try await cli.expect(0, ["journal", "replay", "--json"]).json()
            #expect(replay.objects("settled").map { $0["state"] as? String } == ["done", "done"])
            let listed = try await cli.expect(0, ["campaigns", "list", "--json", "--name", "Replayed"] + account).json()
            let matching = listed.objects("campaigns").filter { $0["external_id"] as? String == "cli-replayed" }
            #expect(matching.count == 1)
            #expect(matching.first?["name"] as? String == "Replayed 2")
            try await cli.expect(0, ["journal", "replay"])

            // The same create again goes through the journal and finds the campaign there.
            let again = try await cli.expect(
                0, ["campaigns", "create", "--name", "Replayed", "--external-id", "cli-replayed", "--json"] + account
            ).json()
            #expect((again["campaign"] as? [String: Any])?["name"] as? String == "Replayed 2")
            let after = try await cli.expect(0, ["campaigns", "list", "--json"] + account).json()
            #expect(after.objects("campaigns").filter { $0["external_id"] as? String == "cli-replayed" }.count == 1)
        }
    }
}
