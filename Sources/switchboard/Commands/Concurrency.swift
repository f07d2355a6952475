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
            let limit = set
            let answer = try await session.reach.call {
                if let limit { try await anyreach.setConcurrency(limit) } else { try await anyreach.concurrency() }
            }
            if output.json {
                var document = session.header
                document["concurrency_limit"] = .int(answer.concurrencyLimit)
                document["active_calls"] = .int(answer.activeCalls)
                try JSONOutput.print(.object(document))
            } else {
                var table = Table("LIMIT", "ACTIVE CALLS")
                table.add(String(answer.concurrencyLimit), answer.activeCalls.map(String.init) ?? "")
                print(table.render(style: .forStream()))
            }
        }
    }
}
