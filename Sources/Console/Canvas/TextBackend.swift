/// Renders a canvas as text for golden tests: the rows as lines (trailing spaces cut),
/// then, under `--- styles`, each row's runs of non-plain style, so a golden file shows
/// both what is written and how it looks.
public enum TextBackend {
    public static func render(_ canvas: Canvas) -> String {
        var lines: [String] = []
        for y in 0..<canvas.height {
            var row = ""
            for x in 0..<canvas.width where !canvas[x, y].isContinuation { row += canvas[x, y].text }
            while row.hasSuffix(" ") { row.removeLast() }
            lines.append(row)
        }
        lines.append("--- styles")
        for y in 0..<canvas.height {
            var runs: [String] = []
            var x = 0
            while x < canvas.width {
                let style = canvas[x, y].style
                var end = x
                while end < canvas.width, canvas[end, y].style == style { end += 1 }
                if style != .plain { runs.append("\(x)-\(end - 1) \(describe(style))") }
                x = end
            }
            if !runs.isEmpty { lines.append("\(y): " + runs.joined(separator: "; ")) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func describe(_ style: Style) -> String {
        var parts: [String] = []
        if case .indexed(let index) = style.foreground { parts.append("fg\(index)") }
        if case .indexed(let index) = style.background { parts.append("bg\(index)") }
        if style.bold { parts.append("bold") }
        if style.reverse { parts.append("reverse") }
        if style.reverseWithoutColor { parts.append("reverse-without-colour") }
        if style.underline { parts.append("underline") }
        if style.dim { parts.append("dim") }
        return parts.joined(separator: ",")
    }
}
