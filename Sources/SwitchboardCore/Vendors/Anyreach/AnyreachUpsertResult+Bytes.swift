/// Reading an upsert's answer at byte level: `JSONDecoder` costs about 0.8 µs a contact
/// on a 1000-contact answer, most of it making `contact_ids` strings through the generic
/// `Decodable` machinery.
extension AnyreachUpsertResult {
    /// The answer of the documented shape, read from its bytes, or nil when it holds
    /// anything this reader does not take exactly as `JSONDecoder` would (an escape or a
    /// non-ASCII byte in a string, a non-empty `warnings`, an unknown member, a number that
    /// is not a plain integer, a malformed document). The caller then decodes it with
    /// `JSONDecoder`, which gives the same value or the decoding error.
    static func decodeFast(_ bytes: [UInt8]) -> AnyreachUpsertResult? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = AnswerReader(bytes: buffer)
            return reader.result()
        }
    }
}

/// A strict reader of the upsert answer: every method returns nil (or false) at the first
/// thing it does not expect.
private struct AnswerReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func result() -> AnyreachUpsertResult? {
        var answer = AnyreachUpsertResult()
        guard take(UInt8(ascii: "{")) else { return nil }
        var first = true
        while true {
            if take(UInt8(ascii: "}")) { break }
            if !first, !take(UInt8(ascii: ",")) { return nil }
            first = false
            guard let key = string(), take(UInt8(ascii: ":")) else { return nil }
            switch key {
            case "contact_ids":
                guard let ids = strings() else { return nil }
                answer.contactIDs = ids
            case "inserted":
                guard let value = integerOrNull() else { return nil }
                answer.inserted = value ?? 0
            case "updated":
                guard let value = integerOrNull() else { return nil }
                answer.updated = value ?? 0
            case "failed":
                guard let failed = failures() else { return nil }
                answer.failed = failed
            case "warnings":
                // Warnings keep their JSON text (`JSONValue.description`): left to the decoder.
                guard take(UInt8(ascii: "[")), take(UInt8(ascii: "]")) else { return nil }
            default:
                return nil
            }
        }
        skipSpace()
        return index == bytes.count ? answer : nil
    }

    private mutating func failures() -> [AnyreachUpsertResult.Failure]? {
        if takeNull() { return [] }
        guard take(UInt8(ascii: "[")) else { return nil }
        var failures: [AnyreachUpsertResult.Failure] = []
        if take(UInt8(ascii: "]")) { return failures }
        repeat {
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                guard let message = string() else { return nil }
                failures.append(AnyreachUpsertResult.Failure(index: nil, error: message))
                continue
            }
            guard take(UInt8(ascii: "{")) else { return nil }
            var position: Int?
            var id: String?
            var externalID: String?
            var error: String?
            var first = true
            while true {
                if take(UInt8(ascii: "}")) { break }
                if !first, !take(UInt8(ascii: ",")) { return nil }
                first = false
                guard let key = string(), take(UInt8(ascii: ":")) else { return nil }
                switch key {
                case "index":
                    guard let value = integerOrNull() else { return nil }
                    position = value
                case "error":
                    guard let value = stringOrNull() else { return nil }
                    error = value
                case "id":
                    guard let value = stringOrNull() else { return nil }
                    id = value
                case "external_id":
                    guard let value = stringOrNull() else { return nil }
                    externalID = value
                default:
                    return nil
                }
            }
            failures.append(
                AnyreachUpsertResult.Failure(index: position, id: id, externalID: externalID, error: error ?? "failed"))
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]")) ? failures : nil
    }

    /// An array of strings (null reads as none, as `decodeIfPresent` does).
    private mutating func strings() -> [String]? {
        if takeNull() { return [] }
        guard take(UInt8(ascii: "[")) else { return nil }
        var strings: [String] = []
        strings.reserveCapacity(1000)
        if take(UInt8(ascii: "]")) { return strings }
        repeat {
            guard let text = string() else { return nil }
            strings.append(text)
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]")) ? strings : nil
    }

    /// `.some(nil)` for null.
    private mutating func stringOrNull() -> String?? {
        if takeNull() { return .some(nil) }
        return string().map { .some($0) }
    }

    private mutating func integerOrNull() -> Int?? {
        if takeNull() { return .some(nil) }
        return integer().map { .some($0) }
    }

    /// A string of printable ASCII without escapes.
    private mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\") else { return nil }
            index += 1
        }
        return nil
    }

    /// A plain integer: optional minus, digits, no fraction or exponent, at most 18 digits.
    private mutating func integer() -> Int? {
        skipSpace()
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var value = 0
        var digits = 0
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            value = value * 10 + Int(bytes[index] - 0x30)
            digits += 1
            index += 1
        }
        guard digits > 0, digits <= 18, index >= bytes.count || !Self.continuesNumber(bytes[index]) else {
            return nil
        }
        return negative ? -value : value
    }

    private static func continuesNumber(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    private mutating func takeNull() -> Bool {
        skipSpace()
        guard bytes.count - index >= 4, bytes[index] == UInt8(ascii: "n"), bytes[index + 1] == UInt8(ascii: "u"),
            bytes[index + 2] == UInt8(ascii: "l"), bytes[index + 3] == UInt8(ascii: "l")
        else { return false }
        index += 4
        return true
    }

    /// Skips white space, then takes `byte` if it is next.
    private mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }
}
