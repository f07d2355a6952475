/// The screen as a grid of cells. Views draw into a canvas; the terminal backend writes
/// only the cells that differ from the previous frame, and the text backend turns it
/// into lines for golden tests.
public struct Canvas: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank(), count: self.width * self.height)
    }

    /// The whole canvas as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    /// Fills the rectangle (clipped to the canvas) with spaces in `style`. A wide
    /// character cut by either edge is blanked whole, as `set` would.
    public mutating func fill(_ rect: Rect, style: Style) {
        let (x0, x1) = (max(rect.x, 0), min(rect.x + rect.width, width))
        let (y0, y1) = (max(rect.y, 0), min(rect.y + rect.height, height))
        guard x0 < x1, y0 < y1 else { return }
        let blank = Cell.blank(style)
        let columns = width
        cells.withUnsafeMutableBufferPointer { cells in
            for y in y0..<y1 {
                let row = y * columns
                if x0 > 0, cells[row + x0].isContinuation { cells[row + x0 - 1] = .blank(cells[row + x0 - 1].style) }
                if x1 < columns, cells[row + x1].isContinuation { cells[row + x1] = .blank(cells[row + x1].style) }
                for index in (row + x0)..<(row + x1) { cells[index] = blank }
            }
        }
    }

    /// Draws `text` from (x, y), escaped with `DisplayText.sanitize` and cut with `…` to
    /// `maxWidth` columns (default: to the canvas edge). Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x >= 0, x < width else { return 0 }
        let limit = min(maxWidth ?? width - x, width - x)
        guard limit > 0 else { return 0 }
        let shown = DisplayText.truncate(DisplayText.sanitize(text), toWidth: limit)
        if DisplayText.isPrintableASCII(shown) {
            // One cell per byte, each one column (truncate kept it within the limit).
            var column = x
            for byte in shown.utf8 {
                set(column, y, Cell(ascii: byte, style: style))
                column += 1
            }
            return column - x
        }
        var column = x
        for character in shown {
            let scalars = character.unicodeScalars
            let single = scalars.index(after: scalars.startIndex) == scalars.endIndex ? scalars.first : nil
            let characterWidth = single.map(DisplayText.width(of:)) ?? DisplayText.width(of: String(character))
            guard characterWidth > 0 else { continue }
            if column + characterWidth > x + limit { break }
            let cell = single.map { Cell(scalar: $0, width: UInt8(characterWidth), style: style) }
            set(column, y, cell ?? Cell(text: String(character), width: UInt8(characterWidth), style: style))
            if characterWidth == 2 { set(column + 1, y, .continuation(style)) }
            column += characterWidth
        }
        return column - x
    }

    /// Draws `text` into one row of `rect`, padded with spaces in `style` to its width.
    public mutating func line(_ text: String, in rect: Rect, style: Style) {
        guard rect.height > 0 else { return }
        fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: style)
        put(text, x: rect.x, y: rect.y, style: style, maxWidth: rect.width)
    }

    /// Changes the style of the cells of a rectangle, keeping their text.
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        for y in max(rect.y, 0)..<min(rect.y + rect.height, height) {
            for x in max(rect.x, 0)..<max(max(rect.x, 0), min(rect.x + rect.width, width)) {
                change(&cells[y * width + x].style)
            }
        }
    }

    /// Writes one cell, blanking the other half of any wide character it cuts in two.
    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        let index = y * width + x
        let old = cells[index]
        if old.isContinuation, x > 0, !cell.isContinuation {
            cells[index - 1] = .blank(cells[index - 1].style)
        }
        if old.width == 2, cell.width != 2, x + 1 < width {
            cells[index + 1] = .blank(cells[index + 1].style)
        }
        cells[index] = cell
    }
}
