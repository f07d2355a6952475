import Console

/// An aligned text table: a header row and data rows, columns padded to the widest cell
/// by terminal width. Every cell is escaped first: vendor text is data, not terminal codes.
struct Table {
    var headers: [String]
    var rows: [[String]] = []
    /// Cells wider than this are cut with "…".
    var maxCellWidth = 60

    init(_ headers: String...) {
        self.headers = headers
    }

    mutating func add(_ cells: String...) {
        rows.append(cells)
    }

    mutating func add(_ cells: [String]) {
        rows.append(cells)
    }

    /// The table as lines; `style` colours the header and the cells `colour` picks.
    func render(style: Style, colour: (_ column: Int, _ text: String) -> String = { $1 }) -> String {
        let cells = rows.map { row in row.map { DisplayText.truncate(DisplayText.sanitize($0), toWidth: maxCellWidth) } }
        var widths = headers.map { DisplayText.width(of: $0) }
        for row in cells {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], DisplayText.width(of: cell))
            }
        }
        func line(_ row: [String], paint: (Int, String) -> String) -> String {
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: max(0, widths[column] - DisplayText.width(of: cell)))
                return column == row.count - 1 ? paint(column, cell) : paint(column, cell) + padding
            }.joined(separator: "  ")
        }
        var lines = [line(headers) { style.bold($1) }]
        lines += cells.map { line($0, paint: colour) }
        return lines.joined(separator: "\n")
    }
}
