/// The file line of each journaled contact, by its position in the entry, kept as runs of
/// consecutive lines: a file whose rows each take one line is one run however long it is,
/// so the importer's memory stays flat (an `[Int32]` cost 4 MB per million contacts, and
/// twice that while it grew). A row spread over several lines (a quoted newline) or a
/// rejected row between two contacts starts a new run.
public struct LineRuns: Sendable {
    /// Each run's first position and first line, positions increasing.
    private var starts: [(position: Int, line: Int)] = []

    public init() {}
    public private(set) var count = 0

    /// Notes the next position's line.
    public mutating func append(_ line: Int) {
        if let last = starts.last, last.line + (count - last.position) == line {
            count += 1
            return
        }
        starts.append((count, line))
        count += 1
    }

    /// The line of the contact at `position`; nil past the end.
    public func line(at position: Int) -> Int? {
        guard position >= 0, position < count else { return nil }
        // The last run starting at or before the position.
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle].position <= position { low = middle } else { high = middle - 1 }
        }
        return starts[low].line + (position - starts[low].position)
    }

    /// Runs kept (for tests: a file of one-line rows is one run).
    public var runCount: Int { starts.count }
}
