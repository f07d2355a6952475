import ArgumentParser
import Foundation
import SwitchboardCore

/// `switchboard campaigns`: list campaigns; on vendors that allow it, show, create, update,
/// start, pause and close them.
struct CampaignsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaigns",
        abstract: "List, show and manage campaigns.",
        subcommands: [List.self, Show.self, Create.self, Update.self, Start.self, Pause.self, Close.self]
    )

    /// `campaigns list [--status S] [--name TEXT]`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the account's campaigns.",
            discussion: """
                Replify has no listing route: its campaigns are the account's configured `campaigns`.

                Example:
                  switchboard campaigns list --status active --name spring --account acme-calls
                """
        )

        @OptionGroup var account: AccountOption
        @OptionGroup var output: JSONFlag
        @Option(help: "Only campaigns in this state (active, paused, closed, draft, or the vendor's word).")
        var status: String?
        @Option(help: "Only campaigns whose name contains this text.")
        var name: String?

        func run() async throws {
            try await Session.with(account: account.account) { session in
                let states = status.map { [CampaignState(word: $0)] } ?? []
                let campaigns = try await session.client.campaigns(nameContains: name, states: states)
                if status == nil && name == nil {
                    try await openStore().saveCampaigns(campaigns, account: session.account.name, seenAt: Date())
                }
                if output.json {
                    var document = session.header
                    document["campaigns"] = .array(campaigns.map(\.json))
                    try JSONOutput.print(.object(document))
                } else {
                    print(CampaignTable.render(campaigns))
                }
            }
        }
    }

    /// `campaigns show ID`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one campaign.",
            discussion: """
                Example:
                  switchboard campaigns show spring-2025 --json --account acme-calls
                """
        )

        @OptionGroup var account: AccountOption
        @OptionGroup var output: JSONFlag
        @Argument(help: "The campaign: the vendor's id (Anyreach: UUID or external_id).")
        var id: String

        func run() async throws {
            try await Session.with(account: account.account) { session in
                let campaign = try await session.client.campaign(id: id)
                try CampaignTable.show(campaign, session: session, json: output.json)
            }
        }
    }

    /// Options shared by create and update: only the ones given are sent.
    struct CampaignFields: ParsableArguments {
        @Option(help: "The campaign's name.")
        var name: String?
        @Option(help: "Your own key for the campaign.")
        var externalId: String?
        @Option(help: "A description.")
        var description: String?
        @Option(help: "The configuration (schedule, retries) to use, by id.")
        var configuration: String?

        /// What the journal entry carries: only the options given.
        var draft: CampaignDraft {
            CampaignDraft(name: name, externalID: externalId, configurationID: configuration, description: description)
        }
    }

    /// `campaigns create --name NAME --external-id KEY ...` (Anyreach), through the journal.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Create a campaign (through the journal; vendors that manage campaigns: Anyreach).",
            discussion: """
                The create is journaled before it is sent, like every change. --external-id is required: \
                a resend (a retry, or `switchboard journal replay` after a cut network) first looks the \
                campaign up by it, so the campaign is never created twice. A campaign already there with \
                that external id is shown as it is; nothing is created or changed.

                --json prints {"account", "vendor", "campaign", "journal_id"}.

                Example:
                  switchboard campaigns create --name "Spring 2025" --external-id spring-2025 --account acme-calls
                """
        )

        @OptionGroup var account: AccountOption
        @OptionGroup var output: JSONFlag
        @OptionGroup var fields: CampaignFields

        func validate() throws {
            guard fields.name != nil else { throw ValidationError("--name is required") }
            guard let external = fields.externalId, !external.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError(
                    "--external-id is required: a replay finds the campaign by it, so it is never created twice")
            }
        }

        func run() async throws {
            try await Setup.run(
                .createCampaign, campaignID: fields.externalId!, draft: fields.draft, account: account, json: output.json)
        }
    }

    /// `campaigns update ID ...` (Anyreach), through the journal.
    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update",
            abstract: "Change a campaign's name, external id, description or configuration (through the journal; Anyreach).",
            discussion: """
                --json prints {"account", "vendor", "campaign", "journal_id"}.

                Example:
                  switchboard campaigns update spring-2025 --description "Second wave" --account acme-calls
                """
        )

        @OptionGroup var account: AccountOption
        @OptionGroup var output: JSONFlag
        @Argument(help: "The campaign: UUID or external_id.")
        var id: String
        @OptionGroup var fields: CampaignFields

        func validate() throws {
            guard !fields.draft.isEmpty else {
                throw ValidationError("nothing to change: give --name, --external-id, --description or --configuration")
            }
        }

        func run() async throws {
            try await Setup.run(.updateCampaign, campaignID: id, draft: fields.draft, account: account, json: output.json)
        }
    }

    /// Create and update go through the journal and the sync engine as the console's
    /// campaign form does (`SyncEngine.submit`): journaled before anything is sent, left
    /// for `journal replay` when the vendor cannot be reached.
    enum Setup {
        static func run(
            _ action: ChangeAction, campaignID: String, draft: CampaignDraft, account: AccountOption, json: Bool
        ) async throws {
            try await Session.with(account: account.account, readonly: account.readonly) { session in
                let what = action == .createCampaign ? "creating campaigns" : "updating campaigns"
                try session.require(.manageCampaigns, for: what)
                try session.requireWritable(what)
                let store = try openStore()
                let entry = try await session.engine(store: store)
                    .submit(Change(account: session.account.name, campaignID: campaignID, action: action, campaign: draft))
                try session.checkRefusal()
                guard entry.state == .done else {
                    throw CommandFailure(
                        status: ExitStatus.partialFailure,
                        message: "journal #\(entry.id ?? 0): \(action.rawValue) \(entry.state.rawValue): \(entry.reason ?? "")")
                }
                // An update may have changed the external id the campaign was named by.
                let campaign = try await session.client.campaign(id: draft.externalID ?? campaignID)
                try CampaignTable.show(campaign, session: session, json: json, journalID: entry.id)
            }
        }
    }

    /// `campaigns start ID`.
    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "start", abstract: "Start a campaign (through the journal).",
            discussion: "Example:\n  switchboard campaigns start spring-2025 --account acme-calls")
        @OptionGroup var account: AccountOption
        @OptionGroup var output: JSONFlag
        @Argument(help: "The campaign: UUID or external_id.") var id: String

        func run() async throws { try await Lifecycle.run(.start, id: id, account: account, json: output.json) }
    }

    /// `campaigns pause ID`.
    struct Pause: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pause", abstract: "Pause a campaign (through the journal).",
            discussion: "Example:\n  switchboard campaigns pause spring-2025 --account acme-calls")
        @OptionGroup var account: AccountOption
        @OptionGroup var output: JSONFlag
        @Argument(help: "The campaign: UUID or external_id.") var id: String

        func run() async throws { try await Lifecycle.run(.pause, id: id, account: account, json: output.json) }
    }

    /// `campaigns close ID`.
    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "close", abstract: "Close a campaign for good (through the journal).",
            discussion: "Example:\n  switchboard campaigns close spring-2025 --account acme-calls")
        @OptionGroup var account: AccountOption
        @OptionGroup var output: JSONFlag
        @Argument(help: "The campaign: UUID or external_id.") var id: String

        func run() async throws { try await Lifecycle.run(.close, id: id, account: account, json: output.json) }
    }

    /// Start, pause and close go through the journal like every change, so a cut network
    /// leaves them for replay.
    enum Lifecycle {
        static func run(_ action: ChangeAction, id: String, account: AccountOption, json: Bool) async throws {
            try await Session.with(account: account.account, readonly: account.readonly) { session in
                try session.require(.campaignLifecycle, for: "\(action.rawValue) campaigns")
                try session.requireWritable("\(action.rawValue) of campaign \(id)")
                let store = try openStore()
                let entry = try await session.engine(store: store)
                    .submit(Change(account: session.account.name, campaignID: id, action: action))
                try session.checkRefusal()
                guard entry.state == .done else {
                    throw CommandFailure(
                        status: ExitStatus.partialFailure,
                        message: "journal #\(entry.id ?? 0): \(action.rawValue) \(entry.state.rawValue): \(entry.reason ?? "")")
                }
                let campaign = try await session.client.campaign(id: id)
                try CampaignTable.show(campaign, session: session, json: json, journalID: entry.id)
            }
        }
    }
}

extension CampaignState {
    /// The state an operator typed: a neutral word, else the vendor's own.
    init(word: String) {
        switch word.lowercased() {
        case "active": self = .active
        case "paused": self = .paused
        case "closed": self = .closed
        case "draft": self = .draft
        default: self = .unknown(word)
        }
    }
}

/// How campaigns print for people.
enum CampaignTable {
    static func render(_ campaigns: [Campaign]) -> String {
        let style = Style.forStream()
        var table = Table("ID", "NAME", "STATE", "EXTERNAL ID", "UPDATED")
        for campaign in campaigns {
            table.add(campaign.id, campaign.name, campaign.state.description, campaign.externalID ?? "", campaign.updatedAt ?? "")
        }
        return table.render(style: style) { column, text in column == 2 ? style.word(text) : text }
    }

    /// One campaign: a document with `--json`, else a two-column table.
    static func show(_ campaign: Campaign, session: Session, json: Bool, journalID: Int64? = nil) throws {
        if json {
            var document = session.header
            document["campaign"] = campaign.json
            if let journalID { document["journal_id"] = .int(Int(journalID)) }
            try JSONOutput.print(.object(document))
            return
        }
        var table = Table("FIELD", "VALUE")
        table.add("id", campaign.id)
        table.add("name", campaign.name)
        table.add("state", campaign.state.description)
        table.add("external id", campaign.externalID ?? "")
        table.add("created", campaign.createdAt ?? "")
        table.add("updated", campaign.updatedAt ?? "")
        if let journalID { table.add("journal", "#\(journalID)") }
        print(table.render(style: .forStream()))
    }
}
