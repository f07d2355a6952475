import Testing

@testable import Console

@Suite struct DisplayTextTests {
    @Test func hostileTextIsEscaped() {
        #expect(DisplayText.sanitize("Eve\u{1B}[31mRED\u{1B}[0m") == "Eve\\x1B[31mRED\\x1B[0m")
        #expect(DisplayText.sanitize("abc\u{202E}fed") == "abc\\u{202E}fed")
        #expect(DisplayText.sanitize("a\u{200B}b\u{FEFF}") == "a\\u{200B}b\\u{FEFF}")
        #expect(DisplayText.sanitize("line\u{2028}break") == "line\\u{2028}break")
        #expect(DisplayText.sanitize("bell\u{07}\u{7F}\u{9B}") == "bell\\x07\\x7F\\x9B")
        #expect(DisplayText.sanitize("two\nlines\tand\r") == "two\\nlines\\tand\\r")
        #expect(DisplayText.sanitize("Zoë 王芳 Ana 🌻") == "Zoë 王芳 Ana 🌻")
    }

    @Test func widthsFollowTheTerminal() {
        #expect(DisplayText.width(of: "abc") == 3)
        #expect(DisplayText.width(of: "王芳") == 4)
        #expect(DisplayText.width(of: "🌻") == 2)
        #expect(DisplayText.width(of: "e\u{301}") == 1)
        #expect(DisplayText.width(of: "佐藤 Łukasz") == 11)
        #expect(DisplayText.width(of: "ｱ") == 1)
        #expect(DisplayText.width(of: "Ｈｉ") == 4)
    }

    @Test func truncationKeepsWholeCharacters() {
        #expect(DisplayText.truncate("Hello world", toWidth: 8) == "Hello w…")
        #expect(DisplayText.truncate("王芳王芳", toWidth: 6) == "王芳…")
        #expect(DisplayText.truncate("王芳王芳", toWidth: 4) == "王…")
        #expect(DisplayText.truncate("short", toWidth: 10) == "short")
        #expect(DisplayText.pad("王", toWidth: 4) == "王  ")
        #expect(DisplayText.width(of: DisplayText.pad("Ana 🌻 long name", toWidth: 9)) == 9)
    }
}
