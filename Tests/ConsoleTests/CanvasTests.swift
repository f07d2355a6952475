import Testing

@testable import Console

@Suite struct CanvasTests {
    @Test func wideCharactersTakeTwoCellsAndContinue() {
        var canvas = Canvas(width: 6, height: 1)
        let used = canvas.put("a東b", x: 0, y: 0, style: .plain)
        #expect(used == 4)
        #expect(canvas[1, 0].text == "東" && canvas[1, 0].width == 2)
        #expect(canvas[2, 0].isContinuation)
        #expect(TextBackend.render(canvas).hasPrefix("a東b\n"))
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var canvas = Canvas(width: 4, height: 1)
        canvas.put("東京", x: 0, y: 0, style: .plain)
        canvas.put("x", x: 1, y: 0, style: .plain)
        #expect(TextBackend.render(canvas).hasPrefix(" x京\n"))
    }

    @Test func wideCharacterAtTheEdgeIsLeftOutWhole() {
        var canvas = Canvas(width: 3, height: 1)
        canvas.put("ab東", x: 0, y: 0, style: .plain)
        #expect(TextBackend.render(canvas).hasPrefix("ab…\n"))
        #expect(!canvas[2, 0].isContinuation)
    }

    @Test func aGraphemeOfSeveralScalarsStaysOneCell() {
        var canvas = Canvas(width: 8, height: 1)
        canvas.put("e\u{301}!🇫🇷", x: 0, y: 0, style: .plain)
        #expect(canvas[0, 0].text == "e\u{301}" && canvas[0, 0].width == 1 && canvas[1, 0].text == "!")
        #expect(canvas[2, 0].text == "🇫🇷")
        #expect(canvas[0, 0] == Cell(text: "e\u{301}", width: 1, style: .plain))
        #expect(canvas[0, 0] != Cell(text: "é", width: 1, style: .plain), "composed and decomposed differ, as drawn")
        #expect(Cell.blank().text == " " && Cell.continuation(.plain).text.isEmpty)
    }

    @Test func fillBlanksAWideCharacterItsEdgesCut() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.put("東京東", x: 0, y: 0, style: .plain)
        canvas.fill(Rect(x: 1, y: 0, width: 2, height: 1), style: .selected)
        #expect(TextBackend.render(canvas).hasPrefix("    東\n"))
        #expect(canvas[0, 0] == .blank() && canvas[3, 0] == .blank() && canvas[1, 0] == .blank(.selected))
    }

    @Test func escapeSequencesAreDrawnEscaped() {
        var canvas = Canvas(width: 30, height: 1)
        canvas.put("x\u{1B}[2Jy\u{202E}", x: 0, y: 0, style: .plain)
        #expect(TextBackend.render(canvas).hasPrefix("x\\x1B[2Jy\\u{202E}\n"))
    }

    @Test func diffIsEmptyForTheSameFrameAndOnlyTheChangedDigit() {
        var first = Canvas(width: 20, height: 2)
        first.put("pending 120", x: 0, y: 1, style: .plain)
        var second = first
        second.put("pending 121", x: 0, y: 1, style: .plain)
        #expect(first.changes(from: first).isEmpty)
        let runs = second.changes(from: first)
        #expect(runs == [CellRun(x: 10, y: 1, cells: [Cell(text: "1", width: 1, style: .plain)])])
    }

    @Test func diffRewritesAWholeWideCharacter() {
        var first = Canvas(width: 6, height: 1)
        first.put("東京", x: 0, y: 0, style: .plain)
        var second = first
        second.restyle(Rect(x: 1, y: 0, width: 1, height: 1)) { $0.bold = true }
        let runs = second.changes(from: first)
        #expect(runs.count == 1 && runs[0].x == 0 && runs[0].cells.count == 2)
    }

    @Test func diffWithoutAPreviousFrameIsEverything() {
        let canvas = Canvas(width: 5, height: 2)
        #expect(canvas.changes(from: nil).map(\.cells.count) == [5, 5])
        #expect(canvas.changes(from: Canvas(width: 4, height: 2)).count == 2)
    }

    @Test func colourModesFallBack() {
        #expect(ColorMode.full.resolve(.indexed(196)) == 196)
        #expect(ColorMode.eight.resolve(.indexed(196)) == 1)
        #expect(ColorMode.eight.resolve(.indexed(46)) == 2)
        #expect(ColorMode.eight.resolve(.indexed(255)) == 7)
        #expect(ColorMode.none.resolve(.indexed(196)) == nil)
        #expect(ColorMode.full.resolve(.default) == nil)
    }
}
