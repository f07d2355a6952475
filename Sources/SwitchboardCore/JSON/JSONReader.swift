import Foundation

/// Reads JSON text straight from UTF-8 bytes, for the rows read back once per contact (the
/// journal's and the cache's `contact` column): `JSONDecoder` with `JSONValue`'s
/// try-each-type decoding spent about 20 µs per contact there, this a small fraction of one.
/// Strict RFC 8259 (no comments, no trailing commas); errors name the byte offset.
public struct JSONReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    /// What is wrong with the text, and where.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var reason: String
        public var offset: Int
        public var description: String { "invalid JSON at byte \(offset): \(reason)" }
    }

    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Parses one whole document.
    public static func value(from text: String) throws -> JSONValue {
        var text = text
        return try text.withUTF8 { utf8 in
            var reader = JSONReader(utf8)
            let value = try reader.value()
            try reader.end()
            return value
        }
    }

    /// Fails unless only whitespace is left.
    public mutating func end() throws {
        skipSpace()
        if index < bytes.count { throw failure("unexpected text after the value") }
    }

    /// Reads any value.
    public mutating func value() throws -> JSONValue {
        skipSpace()
        guard index < bytes.count else { throw failure("unexpected end of text") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            var fields: [String: JSONValue] = [:]
            try object { reader, key in fields[key] = try reader.value() }
            return .object(fields)
        case UInt8(ascii: "["):
            var values: [JSONValue] = []
            try elements { reader in values.append(try reader.value()) }
            return .array(values)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        default: return .number(try number())
        }
    }

    /// Reads an object, calling `member` with each key while the reader stands before its value
    /// (which `member` must read, or skip with `value()`).
    public mutating func object(_ member: (inout JSONReader, String) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        skipSpace()
        if peek == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            skipSpace()
            let key = try string()
            try expect(UInt8(ascii: ":"))
            try member(&self, key)
            skipSpace()
            guard index < bytes.count else { throw failure("unterminated object") }
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "}") { return }
            if byte != UInt8(ascii: ",") { throw failure("expected , or } in an object", at: index - 1) }
        }
    }

    /// Reads an array, calling `element` while the reader stands before each element.
    public mutating func elements(_ element: (inout JSONReader) throws -> Void) throws {
        try expect(UInt8(ascii: "["))
        skipSpace()
        if peek == UInt8(ascii: "]") {
            index += 1
            return
        }
        while true {
            try element(&self)
            skipSpace()
            guard index < bytes.count else { throw failure("unterminated array") }
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "]") { return }
            if byte != UInt8(ascii: ",") { throw failure("expected , or ] in an array", at: index - 1) }
        }
    }

    /// True (and consumed) when the next value is `null`.
    public mutating func null() throws -> Bool {
        skipSpace()
        guard peek == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    /// Reads a string value, or nil for `null`.
    public mutating func optionalString() throws -> String? {
        try null() ? nil : string()
    }

    /// Reads a string.
    public mutating func string() throws -> String {
        skipSpace()
        try expect(UInt8(ascii: "\""))
        let start = index
        guard let text = try plainText(asciiOnly: false) else { return try escapedString(from: start) }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[text]), as: UTF8.self)
    }

    /// Reads a string; the byte range of its text when it is ASCII written without escapes
    /// (so no `String` is made), nil for any other string (read and checked all the same).
    public mutating func asciiStringRange() throws -> Range<Int>? {
        skipSpace()
        try expect(UInt8(ascii: "\""))
        let start = index
        if let text = try plainText(asciiOnly: true) { return text }
        _ = try escapedString(from: start)
        return nil
    }

    /// Reads a string of exactly `length` bytes between its quotes that `accept` takes (it
    /// must take only text that needs no unescaping, hex digits and dashes say): the text's
    /// range. Nil for any other value, which is left unread for the other readers.
    public mutating func plainString(
        ofLength length: Int, where accept: (UnsafeBufferPointer<UInt8>) -> Bool
    ) -> Range<Int>? {
        skipSpace()
        let close = index + length + 1
        guard close < bytes.count, bytes[index] == UInt8(ascii: "\""), bytes[close] == UInt8(ascii: "\""),
            accept(UnsafeBufferPointer(rebasing: bytes[(index + 1)..<close]))
        else { return nil }
        defer { index = close + 1 }
        return (index + 1)..<close
    }

    /// From just after a string's opening quote: when no byte before its closing quote is an
    /// escape (nor, with `asciiOnly`, outside ASCII), the text's range with the reader past
    /// the quote; otherwise nil with the reader at that byte (`escapedString` goes on from it).
    private mutating func plainText(asciiOnly: Bool) throws -> Range<Int>? {
        let start = index
        // Eight bytes at a time past those that are plain text (no quote, backslash, control
        // byte or, with `asciiOnly`, byte over 0x7F); the loop below reads the rest.
        if let base = bytes.baseAddress {
            let high: UInt64 = asciiOnly ? 0x8080_8080_8080_8080 : 0
            while index + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let quote = word ^ 0x2222_2222_2222_2222
                let backslash = word ^ 0x5C5C_5C5C_5C5C_5C5C
                let stops =
                    ((quote &- 0x0101_0101_0101_0101) & ~quote) | ((backslash &- 0x0101_0101_0101_0101) & ~backslash)
                    | ((word &- 0x2020_2020_2020_2020) & ~word) | (word & high)
                if stops & 0x8080_8080_8080_8080 != 0 { break }
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return start..<(index - 1)
            }
            if byte == UInt8(ascii: "\\") || (asciiOnly && byte >= 0x80) { return nil }
            if byte < 0x20 { throw failure("control character in a string") }
            index += 1
        }
        throw failure("unterminated string", at: start - 1)
    }

    /// Reads a number.
    public mutating func number() throws -> Double {
        skipSpace()
        let start = index
        if peek == UInt8(ascii: "-") { index += 1 }
        var integer: Int64 = 0
        var digits = 0
        var simple = true
        while let byte = peek, byte >= 0x30, byte <= 0x39 {
            if digits < 18 { integer = integer * 10 + Int64(byte - 0x30) } else { simple = false }
            digits += 1
            index += 1
        }
        guard digits > 0 else { throw failure("expected a value", at: start) }
        if let byte = peek, byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            simple = false
            while let byte = peek,
                (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e")
                    || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
            {
                index += 1
            }
        }
        if simple { return Double(bytes[start] == UInt8(ascii: "-") ? -integer : integer) }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let number = Double(text) else { throw failure("invalid number", at: start) }
        return number
    }

    /// Reads an integer.
    public mutating func integer() throws -> Int {
        let start = index
        let number = try number()
        guard number.rounded() == number, abs(number) < 9e15 else { throw failure("expected an integer", at: start) }
        return Int(number)
    }

    private mutating func escapedString(from start: Int) throws -> String {
        var utf8 = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { break }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                            bytes[index + 1] == UInt8(ascii: "u")
                        else { throw failure("unpaired surrogate") }
                        index += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw failure("unpaired surrogate") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(scalar) {
                        throw failure("unpaired surrogate")
                    }
                    utf8.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
                default: throw failure("invalid escape", at: index - 2)
                }
            default:
                if byte < 0x20 { throw failure("control character in a string", at: index - 1) }
                utf8.append(byte)
            }
        }
        throw failure("unterminated string", at: start - 1)
    }

    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure("short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw failure("invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw failure("unexpected end of text") }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            throw failure("expected a value")
        }
        index += count
    }

    private mutating func expect(_ byte: UInt8) throws {
        skipSpace()
        guard peek == byte else {
            throw failure("expected \(Character(Unicode.Scalar(byte)))")
        }
        index += 1
    }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private func failure(_ reason: String, at offset: Int? = nil) -> Failure {
        Failure(reason: reason, offset: offset ?? index)
    }
}
