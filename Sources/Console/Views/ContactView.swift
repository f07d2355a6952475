import Foundation
import SwitchboardCore

/// One contact: every field, its metadata, what Switchboard last sent and heard, and
/// every journal row that touched it; j/k scroll when it is longer than the screen.
enum ContactView {
    static func draw(_ state: AppState, campaignID: String, key: String, into canvas: inout Canvas, area: Rect) {
        canvas.fill(area, style: .plain)
        let lines = ContactSheet(state: state, campaignID: campaignID, key: key).lines
        let scroll = min(state.contactPane?.scroll ?? 0, max(0, lines.count - area.height))
        for (index, line) in lines.dropFirst(scroll).prefix(area.height).enumerated() {
            draw(line, into: &canvas, area: area.row(index))
        }
    }

    static func draw(_ line: ContactSheet.Line, into canvas: inout Canvas, area: Rect) {
        switch line {
        case .title(let text):
            canvas.put(" " + text, x: area.x, y: area.y, style: .title)
        case .field(let label, let value):
            canvas.put(
                " " + DisplayText.pad(DisplayText.sanitize(label), toWidth: 12), x: area.x, y: area.y, style: .muted)
            canvas.put(value, x: area.x + 14, y: area.y, style: .plain, maxWidth: area.width - 15)
        case .note(let text):
            canvas.put(" " + text, x: area.x, y: area.y, style: .muted)
        case .blank:
            break
        case .historyHeader:
            historyRow(["Time", "Action", "State", "Outcome", "Vendor said"], style: .muted, into: &canvas, area: area)
        case .history(let entry):
            let time = Timestamp.text(entry.answeredAt ?? entry.recordedAt)
            historyRow(
                [time, entry.action.rawValue, entry.state.rawValue, entry.outcome ?? "—", entry.message ?? ""],
                style: entry.outcome == "failed" ? .bad : .plain, into: &canvas, area: area)
        }
    }

    /// Widths of the history columns before the vendor's words, which take the rest.
    static let historyWidths = [20, 10, 8, 9]

    static func historyRow(_ cells: [String], style: Style, into canvas: inout Canvas, area: Rect) {
        var x = area.x + 1
        for (index, cell) in cells.enumerated() where x < area.x + area.width {
            let width = index < historyWidths.count ? historyWidths[index] : area.x + area.width - x - 1
            canvas.put(cell, x: x, y: area.y, style: style, maxWidth: width)
            x += width + 1
        }
    }
}
