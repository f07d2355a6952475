import SwitchboardCore

/// The part every change preview shares: the requests that will be sent (never a
/// credential) and the scrolled page with its hint line.
enum PreviewText {
    typealias Line = (text: String, style: Style)

    /// The requests, method and path then the body; "preparing…" until they are known.
    static func requestLines(_ requests: [RequestPreview]?) -> [Line] {
        var lines: [Line] = [(" The request (credentials are never shown):", .title)]
        guard let requests else { return lines + [("   preparing…", .muted)] }
        for request in requests {
            lines.append(("   \(request.method) \(request.path)", .key))
            if !request.body.isEmpty {
                lines += request.body.split(separator: "\n", omittingEmptySubsequences: false).map { ("   " + $0, .plain) }
            }
        }
        return lines
    }

    /// `lines` from `scroll` (kept so the last line stays in view), with `hint` at the bottom.
    static func draw(_ lines: [Line], scroll: Int, hint: String, into canvas: inout Canvas, area: Rect) {
        let scroll = min(scroll, max(0, lines.count - area.height + 1))
        for (row, line) in lines.dropFirst(scroll).prefix(area.height - 1).enumerated() {
            canvas.line(line.text, in: area.row(row), style: line.style)
        }
        canvas.line(hint, in: area.row(area.height - 1), style: .muted)
    }
}
