import Testing

@testable import Console

/// What keeps `TERM=vt100` (and a locale without UTF-8) usable: escape sequences curses
/// did not know still become keys, and the console's symbols become line drawing.
@Suite struct TerminalFallbackTests {
    func codes(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    @Test func sequencesCursesDidNotKnowBecomeKeysOrNothing() {
        #expect(KeyDecoder.decode(codes("\u{1B}[6~\u{1B}[5~")) == [.key(.pageDown), .key(.pageUp)])
        #expect(
            KeyDecoder.decode(codes("\u{1B}OA\u{1B}[B\u{1B}[1;5C\u{1B}[H\u{1B}[4~\u{1B}[Z")) == [
                .key(.up), .key(.down), .key(.right), .key(.home), .key(.end), .key(.tab),
            ])
        #expect(KeyDecoder.decode(codes("\u{1B}[15~j")) == [.key(.character("j"))], "F5 is dropped whole")
        #expect(KeyDecoder.decode(codes("\u{1B}")) == [.key(.escape)])
        #expect(KeyDecoder.decode(codes("\u{1B}q")) == [.key(.escape), .key(.character("q"))])
        #expect(
            KeyDecoder.decode(codes("a\r\u{7F}\u{0C}é")) == [
                .key(.character("a")), .key(.enter), .key(.backspace), .redraw, .key(.character("é")),
            ])
    }

    /// A terminal whose line-drawing set has the horizontal and vertical lines only
    /// (the rest fall back to ASCII, as curses' `acs_map` does).
    let vt100 = Glyphs(plainSymbols: true, unicodeText: true) { letter in
        switch letter {
        case UInt8(ascii: "q"), UInt8(ascii: "x"): (Character(Unicode.Scalar(letter)), true)
        case UInt8(ascii: "0"): ("#", false)
        default: ("+", false)
        }
    }

    func texts(_ runs: [CellRun]) -> [String] { runs.flatMap { $0.cells.map(\.text) } }

    @Test func symbolsBecomeLineDrawingAndVendorTextStaysWhereTheLocaleHasIt() {
        var canvas = Canvas(width: 12, height: 1)
        canvas.put("│─█ 东…▲", x: 0, y: 0, style: .plain)
        let runs = vt100.fit(canvas.changes(from: nil))
        #expect(texts(runs).prefix(9) == ["x", "q", "#", " ", "东", "", "~", "^", " "])
        #expect(runs[0].cells[0].style.alternateCharset && runs[0].cells[1].style.alternateCharset)
        #expect(!runs[0].cells[2].style.alternateCharset)
        #expect(Glyphs.unicode.fit(runs) == runs)
    }

    @Test func withoutUTF8OtherCharactersBecomeQuestionMarksInTheirColumns() {
        var glyphs = vt100
        glyphs.unicodeText = false
        var canvas = Canvas(width: 6, height: 1)
        canvas.put("东é─", x: 0, y: 0, style: .plain)
        let cells = glyphs.fit(canvas.changes(from: nil)).flatMap(\.cells)
        #expect(cells.map(\.text) == ["?", " ", "?", "q", " ", " "])
        #expect(cells.allSatisfy { $0.width == 1 })
    }

    @Test func onlyTerminalsThatPredateUnicodeGetLineDrawing() {
        #expect(Glyphs.predatesUnicode(term: "vt100") && Glyphs.predatesUnicode(term: "vt220"))
        #expect(!Glyphs.predatesUnicode(term: "xterm-256color") && !Glyphs.predatesUnicode(term: nil))
    }
}
