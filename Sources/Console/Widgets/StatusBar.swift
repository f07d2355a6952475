/// A one-row bar: text on the left, text on the right, the rest in the bar's style.
/// The right text wins when both do not fit.
public struct StatusBar: Sendable {
    public var left: [(text: String, style: Style)]
    public var right: String
    public var style: Style

    public init(left: [(text: String, style: Style)], right: String = "", style: Style) {
        self.left = left
        self.right = right
        self.style = style
    }

    public func render(into canvas: inout Canvas, area: Rect) {
        guard area.height > 0, area.width > 0 else { return }
        canvas.fill(area.row(0), style: style)
        let rightWidth = min(DisplayText.width(of: DisplayText.sanitize(right)), area.width)
        if rightWidth > 0 {
            canvas.put(right, x: area.x + area.width - rightWidth, y: area.y, style: style, maxWidth: rightWidth)
        }
        var x = area.x
        let end = area.x + area.width - (rightWidth > 0 ? rightWidth + 1 : 0)
        for part in left where x < end {
            x += canvas.put(part.text, x: x, y: area.y, style: part.style, maxWidth: end - x)
        }
    }
}
