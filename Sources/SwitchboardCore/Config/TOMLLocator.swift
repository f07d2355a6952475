import Foundation

/// Finds the line a table or key sits on in TOML text, so errors about values
/// (which the parser accepted) can still name a line.
struct TOMLLocator {
    private struct Entry {
        var table: [String]
        var key: String?
        var line: Int
    }

    private var entries: [Entry] = []

    init(text: String) {
        var table: [String] = []
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                let inner = line.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
                    .split(separator: "#", maxSplits: 1).first.map(String.init) ?? ""
                table = Self.keyPath(inner.trimmingCharacters(in: CharacterSet(charactersIn: "[] \t")))
                entries.append(Entry(table: table, key: nil, line: number + 1))
            } else if let equals = line.firstIndex(of: "="), !line.hasPrefix("#") {
                let path = Self.keyPath(String(line[..<equals]))
                guard let key = path.last else { continue }
                entries.append(Entry(table: table + path.dropLast(), key: key, line: number + 1))
            }
        }
    }

    /// The line of `key` inside `table`, else the table's header line.
    func line(table: [String], key: String? = nil) -> Int? {
        if let key, let entry = entries.first(where: { $0.table == table && $0.key == key }) {
            return entry.line
        }
        return entries.first(where: { $0.table == table && $0.key == nil })?.line
    }

    /// Splits `a."b.c".d` into `["a", "b.c", "d"]`.
    private static func keyPath(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "." {
                parts.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current.trimmingCharacters(in: .whitespaces))
        return parts
    }
}

