import ArgumentParser
import SwitchboardCore

/// `switchboard concurrency [--set N]`: the organization's limit on calls at once (Anyreach).
struct ConcurrencyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concurrency",
        abstract: "Show or set the organization's concurrent call limit (Anyreach).",
        discussion: """
            Example:
              switchboard concurrency --account acme-calls
              switchboard concurrency --set 20 --account acme-calls

            --set is journaled before it is sent, like every change (replayed by `switchboard journal replay` \
            when the vendor cannot be reached); --json then adds journal_id.
            """
    )

    @OptionGroup var account: AccountOption
    @OptionGroup var output: JSONFlag
    @Option(help: "Set the limit (1 to 10000).") var set: Int?

    func validate() throws {
        if let set, !(1...10_000).contains(set) { throw ValidationError("--set must be between 1 and 10000") }
    }

    func run() async throws {
        try await Session.with(account: account.account, readonly: account.readonly) { session in
            let anyreach = try session.anyreach(.manageCampaigns, for: "the concurrency setting")
            if let set { try session.requireWritable("setting the concurrency limit to \(set)") }
            var journalID: Int64?
            if let set {
                journalID = try await SettingsSubmission.run(
                    .setConcurrency(account: session.account.name, limit: set), session: session
                ).id
            }
            let answer = try await session.reach.call { try await anyreach.concurrency() }
            if output.json {
                var document = session.header
                document["concurrency_limit"] = .int(answer.concurrencyLimit)
                document["active_calls"] = .int(answer.activeCalls)
                if let journalID { document["journal_id"] = .int(Int(journalID)) }
                try JSONOutput.print(.object(document))
            } else {
                var table = journalID == nil ? Table("LIMIT", "ACTIVE CALLS") : Table("LIMIT", "ACTIVE CALLS", "JOURNAL")
                let row = [String(answer.concurrencyLimit), answer.activeCalls.map(String.init) ?? ""]
                if let journalID { table.add(row + ["#\(journalID)"]) } else { table.add(row) }
                print(table.render(style: .forStream()))
            }
        }
    }
}
