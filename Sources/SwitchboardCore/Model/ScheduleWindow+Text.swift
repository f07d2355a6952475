/// Calling windows as an operator types them: `mon-fri 09:00-17:00, sat 10:00-14:00`.
/// Days are `mon` ... `sun`, a range (`mon-fri`, `fri-mon` wraps) or several joined by
/// `+` (`mon+wed`); times are `HH:MM`, an end before the start crosses midnight; `none`
/// is no windows at all (no calls).
extension ScheduleWindow {
    public static let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// Windows typed as text; throws a message naming the piece that is wrong.
    public static func parseList(_ text: String) throws(ScheduleWindowError) -> [ScheduleWindow] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "none" { return [] }
        let pieces = trimmed.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard !pieces.isEmpty, !pieces.contains(where: \.isEmpty) else {
            throw ScheduleWindowError("write windows as DAYS HH:MM-HH:MM, comma between them (or none for no calls)")
        }
        return try pieces.map { piece throws(ScheduleWindowError) in try parse(piece) }
    }

    /// One window: `mon-fri 09:00-17:00`.
    public static func parse(_ piece: String) throws(ScheduleWindowError) -> ScheduleWindow {
        let parts = piece.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2 else {
            throw ScheduleWindowError("\"\(piece)\": expected DAYS HH:MM-HH:MM, e.g. mon-fri 09:00-17:00")
        }
        var days: [String] = []
        for item in parts[0].lowercased().split(separator: "+", omittingEmptySubsequences: false) {
            let ends = item.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            guard (1...2).contains(ends.count), let first = dayNames.firstIndex(of: ends[0]),
                let last = dayNames.firstIndex(of: ends[ends.count - 1])
            else {
                throw ScheduleWindowError("\"\(piece)\": \"\(item)\" is not a day or a range of days (mon … sun)")
            }
            var index = first
            while true {
                if !days.contains(dayNames[index]) { days.append(dayNames[index]) }
                if index == last { break }
                index = (index + 1) % 7
            }
        }
        let times = parts[1].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard times.count == 2 else {
            throw ScheduleWindowError("\"\(piece)\": the times are HH:MM-HH:MM, e.g. 09:00-17:00")
        }
        for time in times where !isTime(time) {
            throw ScheduleWindowError("\"\(piece)\": \"\(time)\" is not a time of day (HH:MM, 00:00 to 23:59)")
        }
        guard times[0] != times[1] else {
            throw ScheduleWindowError("\"\(piece)\": the window starts and ends at \(times[0])")
        }
        let ordered = dayNames.filter(days.contains)
        return ScheduleWindow(days: ordered, start: times[0], end: times[1])
    }

    /// True for `HH:MM` from 00:00 to 23:59.
    public static func isTime(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return false }
        return hour < 24 && minute < 60
    }

    /// The days as typed back: runs of three or more days as a range (`mon-fri`), the rest
    /// joined by `+`.
    public var daysText: String {
        let indexes = days.compactMap { Self.dayNames.firstIndex(of: $0) }.sorted()
        guard indexes.count == days.count else { return days.joined(separator: "+") }
        var runs: [[Int]] = []
        for index in indexes {
            if let last = runs.last?.last, last + 1 == index {
                runs[runs.count - 1].append(index)
            } else {
                runs.append([index])
            }
        }
        return runs.map { run in
            run.count >= 3
                ? "\(Self.dayNames[run[0]])-\(Self.dayNames[run[run.count - 1]])"
                : run.map { Self.dayNames[$0] }.joined(separator: "+")
        }.joined(separator: "+")
    }

    /// `mon-fri 09:00-17:00`.
    public var text: String { "\(daysText) \(start)-\(end)" }

    /// Windows as typed back, normalized: `mon-fri 09:00-17:00, sat 10:00-14:00`; `none` for no windows.
    public static func text(_ windows: [ScheduleWindow]) -> String {
        windows.isEmpty ? "none" : windows.map(\.text).joined(separator: ", ")
    }
}

/// Why typed windows cannot be read.
public struct ScheduleWindowError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// A vendor client that can show the request a settings change is sent as (no
/// credentials: headers are never shown). The console asks for it before sending.
public protocol SettingsRequestDescribing: Sendable {
    func settingsRequest(_ change: Change) -> RequestPreview?
}
