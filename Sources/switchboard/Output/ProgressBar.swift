import SwitchboardCore

/// The one-line progress bar `contacts upsert` draws on a terminal's standard error.
enum ProgressBar {
    static let width = 30

    /// `[#########.....]  1200/5000  24%  310/s  12s left`.
    static func line(_ progress: SyncProgress) -> String {
        let filled = Int((progress.fraction * Double(width)).rounded(.down))
        var text = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]"
        text += "  \(progress.done)/\(progress.total)  \(Int(progress.fraction * 100))%"
        if progress.failed > 0 { text += "  \(progress.failed) failed" }
        if let rate = progress.contactsPerSecond { text += "  \(Int(rate))/s" }
        if let left = progress.secondsLeft { text += "  \(Int(left.rounded()))s left" }
        return text
    }
}
