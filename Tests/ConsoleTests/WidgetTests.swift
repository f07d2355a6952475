import Testing

@testable import Console

@Suite struct WidgetTests {
    private func lines(_ canvas: Canvas) -> [String] {
        Array(TextBackend.render(canvas).components(separatedBy: "\n--- styles")[0].split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    @Test func tableAlignsWideNamesAndMarksSortAndSelection() {
        var canvas = Canvas(width: 24, height: 4)
        let table = Table(
            columns: [TableColumn("Name", .flex(min: 4)), TableColumn("Done", .fixed(6), alignRight: true)],
            rows: [TableRow(["東京 calls", "12"]), TableRow(["😀 party", "3"]), TableRow(["plain", "100"])],
            selected: 1, sort: (column: 1, ascending: false))
        table.render(into: &canvas, area: canvas.bounds)
        #expect(
            lines(canvas) == [
                "Name              Done ▼", "東京 calls            12", "😀 party               3",
                "plain                100",
            ])
        #expect(canvas[0, 2].style.reverse && canvas[23, 2].style.reverse && !canvas[0, 1].style.reverse)
    }

    @Test func tableStateScrollsToKeepTheSelectionVisible() {
        var state = TableState()
        state.move(by: 5, count: 10, visible: 3)
        #expect(state == TableState(selected: 5, offset: 3))
        state.move(by: -4, count: 10, visible: 3)
        #expect(state == TableState(selected: 1, offset: 1))
        state.select(100, count: 10, visible: 3)
        #expect(state == TableState(selected: 9, offset: 7))
        state.select(0, count: 0, visible: 3)
        #expect(state == TableState())
    }

    @Test func sparklineScalesToTheLargestValue() {
        #expect(Sparkline(values: [0, 1, 2, 4, 8], style: .plain).text(width: 10) == "▁▁▂▄█")
        #expect(Sparkline(values: [5, 5], style: .plain).text(width: 10) == "▁▁")
        #expect(Sparkline(values: [1, 2, 3], style: .plain).text(width: 2) == "▁█")
    }

    @Test func progressBarShowsFigures() {
        var canvas = Canvas(width: 12, height: 1)
        ProgressBar(value: 2, total: 4, style: .good).render(into: &canvas, area: canvas.bounds)
        #expect(lines(canvas)[0] == "████░░░░ 2/4")
    }

    @Test func statusBarKeepsTheRightText() {
        var canvas = Canvas(width: 20, height: 1)
        StatusBar(left: [("a very long left text", .plain)], right: "3s ago", style: .bar).render(
            into: &canvas, area: canvas.bounds)
        #expect(lines(canvas)[0] == "a very long … 3s ago")
    }

    @Test func textFieldEditsAndShowsTheCursor() {
        var field = TextField(text: "ab")
        field.insert("c")
        field.moveCursor(by: -1)
        field.backspace()
        #expect(field.text == "ac" && field.cursor == 1)
        var canvas = Canvas(width: 10, height: 1)
        field.render(prompt: "/", into: &canvas, area: canvas.bounds, style: .plain)
        #expect(lines(canvas)[0] == "/ac")
        #expect(canvas[2, 0].style.reverse && !canvas[1, 0].style.reverse)
    }

    @Test func textFieldTakesTheEditingKeys() {
        var field = TextField(text: "path")
        #expect(field.edit(.home) && field.edit(.delete) && field.edit(.character("b")))
        #expect(field.text == "bath" && field.cursor == 1)
        #expect(field.edit(.end) && field.edit(.delete), "Del at the end deletes nothing")
        #expect(field.edit(.left) && field.edit(.backspace) && field.edit(.right))
        #expect(field.text == "bah" && field.cursor == 3)
        #expect(!field.edit(.tab) && !field.edit(.enter) && !field.edit(.escape) && !field.edit(.up))
        #expect(field.text == "bah")
    }

    @Test func dialogAndHelpDrawABox() {
        var canvas = Canvas(width: 30, height: 7)
        HelpOverlay(sections: [("Campaigns", [.init(keys: "j k", summary: "move")])]).render(
            into: &canvas, area: canvas.bounds)
        let rows = lines(canvas)
        #expect(rows.contains { $0.contains("┌─ Keys ") })
        #expect(rows.contains { $0.contains("│ j k  move") })
        #expect(rows.contains { $0.contains("? or esc closes") })
    }
}
