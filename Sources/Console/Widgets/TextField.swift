/// A one-line text input: its text and the cursor, as a character index.
public struct TextField: Hashable, Sendable {
    public var text: String
    public var cursor: Int

    public init(text: String = "") {
        self.text = text
        cursor = text.count
    }

    public mutating func insert(_ character: Character) {
        text.insert(character, at: text.index(text.startIndex, offsetBy: cursor))
        cursor += 1
    }

    /// Deletes the character before the cursor.
    public mutating func backspace() {
        guard cursor > 0 else { return }
        text.remove(at: text.index(text.startIndex, offsetBy: cursor - 1))
        cursor -= 1
    }

    public mutating func moveCursor(by delta: Int) { cursor = min(max(cursor + delta, 0), text.count) }
    public mutating func moveToStart() { cursor = 0 }
    public mutating func moveToEnd() { cursor = text.count }

    /// An editing key: a character, Backspace, Delete, ←/→, Home, End. False for any other
    /// key, which the caller answers.
    public mutating func edit(_ key: Key) -> Bool {
        switch key {
        case .character(let character): insert(character)
        case .backspace: backspace()
        case .delete:
            guard cursor < text.count else { return true }
            moveCursor(by: 1)
            backspace()
        case .left: moveCursor(by: -1)
        case .right: moveCursor(by: 1)
        case .home: moveToStart()
        case .end: moveToEnd()
        default: return false
        }
        return true
    }

    /// Replaces the text, cursor at the end (command completion).
    public mutating func replace(with text: String) {
        self.text = text
        cursor = text.count
    }

    /// Draws `prompt` then the text, the cursor shown as a reversed cell; when the text is
    /// wider than the row, its end (where the cursor usually is) stays in view.
    public func render(prompt: String, into canvas: inout Canvas, area: Rect, style: Style) {
        guard area.height > 0, area.width > 0 else { return }
        canvas.fill(area.row(0), style: style)
        let promptWidth = canvas.put(prompt, x: area.x, y: area.y, style: style.emphasized, maxWidth: area.width)
        let room = area.width - promptWidth - 1
        guard room > 0 else { return }
        let characters = Array(text)
        var start = 0
        while DisplayText.width(of: DisplayText.sanitize(String(characters[start..<cursor]))) > room { start += 1 }
        var x = area.x + promptWidth
        for (index, character) in characters.enumerated().dropFirst(start) {
            let shown = DisplayText.sanitize(String(character))
            let width = DisplayText.width(of: shown)
            if x + width > area.x + area.width - (index < cursor ? 1 : 0) { break }
            x += canvas.put(shown, x: x, y: area.y, style: index == cursor ? style.selected : style)
        }
        if cursor == characters.count { canvas.put(" ", x: x, y: area.y, style: style.selected) }
    }
}

extension Style {
    /// The same look in bold.
    var emphasized: Style {
        var style = self
        style.bold = true
        return style
    }
}
