import Foundation
import SwitchboardCore

/// The bulk import over a campaign screen (`i`): a file path, the column mapping, a dry
/// run, then the change journaled and sent in the background with its progress.
public struct ImportFlow: Hashable, Sendable {
    public enum Stage: Hashable, Sendable {
        /// Typing the file's path (Tab completes).
        case path
        /// The file's header is being read.
        case readingHeader
        /// The columns and the fields they fill, editable.
        case mapping
        /// The dry run reads the whole file.
        case checking
        /// What the dry run found; Enter sends.
        case summary
        /// Journaling and sending; the operator may hide the view meanwhile.
        case sending
    }

    public var account: String
    public var campaignID: String
    public var campaignName: String
    public var vendorName: String
    public var defaultCountryCode: String?
    /// What the vendor can do with a file of contacts (`upsert` first).
    public var actions: [UpsertAction]
    public var action: UpsertAction
    public var stage = Stage.path
    /// False while the operator has stepped away from a running import.
    public var isShown = true
    public var path = TextField()
    /// The candidates the last Tab found when it could not choose one.
    public var completions: [String] = []
    /// The header as read, its auto-mapping, and the fields chosen (`fields`).
    public var header: ImportHeader?
    public var fields: [ContactField] = []
    public var mappingTable = TableState()
    /// The selected column's field being typed (`=`).
    public var typedField: TextField?
    /// What stops the current step, saying what and where.
    public var problem: String?
    public var prediction: ImportPrediction?
    /// Rows the dry run has read so far.
    public var checkedRows = 0
    /// The first reject shown on the summary.
    public var rejectsScroll = 0
    /// Which request a result answers: results of an abandoned step are dropped.
    public var generation = 0
    public var entryID: Int64?
    /// Contacts journaled so far, and the rows the real run rejected.
    public var journaled = 0
    public var rejected = 0
    public var progress: SyncProgress?
    /// After an import stopped while sending (its progress had begun, so the whole file was
    /// journaled): the entry that Enter sends again, rather than journaling the file anew.
    public var resumeEntryID: Int64?
    public var retries = 0
    public var lastRetry: SyncRetry?

    public init(
        account: String, campaignID: String, campaignName: String, vendorName: String,
        defaultCountryCode: String?, actions: [UpsertAction]
    ) {
        self.account = account
        self.campaignID = campaignID
        self.campaignName = campaignName
        self.vendorName = vendorName
        self.defaultCountryCode = defaultCountryCode
        self.actions = actions.isEmpty ? [.upsert] : actions
        action = self.actions[0]
    }

    /// The fields ← and → step through; a column's own `data` key is among them.
    static func choices(for column: String) -> [ContactField] {
        [
            .email, .phone, .firstName, .lastName, .externalID, .id, .timezone, .scheduledAt, .status, .tags,
            .data(column.trimmingCharacters(in: .whitespaces)), .skip,
        ]
    }

    /// The operator's changes to the auto-mapping, as `COLUMN=FIELD` pairs.
    public var overrides: [String] {
        guard let header else { return [] }
        return header.columns.indices.compactMap { index in
            guard index < fields.count, fields[index] != header.fields[index] else { return nil }
            return "\(header.columns[index].trimmingCharacters(in: .whitespaces))=\(fields[index])"
        }
    }

    /// The import as the effect runner carries it out.
    public var job: ImportJob {
        ImportJob(
            account: account, campaignID: campaignID, path: path.text, action: action, overrides: overrides,
            defaultCountryCode: defaultCountryCode)
    }

    /// Two columns filling a field a contact has one of, in the operator's words; nil when
    /// the mapping can be used.
    public var mappingProblem: String? {
        guard let header else { return nil }
        let pairs = overrides
        do {
            _ = try ColumnMapping(header: header.columns, overrides: ColumnOverrides(parsing: pairs))
            return nil
        } catch {
            return "\(error)"
        }
    }
}

/// A CSV file's header and the auto-detected field of each column (none for JSON).
public struct ImportHeader: Hashable, Sendable {
    /// The file as typed.
    public var path: String
    public var format: ImportFormat
    public var columns: [String]
    public var fields: [ContactField]

    public init(path: String, format: ImportFormat, columns: [String], fields: [ContactField]) {
        self.path = path
        self.format = format
        self.columns = columns
        self.fields = fields
    }
}

/// What a path completion found in the typed path's directory.
public struct PathListing: Hashable, Sendable {
    /// The text completed, as typed.
    public var typed: String
    /// Entries of the directory whose names start with the typed last part, sorted; a
    /// directory's name ends in `/`.
    public var matches: [String]

    public init(typed: String, matches: [String]) {
        self.typed = typed
        self.matches = matches
    }

    /// The typed text up to and with its last `/` (empty for a bare name).
    public var directory: String {
        guard let slash = typed.lastIndex(of: "/") else { return "" }
        return String(typed[...slash])
    }
}

/// An import for the effect runner: the file, the campaign, the action and the mapping.
public struct ImportJob: Hashable, Sendable {
    public var account: String
    public var campaignID: String
    /// The file as typed (`~` is expanded when it is read).
    public var path: String
    public var action: UpsertAction
    /// `COLUMN=FIELD` changes to the auto-mapping.
    public var overrides: [String]
    public var defaultCountryCode: String?

    public init(
        account: String, campaignID: String, path: String, action: UpsertAction, overrides: [String],
        defaultCountryCode: String?
    ) {
        self.account = account
        self.campaignID = campaignID
        self.path = path
        self.action = action
        self.overrides = overrides
        self.defaultCountryCode = defaultCountryCode
    }
}

/// How a sent import ended: the settled entry and the rows rejected before sending.
public struct ImportFinished: Hashable, Sendable {
    public var entry: JournalEntry
    public var rejected: Int

    public init(entry: JournalEntry, rejected: Int) {
        self.entry = entry
        self.rejected = rejected
    }
}

/// Effects of the bulk import; each answers with an `ImportMsg`.
public enum ImportEffect: Hashable, Sendable {
    /// List the entries of the typed path's directory that complete it.
    case listPaths(String)
    /// Read the file's header and auto-map it.
    case readHeader(ImportJob, generation: Int)
    /// Read the whole file: what would happen to each row, nothing journaled (replaces a
    /// dry run or header read still going).
    case dryRun(ImportJob, generation: Int)
    /// Stop the header read or dry run still going (the operator stepped back).
    case stopChecking
    /// Journal the file's valid contacts and send them through the sync engine.
    case send(ImportJob)
}

/// What the import effects report.
public enum ImportMsg: Sendable {
    case pathsListed(Result<PathListing, Failure>)
    case headerRead(generation: Int, Result<ImportHeader, Failure>)
    /// The dry run is under way: rows read so far.
    case checking(generation: Int, rows: Int)
    case checked(generation: Int, Result<ImportPrediction, Failure>)
    /// The entry so far: contacts journaled, rows rejected.
    case journaled(entryID: Int64, contacts: Int, rejected: Int)
    case progress(entryID: Int64, SyncProgress)
    case retrying(entryID: Int64, SyncRetry)
    case finished(Result<ImportFinished, Failure>)
}
