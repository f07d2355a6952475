import Synchronization

/// One terminal cell: a grapheme, the columns it takes, and its style. A wide
/// character's first cell has width 2 and the cell after it is a continuation
/// (empty text, width 0), so that a row's cells always map one-to-one to columns.
///
/// A cell is a plain value with no reference inside (the grapheme is a code, not a
/// `String`), so filling, copying and comparing the 4,800 cells of a 120×40 frame costs
/// no reference counting: a single scalar is stored as itself; the rare grapheme of
/// several scalars (a flag, an emoji sequence) as its number in a shared table.
public struct Cell: Hashable, Sendable {
    /// 0: empty; 1...0x110000: one scalar, plus one; above: a cluster's number in `Clusters`.
    private var code: UInt32
    public var width: UInt8
    public var style: Style

    public init(text: String, width: UInt8, style: Style) {
        code = Self.code(for: text)
        self.width = width
        self.style = style
    }

    /// A printable ASCII character (U+0020...U+007E), one column wide.
    init(ascii: UInt8, style: Style) {
        code = UInt32(ascii) + 1
        width = 1
        self.style = style
    }

    /// A grapheme of one scalar.
    init(scalar: Unicode.Scalar, width: UInt8, style: Style) {
        code = scalar.value + 1
        self.width = width
        self.style = style
    }

    /// The grapheme.
    public var text: String {
        get {
            switch code {
            case 0: ""
            case 1...0x11_0000: String(Character(Unicode.Scalar(code - 1)!))
            default: Clusters.text(code - 0x11_0001)
            }
        }
        set { code = Self.code(for: newValue) }
    }

    /// The grapheme's only scalar when it is printable ASCII (a terminal gives it one
    /// column whatever its locale tables say), else nil.
    var printableASCII: UInt32? {
        code > 0x20 && code < 0x80 ? code - 1 : nil
    }

    private static func code(for text: String) -> UInt32 {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return 0 }
        if scalars.next() == nil { return first.value + 1 }
        return Clusters.number(for: text) + 0x11_0001
    }

    /// A space in the given style.
    public static func blank(_ style: Style = .plain) -> Cell { Cell(code: 0x21, width: 1, style: style) }

    /// The right half of a wide character.
    public static func continuation(_ style: Style) -> Cell { Cell(code: 0, width: 0, style: style) }

    private init(code: UInt32, width: UInt8, style: Style) {
        self.code = code
        self.width = width
        self.style = style
    }

    public var isContinuation: Bool { width == 0 }
}

/// Graphemes of several scalars, numbered once for the life of the process. Bounded:
/// past `limit` different ones, a new one is drawn as U+FFFD in the width measured for it.
private enum Clusters {
    static let limit: UInt32 = 1 << 16
    private static let table = Mutex<(numbers: [String: UInt32], texts: [String])>(([:], []))

    static func number(for text: String) -> UInt32 {
        table.withLock { table in
            if let number = table.numbers[text] { return number }
            guard UInt32(table.texts.count) < limit else { return limit }
            let number = UInt32(table.texts.count)
            table.numbers[text] = number
            table.texts.append(text)
            return number
        }
    }

    static func text(_ number: UInt32) -> String {
        table.withLock { table in Int(number) < table.texts.count ? table.texts[Int(number)] : "\u{FFFD}" }
    }
}
