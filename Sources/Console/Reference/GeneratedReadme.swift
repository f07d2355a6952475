/// The README's generated parts: each sits between `<!-- NAME:begin ... -->` and
/// `<!-- NAME:end -->` lines and is rewritten by `scripts/readme-keys`; a test fails when
/// one differs from what the code generates now.
public enum GeneratedReadme {
    /// The generated parts by name, in the order they appear.
    public static let parts: [(name: String, text: @Sendable () -> String)] = [
        ("keys", { KeyRegistry.markdown }),
        ("capabilities", { CapabilityTable.markdown }),
    ]

    /// A part as it belongs between its markers: a blank line each side of the table.
    public static func expected(_ name: String) -> String? {
        parts.first { $0.name == name }.map { "\n" + $0.text() + "\n" }
    }

    /// The README's text between `name`'s markers, or nil when a marker is missing.
    public static func current(_ name: String, in readme: String) -> String? {
        guard let range = contentRange(name, in: readme) else { return nil }
        return String(readme[range])
    }

    /// `readme` with every part regenerated; throws when a part's markers are missing.
    public static func regenerated(_ readme: String) throws -> String {
        var text = readme
        for part in parts {
            guard let range = contentRange(part.name, in: text) else { throw MissingMarkers(name: part.name) }
            text.replaceSubrange(range, with: "\n" + part.text() + "\n")
        }
        return text
    }

    /// A part whose begin or end marker is not in the README.
    public struct MissingMarkers: Error, CustomStringConvertible {
        public var name: String
        public var description: String {
            "README has no <!-- \(name):begin --> ... <!-- \(name):end --> lines to put the \(name) table between"
        }
    }

    /// From the line after the begin marker up to the start of the end marker's line.
    private static func contentRange(_ name: String, in readme: String) -> Range<String.Index>? {
        guard let begin = readme.range(of: "<!-- \(name):begin"),
            let lineEnd = readme[begin.upperBound...].firstIndex(of: "\n"),
            let end = readme.range(of: "\n<!-- \(name):end -->", range: lineEnd..<readme.endIndex)
        else { return nil }
        return readme.index(after: lineEnd)..<readme.index(after: end.lowerBound)
    }
}
