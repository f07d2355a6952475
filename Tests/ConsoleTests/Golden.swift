import Foundation
import Testing

@testable import Console

/// Compares a rendered screen with `Golden/NAME.txt`; `RECORD_GOLDEN=1` rewrites the file.
func expectGolden(_ state: AppState, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let rendered = TextBackend.render(ConsoleView.render(state))
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    let file = directory.appendingPathComponent("\(name)-\(state.width)x\(state.height).txt")
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? rendered.write(to: file, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("missing golden \(file.lastPathComponent); run with RECORD_GOLDEN=1", sourceLocation: sourceLocation)
        return
    }
    if expected != rendered {
        let (a, b) = (expected.components(separatedBy: "\n"), rendered.components(separatedBy: "\n"))
        let diff = (0..<max(a.count, b.count)).compactMap { index -> String? in
            let (x, y) = (index < a.count ? a[index] : "", index < b.count ? b[index] : "")
            return x == y ? nil : "line \(index + 1)\n  golden: \(x)\n  actual: \(y)"
        }
        let shown = diff.prefix(12).joined(separator: "\n")
        Issue.record("\(file.lastPathComponent) differs:\n\(shown)", sourceLocation: sourceLocation)
    }
}
