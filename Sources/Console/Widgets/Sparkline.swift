/// A one-row chart of the latest values, one block character per value, scaled from the
/// smallest value shown (lowest block) to the largest (full block), so movement shows.
public struct Sparkline: Sendable {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    public var values: [Int]
    public var style: Style

    public init(values: [Int], style: Style) {
        self.values = values
        self.style = style
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
        canvas.put(text(width: area.width), x: area.x, y: area.y, style: style, maxWidth: area.width)
    }
}
