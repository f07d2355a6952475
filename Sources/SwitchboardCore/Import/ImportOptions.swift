/// The kinds of file an import reads.
public enum ImportFormat: String, Sendable, Hashable, CaseIterable {
    case csv
    case json

    /// The format a file name's extension names (`.json`, else CSV).
    public init(path: String) {
        self = path.lowercased().hasSuffix(".json") ? .json : .csv
    }
}

/// How an import reads its file and whom it validates for.
public struct ImportOptions: Sendable {
    /// The vendor the contacts are for: its statuses and what it needs to identify a contact.
    public var vendor: Vendor
    /// For national phone numbers (`+1`).
    public var defaultCountryCode: String?
    /// The operator's `COLUMN=FIELD` pairs (CSV only).
    public var overrides: ColumnOverrides
    /// Valid contacts per batch; a batch also ends after this many problems.
    public var batchSize: Int
    /// Nil: from the file's extension.
    public var format: ImportFormat?
    /// Bytes read from a CSV file at a time.
    public var chunkSize: Int

    public init(
        vendor: Vendor, defaultCountryCode: String? = nil, overrides: ColumnOverrides = ColumnOverrides(),
        batchSize: Int = 1000, format: ImportFormat? = nil, chunkSize: Int = CSVReader.defaultChunkSize
    ) {
        self.vendor = vendor
        self.defaultCountryCode = defaultCountryCode
        self.overrides = overrides
        self.batchSize = max(batchSize, 1)
        self.format = format
        self.chunkSize = chunkSize
    }

    /// Options for `account`: its vendor and default country code.
    public init(account: Account, overrides: ColumnOverrides = ColumnOverrides(), batchSize: Int = 1000) {
        self.init(
            vendor: account.vendor, defaultCountryCode: account.defaultCountryCode, overrides: overrides,
            batchSize: batchSize)
    }
}

/// Valid contacts of consecutive rows, ready to journal and send, with the problems of the
/// rows among them that were not imported.
public struct ImportBatch: Sendable, Hashable {
    public var contacts: [Contact]
    /// The file line each valid contact starts on, parallel to `contacts` (or the encoded ones).
    public var rowNumbers: [Int]
    /// Rows left out, in file order.
    public var problems: [ImportProblem]
    /// The fields of each CSV row left out, by its file line, as the file had them: what the
    /// operator fixes before importing the row again. A row the CSV reader could not read
    /// whole (a broken quote, a field too large) has none.
    public var rejectedFields: [Int: [String]]
    /// Each JSON contact left out, by its place in the array, as compact JSON text.
    public var rejectedObjects: [Int: String] = [:]
    /// Valid contacts journaled as a vendor request body (the bulk lane) rather than as
    /// `contacts`: there are no `Contact` models of them; their lines are in `rowNumbers`.
    public var encodedCount = 0

    /// Valid contacts in the batch, as models or encoded.
    public var validCount: Int { contacts.count + encodedCount }

    public init(
        contacts: [Contact] = [], rowNumbers: [Int] = [], problems: [ImportProblem] = [],
        rejectedFields: [Int: [String]] = [:]
    ) {
        self.contacts = contacts
        self.rowNumbers = rowNumbers
        self.problems = problems
        self.rejectedFields = rejectedFields
    }

    /// How many rows were left out: a row with several problems counts once.
    public var rejectedRows: Int {
        var rows = Set<ImportReject.Row>()
        var count = 0
        for problem in problems where problem.line == 0 || rows.insert(ImportReject.Row(problem)).inserted {
            count += 1
        }
        return count
    }
}
