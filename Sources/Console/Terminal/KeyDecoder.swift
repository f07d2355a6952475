/// Turns the characters curses hands over (when it did not recognise a key itself) into
/// keys. Curses decodes a key only when the terminal's description names its sequence;
/// under `TERM=vt100` in a modern emulator, Page Down still arrives as `ESC [ 6 ~`, which
/// read character by character would be Esc (back) and `[` (previous account). So an
/// Esc followed in the same read by `[` or `O` starts a sequence: the common ones become
/// their keys, any other is dropped whole.
enum KeyDecoder {
    static func decode(_ characters: [UInt32]) -> [TerminalInput] {
        var inputs: [TerminalInput] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            index += 1
            let introducer = index < characters.count ? characters[index] : nil
            if character == 27, let introducer, introducer == 0x5B || introducer == 0x4F {  // [ or O
                var end = index + 1
                // Parameters and intermediates (0x20-0x3F), then one final byte (0x40-0x7E).
                while end < characters.count, (0x20...0x3F).contains(characters[end]) { end += 1 }
                guard end < characters.count, (0x40...0x7E).contains(characters[end]) else {
                    index = characters.count
                    break
                }
                let parameters = String(decoding: characters[(index + 1)..<end].map { UInt8($0) }, as: UTF8.self)
                if let key = sequenceKey(parameters: parameters, final: UInt8(characters[end])) {
                    inputs.append(.key(key))
                }
                index = end + 1
            } else if character == 12 {
                inputs.append(.redraw)
            } else if let key = characterKey(character) {
                inputs.append(.key(key))
            }
        }
        return inputs
    }

    /// The key a CSI or SS3 sequence stands for (modifiers ignored), if it is a common one.
    static func sequenceKey(parameters: String, final: UInt8) -> Key? {
        switch final {
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return .right
        case UInt8(ascii: "D"): return .left
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        case UInt8(ascii: "Z"): return .tab
        case UInt8(ascii: "M"): return .enter
        case UInt8(ascii: "~"):
            switch parameters.split(separator: ";").first {
            case "1", "7": return .home
            case "3": return .delete
            case "4", "8": return .end
            case "5": return .pageUp
            case "6": return .pageDown
            default: return nil
            }
        default: return nil
        }
    }

    /// The key for a character curses passed through as is.
    static func characterKey(_ value: UInt32) -> Key? {
        switch value {
        case 10, 13: return .enter
        case 27: return .escape
        case 9: return .tab
        case 8, 127: return .backspace
        case 0..<32: return nil
        default: return Unicode.Scalar(value).map { .character(Character($0)) }
        }
    }
}
