/// A one-row bar of `value` out of `total` with the figures after it: `█████░░░ 5/8`.
public struct ProgressBar: Sendable {
    public var value: Int
    public var total: Int
    public var style: Style

    public init(value: Int, total: Int, style: Style) {
        self.value = value
        self.total = total
        self.style = style
    }

    public func render(into canvas: inout Canvas, area: Rect) {
        guard area.height > 0, area.width > 0 else { return }
        let label = " \(value)/\(total)"
        let barWidth = max(0, area.width - label.count)
        let filled = total > 0 ? min(barWidth, barWidth * max(0, value) / total) : 0
        let used = canvas.put(String(repeating: "█", count: filled), x: area.x, y: area.y, style: style)
        canvas.put(
            String(repeating: "░", count: barWidth - filled), x: area.x + used, y: area.y, style: .muted,
            maxWidth: barWidth - filled)
        canvas.put(label, x: area.x + barWidth, y: area.y, style: .plain, maxWidth: area.width - barWidth)
    }
}
