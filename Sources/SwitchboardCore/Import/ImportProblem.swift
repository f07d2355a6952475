/// Why a row of an import file (or the whole file) was not imported: the file, the
/// line, the column and the reason, as the operator should read them.
public struct ImportProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file as the operator named it.
    public var file: String
    /// The file line the row starts on (1-based); 0 when the problem is the whole file's.
    public var line: Int
    /// The column's header name (CSV) or the key (JSON), when the problem is in one.
    public var column: String?
    public var reason: String
    /// The contact's place in a JSON file's array (0-based); nil for a CSV row or the whole
    /// file. Each JSON contact is a reject of its own, even when several share a line.
    public var element: Int?

    public init(file: String, line: Int, column: String? = nil, reason: String, element: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
        self.element = element
    }

    /// `file:line: column: reason`, leaving out what is not known.
    public var description: String {
        var text = file
        if line > 0 { text += ":\(line)" }
        if let column { text += ": column \"\(column)\"" }
        return text + ": " + reason
    }
}
