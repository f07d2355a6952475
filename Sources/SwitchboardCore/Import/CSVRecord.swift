/// One record of a CSV file, as `CSVReader` read it.
public struct CSVRecord: Sendable, Hashable {
    /// The file line the record starts on (1-based; a quoted newline makes a record span lines).
    public var line: Int
    /// The fields in file order. When `problem` is set they may be cut short and should not be used.
    public var fields: [String]
    /// What was wrong with the record, if anything; the reader goes on with the next record.
    public var problem: CSVProblem?

    public init(line: Int, fields: [String], problem: CSVProblem? = nil) {
        self.line = line
        self.fields = fields
        self.problem = problem
    }
}

/// A record the reader could not take as written. Fields are 0-based positions in the record.
public enum CSVProblem: Sendable, Hashable {
    /// A quoted field opened on `line` and never closed: the rest of the file was swallowed by it.
    case unterminatedQuote(field: Int, line: Int)
    /// A `"` inside a field that did not start with one.
    case strayQuote(field: Int, line: Int)
    /// Text between a closing quote and the next comma or line end.
    case textAfterClosingQuote(field: Int, line: Int)
    /// A field longer than the reader's limit; the record was skipped without keeping it.
    case fieldTooLarge(field: Int, limit: Int)
    /// A record longer than the reader's limit, all fields together; the record was skipped.
    case recordTooLarge(limit: Int)
    /// More fields than the reader's limit.
    case tooManyFields(limit: Int)
    /// Bytes that are not UTF-8 at `byteOffset` (0-based) of the field, on file line `line`.
    case invalidUTF8(field: Int, line: Int, byteOffset: Int)

    /// The field the problem is in, when it is in one.
    public var field: Int? {
        switch self {
        case .unterminatedQuote(let field, _), .strayQuote(let field, _), .textAfterClosingQuote(let field, _),
            .fieldTooLarge(let field, _), .invalidUTF8(let field, _, _):
            field
        case .recordTooLarge, .tooManyFields: nil
        }
    }

    /// The problem in the operator's words, without the file or the column name.
    public var reason: String {
        switch self {
        case .unterminatedQuote(_, let line):
            "the quote opened on line \(line) is never closed; the rest of the file was read as this field"
        case .strayQuote(_, let line):
            "a quote (\") on line \(line) inside a field that is not quoted; quote the whole field and double the quote"
        case .textAfterClosingQuote(_, let line):
            "text after a closing quote on line \(line); a quote inside a quoted field must be doubled (\"\")"
        case .fieldTooLarge(_, let limit):
            "the field is longer than \(limit) bytes; the row was skipped"
        case .recordTooLarge(let limit):
            "the row is longer than \(limit) bytes; the row was skipped"
        case .tooManyFields(let limit):
            "the row has more than \(limit) fields; the row was skipped"
        case .invalidUTF8(_, let line, let offset):
            "invalid UTF-8 on line \(line) at byte \(offset + 1) of the field; save the file as UTF-8"
        }
    }
}
