/// A column of a `Table`: a title, a width and an alignment.
public struct TableColumn: Hashable, Sendable {
    public enum Width: Hashable, Sendable {
        /// Exactly this many columns.
        case fixed(Int)
        /// A share of what the fixed columns leave, at least `min` columns.
        case flex(min: Int)
    }

    public var title: String
    public var width: Width
    public var alignRight: Bool

    public init(_ title: String, _ width: Width, alignRight: Bool = false) {
        self.title = title
        self.width = width
        self.alignRight = alignRight
    }
}

/// A row of a `Table`: its cell texts, its style, and cells drawn in another style
/// (a number that just changed).
public struct TableRow: Hashable, Sendable {
    public var cells: [String]
    public var style: Style
    public var cellStyles: [Int: Style]

    public init(_ cells: [String], style: Style = .plain, cellStyles: [Int: Style] = [:]) {
        self.cells = cells
        self.style = style
        self.cellStyles = cellStyles
    }
}

/// A table: a title row, then one row per item, with the sort column marked (▲/▼) and
/// the selected row reversed. It draws the rows it is given; scrolling is `TableState`'s.
public struct Table: Sendable {
    public var columns: [TableColumn]
    /// Each row's cell texts and the row's style.
    public var rows: [TableRow]
    /// The selected row's index in `rows`.
    public var selected: Int?
    /// The sorted column and whether ascending.
    public var sort: (column: Int, ascending: Bool)?
    /// Whether the table has the keyboard: its selection is reversed, else only underlined.
    public var focused: Bool

    public init(
        columns: [TableColumn], rows: [TableRow], selected: Int? = nil,
        sort: (column: Int, ascending: Bool)? = nil, focused: Bool = true
    ) {
        self.columns = columns
        self.rows = rows
        self.selected = selected
        self.sort = sort
        self.focused = focused
    }

    /// The widths the columns get in `total` columns (one space between columns).
    public func widths(in total: Int) -> [Int] {
        let gaps = max(0, columns.count - 1)
        let fixed = columns.reduce(0) { sum, column in
            if case .fixed(let width) = column.width { return sum + width }
            return sum
        }
        let flexCount = columns.filter { if case .flex = $0.width { return true } else { return false } }.count
        let spare = max(0, total - gaps - fixed)
        var flexLeft = flexCount
        var spareLeft = spare
        return columns.map { column in
            switch column.width {
            case .fixed(let width): return width
            case .flex(let minimum):
                let share = flexLeft > 0 ? spareLeft / flexLeft : 0
                flexLeft -= 1
                spareLeft -= share
                return max(minimum, share)
            }
        }
    }

    public func render(into canvas: inout Canvas, area: Rect) {
        guard area.height > 0, area.width > 0 else { return }
        let widths = widths(in: area.width)
        canvas.fill(area, style: .plain)
        var titles = columns.map(\.title)
        if let sort, titles.indices.contains(sort.column) {
            // The arrow must survive a narrow column: cut the title, never the arrow.
            let room = max(0, widths[sort.column] - 2)
            titles[sort.column] = DisplayText.truncate(titles[sort.column], toWidth: room) + (sort.ascending ? " ▲" : " ▼")
        }
        drawRow(TableRow(titles, style: .title), widths: widths, y: area.y, area: area, selected: false, canvas: &canvas)
        for (index, row) in rows.prefix(area.height - 1).enumerated() {
            let isSelected = index == selected
            canvas.fill(area.row(1 + index), style: isSelected ? mark(row.style) : row.style)
            drawRow(row, widths: widths, y: area.y + 1 + index, area: area, selected: isSelected, canvas: &canvas)
        }
    }

    /// A selected cell's style: reversed while focused, underlined otherwise.
    private func mark(_ style: Style) -> Style {
        guard !focused else { return style.selected }
        var marked = style
        marked.underline = true
        return marked
    }

    private func drawRow(_ row: TableRow, widths: [Int], y: Int, area: Rect, selected: Bool, canvas: inout Canvas) {
        let cells = row.cells
        var x = area.x
        for (index, width) in widths.enumerated() where x < area.x + area.width {
            let room = min(width, area.x + area.width - x)
            let text = index < cells.count ? cells[index] : ""
            let shown = DisplayText.truncate(DisplayText.sanitize(text), toWidth: room)
            let indent = columns[index].alignRight ? room - DisplayText.width(of: shown) : 0
            let style = row.cellStyles[index] ?? row.style
            canvas.put(shown, x: x + indent, y: y, style: selected ? mark(style) : style, maxWidth: room - indent)
            x += width + 1
        }
    }
}
