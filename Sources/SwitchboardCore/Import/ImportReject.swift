/// One rejected row of an import file as the operator reads it: its file line, the
/// columns its problems name and why. A row with several problems is one reject.
public struct ImportReject: Sendable, Hashable {
    /// The file line the row starts on (0 for a problem of the whole file).
    public var line: Int
    /// The columns the row's problems name, in order, joined with ", "; nil when none does.
    public var column: String?
    /// Why: the one problem's reason, or the problems joined with "; ", each naming its column.
    public var reason: String
    /// The reason naming the column, as the CLI prints it (`column "email": not an email`).
    public var message: String
    /// The row's fields as the file had them, when it was read whole (a CSV row); for a
    /// JSON contact, one field: the contact as compact JSON.
    public var fields: [String]?
    /// The JSON contact's place in the array (0-based); nil for a CSV row or the whole file.
    public var element: Int?

    /// What makes a reject one: a CSV file line, or a JSON contact (several can share a line).
    struct Row: Hashable {
        var line: Int
        var element: Int?

        init(_ problem: ImportProblem) {
            line = problem.line
            element = problem.element
        }
    }

    /// The rejects of a batch's problems, in file order: one per CSV file line or JSON
    /// contact, its problems joined (a problem of the whole file is a reject of its own),
    /// each with its row's fields from `fields` (by file line) or its contact from `objects`
    /// (by place) when they were kept.
    public static func rows(_ problems: [ImportProblem], fields: [Int: [String]] = [:], objects: [Int: String] = [:])
        -> [ImportReject]
    {
        var groups: [[ImportProblem]] = []
        let ordered = problems.enumerated().sorted {
            ($0.element.line, $0.element.element ?? -1, $0.offset) < ($1.element.line, $1.element.element ?? -1, $1.offset)
        }
        for problem in ordered.map(\.element) {
            if problem.line > 0, let last = groups.last?.last, Row(last) == Row(problem) {
                groups[groups.count - 1].append(problem)
            } else {
                groups.append([problem])
            }
        }
        return groups.map { group in
            var reject = ImportReject(joining: group)
            if let element = reject.element {
                reject.fields = objects[element].map { [$0] }
            } else if reject.line > 0 {
                reject.fields = fields[reject.line]
            }
            return reject
        }
    }

    private init(joining problems: [ImportProblem]) {
        let named = problems.map { problem in
            problem.column.map { "column \"\($0)\": \(problem.reason)" } ?? problem.reason
        }
        var columns: [String] = []
        for column in problems.compactMap(\.column) where !columns.contains(column) { columns.append(column) }
        line = problems[0].line
        element = problems[0].element
        column = columns.isEmpty ? nil : columns.joined(separator: ", ")
        message = named.joined(separator: "; ")
        reason = problems.count == 1 ? problems[0].reason : message
    }
}
