/// Phone numbers in E.164 (`+14155550123`), as the vendors want them.
public enum PhoneNumber {
    /// `raw` in E.164. Spaces, dashes, dots and parentheses are dropped; a leading `00`
    /// becomes `+`; a number without either is national and gets `defaultCountryCode`
    /// (`+1` or `1`), dropping a national trunk `0` (or, for +1, a leading `1`).
    /// Numbers under +1 have 10 digits after the country code; others 7 to 15 digits in all.
    public static func e164(_ raw: String, defaultCountryCode: String?) throws(PhoneNumberError) -> String {
        var digits: [UInt8] = []
        digits.reserveCapacity(16)
        var international = false
        for byte in raw.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits.append(byte)
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "("), UInt8(ascii: ")"),
                UInt8(ascii: "\t"):
                continue
            case UInt8(ascii: "+") where digits.isEmpty && !international: international = true
            default: throw .unexpectedCharacter(raw)
            }
        }
        guard !digits.isEmpty else { throw .noDigits(raw) }
        if !international && digits.count > 2 && digits[0] == UInt8(ascii: "0") && digits[1] == UInt8(ascii: "0") {
            international = true
            digits.removeFirst(2)
        }
        if !international {
            let code = Array(
                (defaultCountryCode ?? "").utf8.filter { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
            guard !code.isEmpty else { throw .noCountryCode(raw) }
            if code == [UInt8(ascii: "1")] {
                if digits.count == 11 && digits[0] == UInt8(ascii: "1") { digits.removeFirst() }
                guard digits.count == 10 else {
                    throw .wrongLength(raw, "+1 national numbers have 10 digits; this has \(digits.count)")
                }
            } else if digits[0] == UInt8(ascii: "0") {
                digits.removeFirst()
            }
            digits = code + digits
        }
        if digits[0] == UInt8(ascii: "1") && digits.count != 11 {
            throw .wrongLength(raw, "+1 numbers have 10 digits after the country code; this has \(digits.count - 1)")
        }
        guard digits.count <= 15 else {
            throw .wrongLength(raw, "E.164 numbers have at most 15 digits; this has \(digits.count)")
        }
        guard digits.count >= 7 else {
            throw .wrongLength(raw, "too short for a phone number (\(digits.count) digits)")
        }
        return "+" + String(decoding: digits, as: UTF8.self)
    }
}

/// Why a phone number cannot be written in E.164.
public enum PhoneNumberError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Something other than digits, `+`, spaces, dashes, dots and parentheses.
    case unexpectedCharacter(String)
    case noDigits(String)
    /// A national number, and the account sets no `default_country_code`.
    case noCountryCode(String)
    case wrongLength(String, String)

    public var description: String {
        switch self {
        case .unexpectedCharacter(let raw):
            "\"\(raw)\" is not a phone number: only digits, a leading +, spaces, dashes, dots and parentheses are allowed"
        case .noDigits(let raw):
            "\"\(raw)\" is not a phone number: it has no digits"
        case .noCountryCode(let raw):
            "\"\(raw)\" has no country code and the account sets no default_country_code; write it as +<country><number>"
        case .wrongLength(let raw, let why):
            "\"\(raw)\" is not a valid E.164 number: \(why)"
        }
    }
}
