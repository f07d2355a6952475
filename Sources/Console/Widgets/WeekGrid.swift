import SwitchboardCore

/// A week's calling schedule as a grid: a row per day (Mon to Sun), two columns per hour,
/// `█` where the whole hour is in a window, `░` where part of it is, `·` where none is.
public struct WeekGrid: Sendable {
    public static let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    /// Rows it takes: the hour ruler and the seven days.
    public static let height = 8
    /// Columns it takes: the day label and 24 two-column hours.
    public static let width = 4 + 48

    /// Minutes in a window per day and hour, `[day][hour]`, 0 to 60.
    public let minutes: [[Int]]

    public init(windows: [ScheduleWindow]) {
        var minutes = Array(repeating: Array(repeating: 0, count: 24), count: 7)
        for window in windows {
            guard let start = Self.minuteOfDay(window.start), let end = Self.minuteOfDay(window.end) else { continue }
            for name in window.days {
                guard let day = Self.days.firstIndex(of: name.lowercased().prefix(3).description) else { continue }
                // An end at or before the start runs past midnight into the next day.
                let length = end > start ? end - start : end + 24 * 60 - start
                for minute in start..<(start + length) {
                    let (dayOffset, inDay) = minute.quotientAndRemainder(dividingBy: 24 * 60)
                    let hour = inDay / 60
                    let row = (day + dayOffset) % 7
                    minutes[row][hour] = min(60, minutes[row][hour] + 1)
                }
            }
        }
        self.minutes = minutes
    }

    /// Minutes since midnight for `HH:MM`; `24:00` is the end of the day.
    static func minuteOfDay(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]), (0...24).contains(hours),
            (0..<60).contains(minutes), hours * 60 + minutes <= 24 * 60
        else { return nil }
        return hours * 60 + minutes
    }

    /// Draws the ruler and the days from (x, y), as far as `area` allows.
    public func render(into canvas: inout Canvas, area: Rect) {
        guard area.height > 0 else { return }
        var ruler = "    "
        for hour in stride(from: 0, to: 24, by: 3) { ruler += DisplayText.pad(String(format: "%02d", hour), toWidth: 6) }
        canvas.put(ruler, x: area.x, y: area.y, style: .muted, maxWidth: area.width)
        for (row, name) in Self.days.enumerated() where row + 1 < area.height {
            let y = area.y + 1 + row
            var x = area.x + canvas.put(name.capitalized + " ", x: area.x, y: y, style: .plain, maxWidth: area.width)
            for hour in 0..<24 where x + 2 <= area.x + area.width {
                let covered = minutes[row][hour]
                let (cell, style): (String, Style) =
                    covered >= 60 ? ("██", .good) : covered > 0 ? ("░░", .good) : ("··", .muted)
                x += canvas.put(cell, x: x, y: y, style: style)
            }
        }
    }
}
