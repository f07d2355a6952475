import Console
import ArgumentParser
import Foundation
import SwitchboardCore

/// `switchboard contacts`: a campaign's contacts. CAMPAIGN is the vendor's campaign id, or
/// `default` for contacts in no campaign (Anyreach's `default`, CampaignLark's workspace,
/// Reply.io contacts outside sequences).
struct ContactsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contacts",
        abstract: "List, show, delete and upsert a campaign's contacts.",
        subcommands: [List.self, Show.self, Delete.self, UpsertContacts.self]
    )

    /// `contacts list CAMPAIGN [--status S] [--limit N]`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List a campaign's contacts.",
            discussion: """
                Example:
                  switchboard contacts list spring-2025 --status pending --limit 20 --account acme-calls
                  switchboard contacts list default --json --account lark
                """
        )

        @OptionGroup var account: AccountOption
        @OptionGroup var output: JSONFlag
        @Argument(help: "The campaign id, or `default`.") var campaign: String
        @Option(help: "Only contacts in this status (the vendor's word, e.g. pending, completed).")
        var status: String?
        @Option(help: "At most this many contacts.") var limit = 100

        func validate() throws {
            guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        }

        func run() async throws {
            try await Session.with(account: account.account) { session in
                try session.require(.listContacts, for: "listing contacts")
                var contacts: [Contact] = []
                var total: Int?
                var offset: Int? = 0
                while let start = offset, contacts.count < limit {
                    let page = try await session.client.contacts(
                        campaignID: campaign, status: status, limit: limit - contacts.count, offset: start)
                    contacts += page.contacts.prefix(limit - contacts.count)
                    total = page.total
                    offset = page.contacts.isEmpty ? nil : page.nextOffset
                }
                // The cache tells a later upsert which contacts were known before it.
                try await openStore().saveContacts(
                    contacts, account: session.account.name, campaignID: campaign, seenAt: Date())
                if output.json {
                    var document = session.header
                    document["campaign"] = .string(campaign)
                    document["total"] = .int(total)
                    document["contacts"] = .array(contacts.map(\.json))
                    try JSONOutput.print(.object(document))
                    return
                }
                let style = Style.forStream()
                var table = Table("ID", "NAME", "EMAIL", "PHONE", "STATUS", "ATTEMPTS")
                for contact in contacts {
                    table.add(
                        contact.id, contact.displayName, contact.email ?? "", contact.phoneNumbers.first ?? "",
                        contact.status?.raw ?? "", contact.attemptCount.map(String.init) ?? "")
                }
                print(table.render(style: style) { column, text in column == 4 ? style.word(text) : text })
                if let total, total > contacts.count {
                    StandardError.line("\(contacts.count) of \(total) contacts; --limit shows more")
                }
            }
        }
    }

    /// `contacts show CAMPAIGN CONTACT`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one contact, every field.",
            discussion: "Example:\n  switchboard contacts show spring-2025 lead-0042 --account acme-calls")

        @OptionGroup var account: AccountOption
        @OptionGroup var output: JSONFlag
        @Argument(help: "The campaign id, or `default`.") var campaign: String
        @Argument(help: "The contact: the vendor's id (Anyreach: UUID or external_id).") var contact: String

        func run() async throws {
            try await Session.with(account: account.account) { session in
                try session.require(.getContact, for: "reading one contact")
                let found = try await session.client.contact(campaignID: campaign, contactID: contact)
                if output.json {
                    var document = session.header
                    document["campaign"] = .string(campaign)
                    document["contact"] = found.json
                    try JSONOutput.print(.object(document))
                    return
                }
                var table = Table("FIELD", "VALUE")
                table.add("id", found.vendorID ?? "")
                table.add("external id", found.externalID ?? "")
                table.add("name", found.displayName)
                table.add("email", found.email ?? "")
                table.add("phones", found.phoneNumbers.joined(separator: ", "))
                table.add("status", found.status?.raw ?? "")
                table.add("attempts", found.attemptCount.map(String.init) ?? "")
                table.add("timezone", found.timezone ?? "")
                table.add("scheduled", found.scheduledAt ?? "")
                table.add("updated", found.updatedAt ?? "")
                for key in found.data.keys.sorted() { table.add(key, found.data[key]!.description) }
                print(table.render(style: .forStream()))
            }
        }
    }

    /// `contacts delete CAMPAIGN CONTACT`, through the journal.
    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete",
            abstract: "Delete one contact (journaled first; a contact already gone is `ignored`).",
            discussion: "Example:\n  switchboard contacts delete spring-2025 lead-0042 --account acme-calls")

        @OptionGroup var account: AccountOption
        @OptionGroup var output: JSONFlag
        @Argument(help: "The campaign id, or `default`.") var campaign: String
        @Argument(help: "The contact: the vendor's id (Anyreach: UUID or external_id).") var contact: String

        func run() async throws {
            try await Session.with(account: account.account, readonly: account.readonly) { session in
                try session.require(.deleteContact, for: "deleting contacts")
                try session.requireWritable("deleting contact \(contact)")
                let store = try openStore()
                let entry = try await session.engine(store: store).submit(
                    Change(
                        account: session.account.name, campaignID: campaign, action: .delete,
                        contacts: [Contact(vendorID: contact)]))
                try session.checkRefusal()
                let row = try await store.journal.contacts(of: entry.id!, limit: 1).first
                let outcome = row?.outcome ?? entry.state.rawValue
                if output.json {
                    var document = session.header
                    document["campaign"] = .string(campaign)
                    document["contact"] = .string(contact)
                    document["journal_id"] = .int(Int(entry.id!))
                    document["outcome"] = .string(outcome)
                    document["message"] = .text(row?.message ?? entry.reason)
                    try JSONOutput.print(.object(document))
                } else {
                    let style = Style.forStream()
                    let note = (row?.message ?? entry.reason).map { ": " + DisplayText.sanitize($0) } ?? ""
                    print("journal #\(entry.id!): \(DisplayText.sanitize(contact)) \(style.word(outcome))\(note)")
                }
                if entry.state != .done { throw ExitCode(ExitStatus.partialFailure) }
            }
        }
    }
}
