/// What a table keeps between frames: the selected row and the first row shown,
/// both as indexes into the whole list (which may be far longer than what is loaded).
public struct TableState: Hashable, Sendable {
    public var selected = 0
    public var offset = 0

    public init(selected: Int = 0, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    /// Moves the selection by `delta` rows within `count` rows, scrolling so it stays
    /// among the `visible` rows shown.
    public mutating func move(by delta: Int, count: Int, visible: Int) {
        select(selected + delta, count: count, visible: visible)
    }

    /// Selects row `index` (clamped), scrolling as little as possible to show it.
    public mutating func select(_ index: Int, count: Int, visible: Int) {
        guard count > 0 else {
            self = TableState()
            return
        }
        selected = min(max(index, 0), count - 1)
        let rows = max(visible, 1)
        if selected < offset { offset = selected }
        if selected >= offset + rows { offset = selected - rows + 1 }
        offset = max(0, min(offset, max(0, count - rows)))
    }
}
