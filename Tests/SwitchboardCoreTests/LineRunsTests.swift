import Testing

@testable import SwitchboardCore

@Suite struct LineRunsTests {
    @Test func oneLineRowsAreOneRunHoweverMany() {
        var runs = LineRuns()
        for line in 2..<1_000_002 { runs.append(line) }
        #expect(runs.count == 1_000_000)
        #expect(runs.runCount == 1)
        #expect(runs.line(at: 0) == 2)
        #expect(runs.line(at: 999_999) == 1_000_001)
        #expect(runs.line(at: 1_000_000) == nil)
        #expect(runs.line(at: -1) == nil)
    }

    @Test func rejectedRowsAndQuotedNewlinesStartNewRuns() {
        // Lines 2-4 valid, 5 rejected, 6 valid, a row on 7-8 (quoted newline), 9 valid.
        let lines = [2, 3, 4, 6, 7, 9]
        var runs = LineRuns()
        for line in lines { runs.append(line) }
        #expect(runs.runCount == 3)
        #expect((0..<lines.count).map { runs.line(at: $0) } == lines)
    }

    @Test func emptyHasNoLines() {
        let runs = LineRuns()
        #expect(runs.count == 0)
        #expect(runs.line(at: 0) == nil)
    }
}
