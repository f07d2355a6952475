/// The help box: sections of key bindings, each a key column and what it does,
/// drawn as a `Dialog` over the screen.
public struct HelpOverlay: Sendable {
    public struct Entry: Hashable, Sendable {
        public var keys: String
        public var summary: String
        /// False for a key the console refuses now (read-only mode): drawn muted.
        public var available: Bool
        public init(keys: String, summary: String, available: Bool = true) {
            self.keys = keys
            self.summary = summary
            self.available = available
        }
    }

    public var sections: [(title: String, entries: [Entry])]

    public init(sections: [(title: String, entries: [Entry])]) {
        self.sections = sections
    }

    /// The dialog that shows the sections, keys aligned in one column.
    public var dialog: Dialog {
        let keyWidth = sections.flatMap(\.entries).map { DisplayText.width(of: $0.keys) }.max() ?? 0
        var lines: [[(text: String, style: Style)]] = []
        for section in sections where !section.entries.isEmpty {
            if !lines.isEmpty { lines.append([]) }
            lines.append([(section.title, .title)])
            for entry in section.entries {
                let keys = DisplayText.pad(entry.keys, toWidth: keyWidth + 2)
                lines.append(entry.available ? [(keys, .key), (entry.summary, .plain)] : [(keys, .muted), (entry.summary, .muted)])
            }
        }
        return Dialog(title: "Keys", lines: lines, hint: "? or esc closes")
    }

    public func render(into canvas: inout Canvas, area: Rect) {
        dialog.render(into: &canvas, area: area)
    }
}
