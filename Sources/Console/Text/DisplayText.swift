/// Text from a vendor is data: before it reaches a terminal, control characters, escape
/// sequences, bidi overrides and zero-width characters are shown escaped, and widths
/// are measured in terminal columns (CJK and emoji take two), never with `String.count`.
public enum DisplayText {
    /// The text with every scalar that could move the cursor, change colours, reorder
    /// text or hide itself replaced by a visible escape such as `\x1B` or `\u{202E}`.
    public static func sanitize(_ text: String) -> String {
        if isPrintableASCII(text) { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if let escape = escape(scalar) {
                out += escape
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether every character is printable ASCII (U+0020...U+007E): nothing to escape,
    /// one column each (the common case, checked on the UTF-8 bytes).
    static func isPrintableASCII(_ text: String) -> Bool {
        let check = { (bytes: UnsafeBufferPointer<UInt8>) in bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }
        return text.utf8.withContiguousStorageIfAvailable(check) ?? Array(text.utf8).withUnsafeBufferPointer(check)
    }

    /// The visible form of a scalar that must not reach the terminal raw, or nil.
    static func escape(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x00..<0x20, 0x7F, 0x80..<0xA0: return "\\x" + hex(scalar.value, digits: 2)
        case 0x061C, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF:
            return "\\u{" + hex(scalar.value, digits: 4) + "}"
        default:
            return nil
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// Columns a terminal gives the scalar: 0 for combining marks and format
    /// characters, 2 for East Asian wide and fullwidth characters and emoji, else 1.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value < 0x20 ? 0 : 1 }
        // Common one-column ranges, without property lookups: Latin-1 and Latin Extended
        // (not the soft hyphen), general punctuation, box drawing, blocks, geometric shapes.
        if (0xA0..<0x300).contains(value) && value != 0xAD || (0x2010...0x2027).contains(value)
            || (0x2500...0x25FC).contains(value)
        {
            return 1
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if value == 0x200B || (0x1160...0x11FF).contains(value) { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
            0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// Columns the text takes on a terminal (sanitize first: this measures what is drawn).
    public static func width(of text: String) -> Int {
        if isPrintableASCII(text) { return text.utf8.count }
        var total = 0
        for scalar in text.unicodeScalars { total += width(of: scalar) }
        return total
    }

    /// The text cut to at most `columns` columns, ending with `…` when something was cut;
    /// a wide character that would straddle the edge is left out whole.
    public static func truncate(_ text: String, toWidth columns: Int) -> String {
        guard columns > 0 else { return "" }
        if width(of: text) <= columns { return text }
        if isPrintableASCII(text) { return String(text.utf8.prefix(columns - 1))! + "…" }
        var out = ""
        var used = 0
        for character in text {
            let characterWidth = width(of: String(character))
            if used + characterWidth > columns - 1 { break }
            out.append(character)
            used += characterWidth
        }
        return out + "…"
    }

    /// The text padded with spaces to exactly `columns` columns (cut with `…` if longer).
    public static func pad(_ text: String, toWidth columns: Int) -> String {
        let cut = truncate(text, toWidth: columns)
        return cut + String(repeating: " ", count: max(0, columns - width(of: cut)))
    }
}
