/// A terminal colour: the terminal's default, or an entry of the 256-colour palette
/// (0–7 are the eight basic colours every colour terminal has).
public enum Color: Hashable, Sendable {
    case `default`
    case indexed(UInt8)

    public static let black = Color.indexed(0)
    public static let red = Color.indexed(1)
    public static let green = Color.indexed(2)
    public static let yellow = Color.indexed(3)
    public static let blue = Color.indexed(4)
    public static let magenta = Color.indexed(5)
    public static let cyan = Color.indexed(6)
    public static let white = Color.indexed(7)
}

/// How a cell looks. Attributes (bold, reverse, underline, dim) survive every colour
/// mode, so a console without colour still shows selection and emphasis.
public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool
    /// Written in the terminal's line-drawing character set: set by the terminal layer
    /// only, where it swaps box characters for a terminal without Unicode (`Glyphs`).
    public var alternateCharset = false
    /// Shown in reverse video when the terminal has no colours (`NO_COLOR`, `--no-color`,
    /// vt100), so a style that is only a colour still stands out there.
    public var reverseWithoutColor = false

    public init(
        foreground: Color = .default, background: Color = .default, bold: Bool = false, reverse: Bool = false,
        underline: Bool = false, dim: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    public static let plain = Style()
    /// The header and footer bars.
    public static let bar = Style(foreground: .indexed(255), background: .indexed(24), reverse: false)
    /// Column titles.
    public static let title = Style(bold: true, underline: true)
    /// The title of the pane that has the keyboard (reverse shows it without colour too).
    public static let focusedTitle = Style(foreground: .indexed(214), bold: true, reverse: true)
    /// The selected row of a focused table.
    public static let selected = Style(reverse: true)
    /// Key names in the footer and help.
    public static let key = Style(foreground: .indexed(214), bold: true)
    /// Errors on the status line.
    public static let error = Style(foreground: .indexed(196), bold: true)
    /// A number that changed at the last refresh: colour only (reverse without colours), so
    /// highlighting a figure costs one colour change on the wire, not an attribute reset.
    public static let changed: Style = {
        var style = Style(foreground: .indexed(46))
        style.reverseWithoutColor = true
        return style
    }()
    /// Secondary text (hints, "updated 3s ago").
    public static let muted = Style(foreground: .indexed(245), dim: true)
    /// Completed counts and sparklines.
    public static let good = Style(foreground: .indexed(34))
    /// Exhausted and error counts and sparklines.
    public static let bad = Style(foreground: .indexed(167))

    /// The same look with the reverse attribute flipped on (for selection over a styled cell).
    public var selected: Style {
        var style = self
        style.reverse = true
        return style
    }
}

/// What the terminal can show: 256 colours, the eight basic ones, or none (`NO_COLOR`,
/// `--no-color`, or a terminal without colour), where only attributes remain.
public enum ColorMode: Sendable, Equatable {
    case none
    case eight
    case full

    /// The palette index to ask the terminal for, or nil for the terminal's default.
    public func resolve(_ color: Color) -> Int16? {
        guard case .indexed(let index) = color else { return nil }
        switch self {
        case .none: return nil
        case .full: return Int16(index)
        case .eight: return Int16(Self.basic(index))
        }
    }

    /// The nearest of the eight basic colours to a 256-palette entry.
    static func basic(_ index: UInt8) -> UInt8 {
        switch index {
        case 0..<8: return index
        case 8..<16: return index - 8
        case 232...255: return index < 244 ? 0 : 7
        default:
            let cube = Int(index) - 16
            let (r, g, b) = (cube / 36, (cube / 6) % 6, cube % 6)
            let bits = (r >= 3 ? 1 : 0) | (g >= 3 ? 2 : 0) | (b >= 3 ? 4 : 0)
            return UInt8(bits)
        }
    }
}
