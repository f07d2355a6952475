/// A one-row chart of the latest values, one block character per value, scaled from the
/// smallest value shown (lowest block) to the largest (full block), so movement shows.
public struct Sparkline: Sendable {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    public var values: [Int]
    public var style: Style
    /// The index in `values` of a value to show reversed (a cursor), if any.
    public var marked: Int?

    public init(values: [Int], style: Style, marked: Int? = nil) {
        self.values = values
        self.style = style
        self.marked = marked
    }

    /// The characters for the last `width` values.
    public func text(width: Int) -> String {
        let shown = values.suffix(max(width, 0))
        guard let low = shown.min(), let high = shown.max(), high > low else {
            return String(repeating: Self.levels[0], count: shown.count)
        }
        return String(shown.map { Self.levels[($0 - low) * 7 / (high - low)] })
    }

    public func render(into canvas: inout Canvas, area: Rect) {
        guard area.height > 0 else { return }
        let used = canvas.put(text(width: area.width), x: area.x, y: area.y, style: style, maxWidth: area.width)
        let column = (marked ?? -1) - (values.count - used)
        if column >= 0, column < used {
            canvas.restyle(Rect(x: area.x + column, y: area.y, width: 1, height: 1)) { $0 = $0.selected }
        }
    }
}
