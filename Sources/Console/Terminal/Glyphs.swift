/// What the terminal can show of the console's own symbols. Views always draw Unicode
/// (box lines, blocks, arrows, `…`); on a terminal that predates Unicode (`TERM=vt100`,
/// `vt220`, ...) or under a locale that cannot encode it, the terminal layer swaps them
/// for the terminal's own line-drawing set (what curses' `acs_map` says, which already
/// falls back to ASCII where the terminal has none) or for ASCII, and, when the locale
/// cannot encode them, shows any other non-ASCII character as `?` so columns stay put.
struct Glyphs: Sendable {
    /// Swap the console's symbols for line drawing or ASCII.
    var plainSymbols: Bool
    /// The locale encodes every character (UTF-8): vendor text stays as it is.
    var unicodeText: Bool
    /// The terminal's form of a line-drawing character (`q`, `x`, `l`, ...): the character
    /// to write and whether it goes out in the alternate character set.
    var lineDrawing: @Sendable (UInt8) -> (character: Character, alternate: Bool)

    /// Unicode everywhere: nothing is changed.
    static let unicode = Glyphs(plainSymbols: false, unicodeText: true) { _ in (" ", false) }

    /// True for terminal types that cannot show Unicode whatever the locale says.
    static func predatesUnicode(term: String?) -> Bool {
        guard let term else { return false }
        return term.hasPrefix("vt")
    }

    /// The symbols views use, with their line-drawing letter (VT100 special graphics) or
    /// their ASCII stand-in.
    static let symbols: [Character: Symbol] = [
        "─": .line(UInt8(ascii: "q")), "│": .line(UInt8(ascii: "x")), "┌": .line(UInt8(ascii: "l")),
        "┐": .line(UInt8(ascii: "k")), "└": .line(UInt8(ascii: "m")), "┘": .line(UInt8(ascii: "j")),
        "├": .line(UInt8(ascii: "t")), "┤": .line(UInt8(ascii: "u")), "┬": .line(UInt8(ascii: "w")),
        "┴": .line(UInt8(ascii: "v")), "┼": .line(UInt8(ascii: "n")), "█": .line(UInt8(ascii: "0")),
        "░": .line(UInt8(ascii: "a")), "·": .line(UInt8(ascii: "~")),
        // Sparkline levels become scan lines from the bottom (s) to the top (o).
        "▁": .line(UInt8(ascii: "s")), "▂": .line(UInt8(ascii: "s")), "▃": .line(UInt8(ascii: "r")),
        "▄": .line(UInt8(ascii: "q")), "▅": .line(UInt8(ascii: "q")), "▆": .line(UInt8(ascii: "p")),
        "▇": .line(UInt8(ascii: "o")),
        "←": .line(UInt8(ascii: ",")), "→": .line(UInt8(ascii: "+")), "↑": .line(UInt8(ascii: "-")),
        "↓": .line(UInt8(ascii: ".")),
        "▲": .ascii("^"), "▼": .ascii("v"), "…": .ascii("~"), "—": .ascii("-"), "’": .ascii("'"), "×": .ascii("x"),
    ]

    enum Symbol: Sendable {
        case line(UInt8)
        case ascii(Character)
    }

    /// The runs as this terminal can show them.
    func fit(_ runs: [CellRun]) -> [CellRun] {
        guard plainSymbols || !unicodeText else { return runs }
        return runs.map { run in
            var run = run
            run.cells = run.cells.map(fit)
            return run
        }
    }

    private func fit(_ cell: Cell) -> Cell {
        if cell.isContinuation { return unicodeText ? cell : .blank(cell.style) }
        guard let character = cell.text.first, !character.isASCII else { return cell }
        if let symbol = Self.symbols[character], cell.text.count == 1 {
            switch symbol {
            case .line(let letter):
                let (shown, alternate) = lineDrawing(letter)
                var style = cell.style
                style.alternateCharset = alternate
                return Cell(text: String(shown), width: 1, style: style)
            case .ascii(let shown):
                return Cell(text: String(shown), width: 1, style: cell.style)
            }
        }
        return unicodeText ? cell : Cell(text: "?", width: 1, style: cell.style)
    }
}
