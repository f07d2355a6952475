import Foundation

/// Colour for human output: on only when the stream is a terminal, `NO_COLOR` is unset
/// (https://no-color.org) and `TERM` is not `dumb`.
struct Style: Sendable {
    let enabled: Bool

    /// The style for standard output (or `stream`).
    static func forStream(_ stream: Int32 = STDOUT_FILENO, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Style
    {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return Style(enabled: isatty(stream) == 1 && !noColor && environment["TERM"] != "dumb")
    }

    func bold(_ text: String) -> String { paint(text, "1") }
    func red(_ text: String) -> String { paint(text, "31") }
    func green(_ text: String) -> String { paint(text, "32") }
    func yellow(_ text: String) -> String { paint(text, "33") }
    func dim(_ text: String) -> String { paint(text, "2") }

    /// An outcome or state word in the colour that reads at a glance.
    func word(_ text: String) -> String {
        switch text {
        case "created", "updated", "removed", "done", "active", "completed": green(text)
        case "failed", "rejected", "closed", "exhausted", "error": red(text)
        case "ignored", "partial", "paused", "pending", "sending": yellow(text)
        default: text
        }
    }

    private func paint(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
