/// One terminal cell: a grapheme, the columns it takes, and its style. A wide
/// character's first cell has width 2 and the cell after it is a continuation
/// (empty text, width 0), so that a row's cells always map one-to-one to columns.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var width: UInt8
    public var style: Style

    public init(text: String, width: UInt8, style: Style) {
        self.text = text
        self.width = width
        self.style = style
    }

    /// A space in the given style.
    public static func blank(_ style: Style = .plain) -> Cell { Cell(text: " ", width: 1, style: style) }

    /// The right half of a wide character.
    public static func continuation(_ style: Style) -> Cell { Cell(text: "", width: 0, style: style) }

    public var isContinuation: Bool { width == 0 }
}
