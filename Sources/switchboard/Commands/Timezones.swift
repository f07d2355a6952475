import Console
import ArgumentParser
import SwitchboardCore

/// `switchboard timezones`: the timezones the vendor accepts (Anyreach).
struct TimezonesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timezones",
        abstract: "List the IANA timezones the vendor accepts (Anyreach).",
        discussion: "Example:\n  switchboard timezones --account acme-calls | grep Europe/"
    )

    @OptionGroup var account: AccountOption
    @OptionGroup var output: JSONFlag

    func run() async throws {
        try await Session.with(account: account.account) { session in
            let anyreach = try session.anyreach(.manageCampaigns, for: "listing timezones")
            let timezones = try await session.reach.call { try await anyreach.timezones() }
            if output.json {
                var document = session.header
                document["timezones"] = .texts(timezones)
                try JSONOutput.print(.object(document))
            } else {
                print(timezones.map(DisplayText.sanitize).joined(separator: "\n"))
            }
        }
    }
}
