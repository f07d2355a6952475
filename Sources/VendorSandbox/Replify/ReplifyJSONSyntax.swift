/// Checks a request body against the JSON grammar and words the first fault as Node's
/// `JSON.parse` does (`Unexpected token '}' in JSON at position 42`), positions counted in
/// UTF-16 units like JavaScript strings.
struct ReplifyJSONSyntax {
    private let units: [UInt16]
    private var position = 0

    private enum Fault: Error {
        case unexpected(Int)
        case end
    }

    private init(_ text: String) {
        units = Array(text.utf16)
    }

    /// Nil for valid JSON, else the message `JSON.parse` would throw.
    static func fault(in text: String) -> String? {
        var scanner = ReplifyJSONSyntax(text)
        do {
            try scanner.value()
            scanner.skipWhitespace()
            if scanner.position < scanner.units.count { throw Fault.unexpected(scanner.position) }
            return nil
        } catch Fault.unexpected(let position) {
            return scanner.describe(position)
        } catch {
            return "Unexpected end of JSON input"
        }
    }

    private func describe(_ position: Int) -> String {
        let unit = units[position]
        let kind: String
        if unit == quote {
            kind = "string"
        } else if unit == minus || isDigit(unit) {
            kind = "number"
        } else {
            let character = Unicode.Scalar(unit).map { String(Character($0)) } ?? "\u{FFFD}"
            kind = "token '\(character)'"
        }
        return "Unexpected \(kind) in JSON at position \(position)"
    }

    private mutating func value() throws {
        skipWhitespace()
        let unit = try current()
        switch unit {
        case UInt16(ascii: "{"): try object()
        case UInt16(ascii: "["): try array()
        case quote: try string()
        case UInt16(ascii: "t"): try literal("true")
        case UInt16(ascii: "f"): try literal("false")
        case UInt16(ascii: "n"): try literal("null")
        default:
            guard unit == minus || isDigit(unit) else { throw Fault.unexpected(position) }
            try number()
        }
    }

    private mutating func object() throws {
        position += 1
        skipWhitespace()
        if try current() == UInt16(ascii: "}") {
            position += 1
            return
        }
        while true {
            skipWhitespace()
            guard try current() == quote else { throw Fault.unexpected(position) }
            try string()
            skipWhitespace()
            guard try current() == UInt16(ascii: ":") else { throw Fault.unexpected(position) }
            position += 1
            try value()
            skipWhitespace()
            let next = try current()
            position += 1
            if next == UInt16(ascii: "}") { return }
            guard next == UInt16(ascii: ",") else { throw Fault.unexpected(position - 1) }
        }
    }

    private mutating func array() throws {
        position += 1
        skipWhitespace()
        if try current() == UInt16(ascii: "]") {
            position += 1
            return
        }
        while true {
            try value()
            skipWhitespace()
            let next = try current()
            position += 1
            if next == UInt16(ascii: "]") { return }
            guard next == UInt16(ascii: ",") else { throw Fault.unexpected(position - 1) }
        }
    }

    private mutating func string() throws {
        position += 1
        while true {
            let unit = try current()
            position += 1
            if unit == quote { return }
            if unit < 0x20 { throw Fault.unexpected(position - 1) }
            guard unit == UInt16(ascii: "\\") else { continue }
            let escaped = try current()
            if escaped == UInt16(ascii: "u") {
                for _ in 0..<4 {
                    position += 1
                    guard isHexDigit(try current()) else { throw Fault.unexpected(position) }
                }
            } else if !"\"\\/bfnrt".utf16.contains(escaped) {
                throw Fault.unexpected(position)
            }
            position += 1
        }
    }

    private mutating func number() throws {
        if try current() == minus { position += 1 }
        let first = try current()
        guard isDigit(first) else { throw Fault.unexpected(position) }
        position += 1
        if first != UInt16(ascii: "0") { skipDigits() }
        if position < units.count, units[position] == UInt16(ascii: ".") {
            position += 1
            guard isDigit(try current()) else { throw Fault.unexpected(position) }
            skipDigits()
        }
        if position < units.count, units[position] == UInt16(ascii: "e") || units[position] == UInt16(ascii: "E") {
            position += 1
            let sign = try current()
            if sign == UInt16(ascii: "+") || sign == minus { position += 1 }
            guard isDigit(try current()) else { throw Fault.unexpected(position) }
            skipDigits()
        }
    }

    private mutating func literal(_ word: String) throws {
        for expected in word.utf16 {
            guard try current() == expected else { throw Fault.unexpected(position) }
            position += 1
        }
    }

    private mutating func skipWhitespace() {
        while position < units.count, [0x20, 0x09, 0x0A, 0x0D].contains(units[position]) { position += 1 }
    }

    private mutating func skipDigits() {
        while position < units.count, isDigit(units[position]) { position += 1 }
    }

    private func current() throws -> UInt16 {
        guard position < units.count else { throw Fault.end }
        return units[position]
    }

    private let quote = UInt16(ascii: "\"")
    private let minus = UInt16(ascii: "-")

    private func isDigit(_ unit: UInt16) -> Bool {
        (UInt16(ascii: "0")...UInt16(ascii: "9")).contains(unit)
    }

    private func isHexDigit(_ unit: UInt16) -> Bool {
        isDigit(unit) || (UInt16(ascii: "a")...UInt16(ascii: "f")).contains(unit | 0x20)
    }
}

extension UInt16 {
    /// The UTF-16 unit of an ASCII character.
    fileprivate init(ascii scalar: Unicode.Scalar) {
        self.init(scalar.value)
    }
}
