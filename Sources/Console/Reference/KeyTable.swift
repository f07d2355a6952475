extension KeyRegistry {
    /// Every binding as a Markdown table, grouped by screen in `KeyContext` order: the
    /// README's keys table (`switchboard reference keys`, `scripts/readme-keys`).
    public static var markdown: String {
        var table = MarkdownTable("Where", "Keys", "What it does", "Read-only mode")
        for context in KeyContext.allCases {
            for binding in bindings where binding.context == context {
                table.add(
                    context.rawValue, binding.keys.map { MarkdownTable.code($0.label) }.joined(separator: " "),
                    MarkdownTable.cell(binding.summary), binding.changes ? "refused (changes data)" : "")
            }
        }
        return table.text
    }
}
