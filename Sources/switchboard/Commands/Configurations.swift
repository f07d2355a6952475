import Console
import ArgumentParser
import Foundation
import SwitchboardCore

/// `switchboard configurations`: campaign configurations (schedule, retries, agent), on
/// vendors that manage campaigns (Anyreach).
struct ConfigurationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "configurations",
        abstract: "List and manage campaign configurations (Anyreach).",
        subcommands: [List.self, Show.self, Create.self, Update.self, Delete.self]
    )

    /// `configurations list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List configurations.",
            discussion: "Example:\n  switchboard configurations list --json --account acme-calls")
        @OptionGroup var account: AccountOption
        @OptionGroup var output: JSONFlag

        func run() async throws {
            try await Session.with(account: account.account) { session in
                let anyreach = try session.anyreach(.manageCampaigns, for: "campaign configurations")
                let configurations = try await session.reach.call { try await anyreach.listConfigurations() }
                if output.json {
                    var document = session.header
                    document["configurations"] = .array(configurations.map(\.json))
                    try JSONOutput.print(.object(document))
                    return
                }
                var table = Table("ID", "NAME", "TIMEZONE", "RETRIES", "COUNTRY", "WINDOWS")
                for item in configurations {
                    table.add(
                        item.id, item.name ?? "", item.defaultTimezone ?? "", item.retryLimit.map(String.init) ?? "",
                        item.defaultCountryCode ?? "", (item.defaultWindows ?? []).map(\.text).joined(separator: "; "))
                }
                print(table.render(style: .forStream()))
            }
        }
    }

    /// `configurations show ID`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show one configuration.",
            discussion: "Example:\n  switchboard configurations show 3f1c... --account acme-calls")
        @OptionGroup var account: AccountOption
        @OptionGroup var output: JSONFlag
        @Argument(help: "The configuration's id.") var id: String

        func run() async throws {
            try await Session.with(account: account.account) { session in
                let anyreach = try session.anyreach(.manageCampaigns, for: "campaign configurations")
                let item = try await session.reach.call { try await anyreach.configuration(id) }
                try show(item, session: session, json: output.json)
            }
        }
    }

    /// The fields create and update send; only those given.
    struct Fields: ParsableArguments {
        @Option(help: "The configuration's name.") var name: String?
        @Option(help: "The default IANA timezone, e.g. America/New_York (see `switchboard timezones`).")
        var timezone: String?
        @Option(
            help: ArgumentHelp(
                "A calling window: DAYS START-END, e.g. \"mon,tue,wed 09:00-17:00\" (repeat for more).",
                valueName: "window"))
        var window: [String] = []
        @Option(help: "Attempts per contact.") var retryLimit: Int?
        @Option(help: "Country code for national numbers, e.g. +1.") var defaultCountryCode: String?
        @Option(help: "The agent to call with.") var agentId: String?
        @Option(help: "The number to call from.") var agentNumber: String?

        /// What the journal entry carries: only the options given.
        func draft() throws -> ConfigurationDraft {
            ConfigurationDraft(
                name: name, timezone: timezone,
                windows: window.isEmpty
                    ? nil
                    : try window.map(AnyreachWindow.init(parsing:)).map {
                        ScheduleWindow(days: $0.days, start: $0.start, end: $0.end)
                    },
                retryLimit: retryLimit, countryCode: defaultCountryCode, agentID: agentId, agentNumber: agentNumber)
        }

        func input() throws -> AnyreachConfigurationInput {
            AnyreachConfigurationInput(
                name: name, defaultTimezone: timezone,
                defaultWindows: window.isEmpty ? nil : try window.map(AnyreachWindow.init(parsing:)),
                retryLimit: retryLimit, defaultCountryCode: defaultCountryCode, agentID: agentId,
                agentNumber: agentNumber)
        }
    }

    /// `configurations create ...`.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create", abstract: "Create a configuration (through the journal).",
            discussion: """
                The create is journaled before it is sent; a resend (`switchboard journal replay` after a \
                cut network) first looks for the configuration an earlier send made, by name, so it is \
                never made twice. --json adds journal_id.

                Example:
                  switchboard configurations create --name Weekdays --account acme-calls \\
                    --timezone America/New_York --window "mon,tue,wed,thu,fri 09:00-17:00" --retry-limit 3
                """)
        @OptionGroup var account: AccountOption
        @OptionGroup var output: JSONFlag
        @OptionGroup var fields: Fields

        func validate() throws {
            guard fields.name != nil else { throw ValidationError("--name is required") }
            _ = try fields.input()
        }

        func run() async throws {
            try await Session.with(account: account.account, readonly: account.readonly) { session in
                let anyreach = try session.anyreach(.manageCampaigns, for: "campaign configurations")
                try session.requireWritable("creating a configuration")
                let entry = try await SettingsSubmission.run(
                    .createConfiguration(account: session.account.name, try fields.draft()), session: session)
                guard let id = entry.settings?.configurationID else {
                    throw CommandFailure(
                        status: ExitStatus.partialFailure,
                        message: "journal #\(entry.id ?? 0): the vendor did not say which configuration it made")
                }
                let item = try await session.reach.call { try await anyreach.configuration(id) }
                try show(item, session: session, json: output.json, journalID: entry.id)
            }
        }
    }

    /// `configurations update ID ...`.
    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update", abstract: "Change a configuration's fields (through the journal).",
            discussion: "Example:\n  switchboard configurations update 3f1c... --retry-limit 5 --account acme-calls")
        @OptionGroup var account: AccountOption
        @OptionGroup var output: JSONFlag
        @Argument(help: "The configuration's id.") var id: String
        @OptionGroup var fields: Fields

        func validate() throws {
            guard try fields.input() != AnyreachConfigurationInput() else {
                throw ValidationError("nothing to change: give at least one field option")
            }
        }

        func run() async throws {
            try await Session.with(account: account.account, readonly: account.readonly) { session in
                let anyreach = try session.anyreach(.manageCampaigns, for: "campaign configurations")
                try session.requireWritable("updating configuration \(id)")
                let entry = try await SettingsSubmission.run(
                    .updateConfiguration(account: session.account.name, id: id, try fields.draft()), session: session)
                let item = try await session.reach.call { try await anyreach.configuration(id) }
                try show(item, session: session, json: output.json, journalID: entry.id)
            }
        }
    }

    /// `configurations delete ID`.
    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete", abstract: "Delete a configuration (through the journal; refused while a campaign uses it).",
            discussion: "Example:\n  switchboard configurations delete 3f1c... --account acme-calls")
        @OptionGroup var account: AccountOption
        @OptionGroup var output: JSONFlag
        @Argument(help: "The configuration's id.") var id: String

        func run() async throws {
            try await Session.with(account: account.account, readonly: account.readonly) { session in
                _ = try session.anyreach(.manageCampaigns, for: "campaign configurations")
                try session.requireWritable("deleting configuration \(id)")
                let entry = try await SettingsSubmission.run(
                    .deleteConfiguration(account: session.account.name, id: id), session: session)
                if output.json {
                    var document = session.header
                    document["deleted"] = .string(id)
                    document["journal_id"] = .int(entry.id.map(Int.init))
                    try JSONOutput.print(.object(document))
                } else {
                    print("Deleted configuration \(DisplayText.sanitize(id)) (journal #\(entry.id ?? 0)).")
                }
            }
        }
    }

    static func show(_ item: AnyreachConfiguration, session: Session, json: Bool, journalID: Int64? = nil) throws {
        if json {
            var document = session.header
            document["configuration"] = item.json
            if let journalID { document["journal_id"] = .int(Int(journalID)) }
            try JSONOutput.print(.object(document))
            return
        }
        var table = Table("FIELD", "VALUE")
        table.add("id", item.id)
        table.add("name", item.name ?? "")
        table.add("timezone", item.defaultTimezone ?? "")
        table.add("windows", (item.defaultWindows ?? []).map(\.text).joined(separator: "; "))
        table.add("retry limit", item.retryLimit.map(String.init) ?? "")
        table.add("country code", item.defaultCountryCode ?? "")
        table.add("agent", item.agentID ?? "")
        table.add("agent number", item.agentNumber ?? "")
        table.add("updated", item.updatedAt ?? "")
        if let journalID { table.add("journal", "#\(journalID)") }
        print(table.render(style: .forStream()))
    }
}

extension AnyreachWindow {
    /// `mon,tue 09:00-17:00`.
    init(parsing text: String) throws {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        let times = parts.count == 2 ? parts[1].split(separator: "-") : []
        let pattern = #"^([01][0-9]|2[0-3]):[0-5][0-9]$"#
        guard parts.count == 2, times.count == 2,
            times.allSatisfy({ $0.range(of: pattern, options: .regularExpression) != nil })
        else {
            throw ValidationError("--window \"\(text)\": expected DAYS START-END, e.g. \"mon,tue 09:00-17:00\"")
        }
        self.init(days: parts[0].split(separator: ",").map(String.init), start: String(times[0]), end: String(times[1]))
    }

    /// `mon,tue 09:00-17:00`.
    var text: String { "\(days.joined(separator: ",")) \(start)-\(end)" }
}

extension AnyreachConfiguration {
    var json: JSONValue {
        .object([
            "id": .string(id),
            "name": .text(name),
            "default_timezone": .text(defaultTimezone),
            "default_windows": .array(
                (defaultWindows ?? []).map {
                    .object(["days": .texts($0.days), "start": .string($0.start), "end": .string($0.end)])
                }),
            "retry_limit": .int(retryLimit),
            "default_country_code": .text(defaultCountryCode),
            "agent_id": .text(agentID),
            "agent_number": .text(agentNumber),
            "overrides": overrides ?? .null,
            "scheduled_windows": scheduledWindows ?? .null,
            "scheduled_overrides": scheduledOverrides ?? .null,
            "created_at": .text(createdAt),
            "updated_at": .text(updatedAt),
        ])
    }
}

/// Configuration and concurrency changes go through the journal and the sync engine as the
/// console's do (`SyncEngine.submit`): journaled before anything is sent, left for
/// `journal replay` when the vendor cannot be reached (exit 4).
enum SettingsSubmission {
    static func run(_ change: Change, session: Session) async throws -> JournalEntry {
        let entry = try await session.engine(store: try openStore()).submit(change)
        try session.checkRefusal()
        guard entry.state == .done else {
            throw CommandFailure(
                status: ExitStatus.partialFailure,
                message:
                    "journal #\(entry.id ?? 0): \(change.action.rawValue) \(entry.state.rawValue): \(entry.reason ?? "")")
        }
        return entry
    }
}
