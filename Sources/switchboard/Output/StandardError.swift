import Foundation

/// Standard error: diagnostics, the progress bar and notes, never data.
enum StandardError {
    /// Writes `text` and a newline.
    static func line(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Writes `text` as it is (for a progress bar that redraws its line).
    static func raw(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Whether standard error is a terminal (the progress bar shows only then).
    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
