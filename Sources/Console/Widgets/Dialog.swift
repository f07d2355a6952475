/// A bordered box over the screen with a title and lines of text (each line may mix
/// styles), and a hint on the bottom border.
public struct Dialog: Sendable {
    public var title: String
    public var lines: [[(text: String, style: Style)]]
    public var hint: String

    public init(title: String, lines: [[(text: String, style: Style)]], hint: String) {
        self.title = title
        self.lines = lines
        self.hint = hint
    }

    /// The columns the box wants: its widest line plus borders and padding.
    public var preferredWidth: Int {
        let widest = lines.map { $0.reduce(0) { $0 + DisplayText.width(of: DisplayText.sanitize($1.text)) } }.max() ?? 0
        return max(widest, DisplayText.width(of: title) + 4, DisplayText.width(of: hint) + 4) + 4
    }

    /// Draws the box centred in `area`; lines that do not fit are left out.
    public func render(into canvas: inout Canvas, area: Rect) {
        let box = area.centered(width: preferredWidth, height: lines.count + 2)
        guard box.width >= 4, box.height >= 2 else { return }
        canvas.fill(box, style: .plain)
        let inner = box.width - 2
        canvas.put("┌" + String(repeating: "─", count: inner) + "┐", x: box.x, y: box.y, style: .plain)
        canvas.put(" \(title) ", x: box.x + 2, y: box.y, style: .title, maxWidth: inner - 2)
        for row in 1..<(box.height - 1) {
            canvas.put("│", x: box.x, y: box.y + row, style: .plain)
            canvas.put("│", x: box.x + box.width - 1, y: box.y + row, style: .plain)
            var x = box.x + 2
            for part in lines[row - 1] where x < box.x + box.width - 2 {
                x += canvas.put(part.text, x: x, y: box.y + row, style: part.style, maxWidth: box.x + box.width - 2 - x)
            }
        }
        let bottom = box.y + box.height - 1
        canvas.put("└" + String(repeating: "─", count: inner) + "┘", x: box.x, y: bottom, style: .plain)
        canvas.put(" \(hint) ", x: box.x + 2, y: bottom, style: .muted, maxWidth: inner - 2)
    }
}
