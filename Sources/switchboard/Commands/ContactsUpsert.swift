import ArgumentParser
import Foundation
import SwitchboardCore

/// `contacts upsert CAMPAIGN --file PATH|-`: a CSV or JSON file through validation, the
/// journal and the sync engine, then a summary and every contact's outcome.
///
/// The vendor's `.upserted` (created or updated, the answer did not say which) is reported
/// as `updated` when the contact was in Switchboard's cache for this campaign before the
/// import (seen in a listing or sent before, matched by vendor id, external id, email or
/// phone), else as `created`.
struct UpsertContacts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upsert",
        abstract: "Add or update (or remove) a campaign's contacts from a CSV or JSON file.",
        discussion: """
            The change is journaled before anything is sent; if the vendor cannot be reached it stays \
            in the journal (exit status 4) for `switchboard journal replay`. A progress bar shows on \
            standard error when it is a terminal.

            --json prints {"account", "vendor", "campaign", "action", "journal_id", "dry_run", "valid", \
            "counts": {"created", "updated", "removed", "ignored", "failed", "rejected"}, \
            "contacts": [{"key", "line", "outcome", "message"}]}.

            Example:
              switchboard contacts upsert spring-2025 --file leads.csv --map Mobile=phone --account acme-calls
              cat leads.json | switchboard contacts upsert default --file - --json --account lark
            """
    )

    /// The actions an operator names.
    enum Action: String, ExpressibleByArgument, CaseIterable {
        case upsert
        case updateOnly = "update-only"
        case remove

        var change: ChangeAction {
            switch self {
            case .upsert: .upsert
            case .updateOnly: .updateOnly
            case .remove: .remove
            }
        }

        var capability: VendorCapabilities {
            switch self {
            case .upsert: .upsert
            case .updateOnly: .updateOnly
            case .remove: .remove
            }
        }

        init(_ action: UpsertAction) {
            switch action {
            case .upsert: self = .upsert
            case .updateOnly: self = .updateOnly
            case .remove: self = .remove
            }
        }
    }

    @OptionGroup var account: AccountOption
    @OptionGroup var output: JSONFlag
    @Argument(help: "The campaign id, or `default`.") var campaign: String
    @Option(help: "The CSV or JSON file (`-` reads standard input).") var file: String
    @Option(help: "upsert (default), update-only or remove; a JSON body's own \"action\" is used when not given.")
    var action: Action?
    @Flag(help: "Change only the fields present for each contact.") var partial = false
    @Option(help: ArgumentHelp("A CSV column and the field it fills, e.g. Mobile=phone (repeatable).", valueName: "COLUMN=FIELD"))
    var map: [String] = []
    @Flag(help: "Validate the file and report; journal and send nothing.") var dryRun = false

    func run() async throws {
        let overrides = try ColumnOverrides(parsing: map)
        try await Session.with(account: account.account, readonly: account.readonly) { session in
            // A dry run changes nothing, so a read-only account may have one.
            if !dryRun { try session.requireWritable("changing the contacts of \(campaign)") }
            let input = try ImportInput(file: file)
            defer { input.discard() }
            let source = try ContactImport(
                path: input.path,
                options: ImportOptions(
                    vendor: session.account.vendor, defaultCountryCode: session.account.defaultCountryCode,
                    overrides: overrides, format: input.format))
            let action = self.action ?? source.requestedAction.map(Action.init) ?? .upsert
            try session.require(action.capability, for: "\(action.rawValue) of contacts")
            var report = UpsertSummary(
                action: action, dryRun: dryRun, session: session, campaign: campaign, json: output.json)
            let store = try openStore()
            let change = Change(
                account: session.account.name, campaignID: campaign, action: action.change, partial: partial)
            let entryID = try await store.journalImport(
                source, as: change, dryRun: dryRun, sourcePath: input.sourcePath
            ) { batch, cached, _ in
                report.add(batch, cached: cached)
            }
            if let entryID {
                let entry = try await send(entryID, store: store, session: session)
                try await report.collect(entry, journal: store.journal)
            }
            report.finish()
            try session.checkRefusal()
            if report.counts.failed > 0 || report.counts.rejected > 0 { throw ExitCode(ExitStatus.partialFailure) }
        }
    }

    /// Sends the entry, drawing progress on standard error when it is a terminal.
    private func send(_ entryID: Int64, store: Store, session: Session) async throws -> JournalEntry {
        guard StandardError.isTerminal else { return try await session.engine(store: store).send(entryID: entryID) }
        let bar = Task {
            for try await progress in store.journal.progress(of: entryID) {
                StandardError.raw("\r" + ProgressBar.line(progress) + "\u{1B}[K")
            }
        }
        defer {
            bar.cancel()
            StandardError.raw("\r\u{1B}[K")
        }
        return try await session.engine(store: store).send(entryID: entryID)
    }
}

/// The import's input file: the path given, or standard input copied to a private
/// temporary file (the importer reads files; contacts are personal data, hence 0600).
struct ImportInput {
    let path: String
    let format: ImportFormat?
    private let temporary: Bool

    init(file: String) throws {
        guard file == "-" else {
            path = file
            format = nil
            temporary = false
            return
        }
        let data = FileHandle.standardInput.readDataToEndOfFile()
        let first = data.first { !" \t\r\n\u{FEFF}".utf8.contains($0) }
        format = first == UInt8(ascii: "[") || first == UInt8(ascii: "{") ? .json : .csv
        path = NSTemporaryDirectory() + "/switchboard-stdin-\(UUID().uuidString)." + (format == .json ? "json" : "csv")
        guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw CommandFailure.usage("cannot keep standard input in \(path)")
        }
        temporary = true
    }

    /// The file the operator named, absolute; nil for standard input (its copy is temporary).
    var sourcePath: String? { temporary ? nil : URL(fileURLWithPath: path).standardizedFileURL.path }

    /// Removes the copy of standard input.
    func discard() {
        if temporary { try? FileManager.default.removeItem(atPath: path) }
    }
}
