/// A strict, fast reader of JSON bytes for the bodies the sandbox reads in bulk (the upsert
/// of a thousand contacts), where Foundation's `JSONDecoder` costs more than the upsert.
///
/// It is a fast path only: it gives up (``Unsupported``) on anything it is not certain to read
/// exactly as `JSONDecoder` would (syntax errors, wrong types, duplicate keys, lone surrogates,
/// numbers with exponents or many digits, deep nesting), and the caller then decodes the same
/// bytes with `JSONDecoder`, which produces the value or the error answer as before. So it
/// never accepts what `JSONDecoder` refuses, and whatever it accepts it reads as
/// `JSONDecoder` does.
struct JSONByteScanner {
    /// Thrown when the fast path gives up; the caller falls back to `JSONDecoder`.
    struct Unsupported: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position = 0
    private var depth = 0
    /// Scratch space for strings with escapes.
    private var unescaped: [UInt8] = []
    /// Members of the objects being read, innermost last.
    private var pending: [(String, JSONValue)] = []

    /// Nesting deeper than this is left to `JSONDecoder` (which has its own limit).
    static let maximumDepth = 64

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    // MARK: - Bytes

    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let comma = UInt8(ascii: ",")
    static let colon = UInt8(ascii: ":")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")

    var isAtEnd: Bool { position >= bytes.count }

    /// Skips JSON whitespace (space, tab, line feed, carriage return).
    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// The next byte after whitespace, not consumed.
    mutating func peek() throws(Unsupported) -> UInt8 {
        skipWhitespace()
        guard position < bytes.count else { throw Unsupported() }
        return bytes[position]
    }

    /// Consumes `byte` after whitespace.
    mutating func expect(_ byte: UInt8) throws(Unsupported) {
        guard try peek() == byte else { throw Unsupported() }
        position += 1
    }

    /// Consumes `byte` after whitespace if it is next.
    mutating func consume(_ byte: UInt8) throws(Unsupported) -> Bool {
        guard try peek() == byte else { return false }
        position += 1
        return true
    }

    /// Only whitespace is left.
    mutating func expectEnd() throws(Unsupported) {
        skipWhitespace()
        guard isAtEnd else { throw Unsupported() }
    }

    // MARK: - Containers

    /// Reads an object's `{`, then calls `member` with each key's bytes (unescaped) with the
    /// position at its value, which `member` must read; ends after the `}`.
    mutating func readObject(
        _ member: (inout JSONByteScanner, UnsafeBufferPointer<UInt8>) throws(Unsupported) -> Void
    ) throws(Unsupported) {
        try expect(Self.openBrace)
        try enter()
        if try consume(Self.closeBrace) {
            depth -= 1
            return
        }
        repeat {
            guard try peek() == Self.quote else { throw Unsupported() }
            let key = try rawString()
            try expect(Self.colon)
            if key.escaped {
                // The value may have escapes of its own: keep the key's bytes apart.
                let copy = unescaped
                var failed = false
                copy.withUnsafeBufferPointer { buffer in
                    do { try member(&self, buffer) } catch { failed = true }
                }
                if failed { throw Unsupported() }
            } else {
                try member(&self, UnsafeBufferPointer(rebasing: bytes[key.range]))
            }
        } while try consume(Self.comma)
        try expect(Self.closeBrace)
        depth -= 1
    }

    /// Reads an array's `[`, calls `element` with the position at each element, which
    /// `element` must read; ends after the `]`.
    mutating func readArray(_ element: (inout JSONByteScanner) throws(Unsupported) -> Void) throws(Unsupported) {
        try expect(Self.openBracket)
        try enter()
        if try consume(Self.closeBracket) {
            depth -= 1
            return
        }
        repeat {
            try element(&self)
        } while try consume(Self.comma)
        try expect(Self.closeBracket)
        depth -= 1
    }

    private mutating func enter() throws(Unsupported) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw Unsupported() }
    }

    // MARK: - Values

    /// Consumes `null` if it is the next value.
    mutating func consumeNull() throws(Unsupported) -> Bool {
        guard try peek() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    /// A string value; anything else is unsupported.
    mutating func string() throws(Unsupported) -> String {
        guard try peek() == Self.quote else { throw Unsupported() }
        let raw = try rawString()
        if raw.escaped {
            let text = unescaped.withUnsafeBufferPointer { (buffer) -> String? in try? Self.validated(buffer) }
            guard let text else { throw Unsupported() }
            return text
        }
        return try Self.validated(UnsafeBufferPointer(rebasing: bytes[raw.range]))
    }

    /// A string value or null (nil).
    mutating func optionalString() throws(Unsupported) -> String? {
        try consumeNull() ? nil : string()
    }

    /// Any JSON value, as `JSONValue`'s `Decodable` conformance reads it.
    mutating func value() throws(Unsupported) -> JSONValue {
        switch try peek() {
        case Self.quote: return .string(try string())
        case Self.openBrace: return .object(try object())
        case Self.openBracket:
            var elements: [JSONValue] = []
            try readArray { (scanner) throws(Unsupported) in elements.append(try scanner.value()) }
            return .array(elements)
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        default:
            return .number(try number())
        }
    }

    /// An object of any values; a key sent twice is unsupported (`JSONDecoder` keeps the first).
    mutating func object() throws(Unsupported) -> [String: JSONValue] {
        // The members wait on a stack shared by nested objects, so that the dictionary is
        // made once at its final size.
        let first = pending.count
        defer { pending.removeSubrange(first...) }
        try readObject { (scanner, key) throws(Unsupported) in
            let name = try Self.validated(key)
            let value = try scanner.value()
            scanner.pending.append((name, value))
        }
        var members = [String: JSONValue](minimumCapacity: pending.count - first)
        for (name, value) in pending[first...] {
            guard members.updateValue(value, forKey: name) == nil else { throw Unsupported() }
        }
        return members
    }

    /// A number without exponent and of at most 24 characters (every such number converts the
    /// same way in `JSONDecoder` and `Double(_:)`; others are left to `JSONDecoder`).
    mutating func number() throws(Unsupported) -> Double {
        let start = position
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count else { throw Unsupported() }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            guard Self.isDigit(bytes[position]) else { throw Unsupported() }
            while position < bytes.count, Self.isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < bytes.count, Self.isDigit(bytes[position]) else { throw Unsupported() }
            while position < bytes.count, Self.isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            throw Unsupported()
        }
        guard position - start <= 24 else { throw Unsupported() }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw Unsupported() }
        return value
    }

    private mutating func literal(_ word: StaticString) throws(Unsupported) {
        let count = word.utf8CodeUnitCount
        guard bytes.count - position >= count else { throw Unsupported() }
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: count)
        for offset in 0..<count where bytes[position + offset] != expected[offset] { throw Unsupported() }
        position += count
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    // MARK: - Strings

    /// Reads a string from its opening quote. Without escapes, `range` holds its bytes;
    /// with escapes, `unescaped` holds them decoded. Its UTF-8 is not validated yet.
    private mutating func rawString() throws(Unsupported) -> (range: Range<Int>, escaped: Bool) {
        position += 1
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Self.quote {
                position += 1
                return (start..<position - 1, false)
            }
            if byte == Self.backslash { return (start..<start, try escapedString(from: start)) }
            guard byte >= 0x20 else { throw Unsupported() }
            position += 1
        }
        throw Unsupported()
    }

    /// Decodes the rest of a string that has an escape at `position` into `unescaped`.
    private mutating func escapedString(from start: Int) throws(Unsupported) -> Bool {
        unescaped.removeAll(keepingCapacity: true)
        unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == Self.quote { return true }
            guard byte >= 0x20 else { throw Unsupported() }
            guard byte == Self.backslash else {
                unescaped.append(byte)
                continue
            }
            guard position < bytes.count else { throw Unsupported() }
            let escape = bytes[position]
            position += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): unescaped.append(escape)
            case UInt8(ascii: "b"): unescaped.append(0x08)
            case UInt8(ascii: "f"): unescaped.append(0x0C)
            case UInt8(ascii: "n"): unescaped.append(0x0A)
            case UInt8(ascii: "r"): unescaped.append(0x0D)
            case UInt8(ascii: "t"): unescaped.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hexQuad()
                if (0xD800...0xDBFF).contains(scalar) {
                    // A high surrogate must be followed by an escaped low one.
                    guard bytes.count - position >= 2, bytes[position] == Self.backslash,
                        bytes[position + 1] == UInt8(ascii: "u")
                    else { throw Unsupported() }
                    position += 2
                    let low = try hexQuad()
                    guard (0xDC00...0xDFFF).contains(low) else { throw Unsupported() }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw Unsupported()
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw Unsupported() }
                unescaped.append(contentsOf: UTF8.encode(unicode)!)
            default:
                throw Unsupported()
            }
        }
        throw Unsupported()
    }

    private mutating func hexQuad() throws(Unsupported) -> UInt32 {
        guard bytes.count - position >= 4 else { throw Unsupported() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Unsupported()
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    /// A string from UTF-8 bytes; invalid UTF-8 is unsupported.
    static func validated(_ utf8: UnsafeBufferPointer<UInt8>) throws(Unsupported) -> String {
        // `String(validating:as:)` is generic and looks up type metadata on every call;
        // decoding repairs invalid UTF-8, so the bytes come back unchanged exactly when valid.
        let text = String(decoding: utf8, as: UTF8.self)
        if isASCII(utf8) { return text }
        var copy = text
        let unchanged = copy.withUTF8 { $0.elementsEqual(utf8) }
        guard unchanged else { throw Unsupported() }
        return text
    }

    private static func isASCII(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var combined: UInt8 = 0
        for byte in utf8 { combined |= byte }
        return combined < 0x80
    }

    /// Whether `key` is the ASCII text `name`.
    static func key(_ key: UnsafeBufferPointer<UInt8>, is name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        guard key.count == count else { return false }
        let expected = UnsafeBufferPointer(start: name.utf8Start, count: count)
        for offset in 0..<count where key[offset] != expected[offset] { return false }
        return true
    }
}
