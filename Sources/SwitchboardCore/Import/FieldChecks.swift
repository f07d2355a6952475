import Foundation

/// The checks on single values an import (or a form) applies before anything is sent.
/// Each answers nil when the value is fine, else the reason in the operator's words.
public enum FieldChecks {
    /// A plain `name@domain.tld` address: no spaces, one `@`, a dotted domain of letters,
    /// digits and dashes, at most 254 bytes.
    public static func email(_ value: String) -> String? {
        var at = -1
        var count = 0
        var labels = 0
        var labelLength = 0
        var previous: UInt8 = 0
        var domainFine = true
        for byte in value.utf8 {
            if isForbiddenInEmail(byte) {
                return "\"\(value)\" is not an email address: it contains \"\(Character(Unicode.Scalar(byte)))\""
            }
            if byte == UInt8(ascii: "@") {
                if at >= 0 { return "\"\(value)\" is not an email address: it has more than one @" }
                at = count
            } else if at >= 0 {
                if byte == UInt8(ascii: ".") {
                    if labelLength == 0 || previous == UInt8(ascii: "-") { domainFine = false }
                    labels += 1
                    labelLength = 0
                } else {
                    if labelLength == 0 && byte == UInt8(ascii: "-") { domainFine = false }
                    if byte < 0x80 && !isAlphanumeric(byte) && byte != UInt8(ascii: "-") { domainFine = false }
                    labelLength += 1
                }
            }
            previous = byte
            count += 1
        }
        guard at > 0, at < count - 1, at <= 64, count <= 254 else {
            return "\"\(value)\" is not an email address (name@example.com)"
        }
        guard domainFine, labels >= 1, labelLength > 0, previous != UInt8(ascii: "-") else {
            return "\"\(value)\" is not an email address: the domain after @ must be like example.com"
        }
        return nil
    }

    /// An IANA time zone `TimeZone(identifier:)` knows (`America/New_York`, `UTC`).
    public static func timezone(_ value: String) -> String? {
        TimeZone(identifier: value) == nil ? "\"\(value)\" is not an IANA time zone (e.g. America/New_York)" : nil
    }

    /// An ISO 8601 date and time with a zone: `2026-07-01T17:00:00Z`, `2026-07-01T10:00:00.5-07:00`,
    /// `2026-07-01T17:00Z`. Seconds and fractions are optional; the zone is required, since
    /// the vendor would otherwise guess it.
    public static func isoTime(_ value: String) -> String? {
        ISO8601Time.isValid(Array(value.utf8))
            ? nil : "\"\(value)\" is not an ISO 8601 time with a zone (e.g. 2026-07-01T17:00:00Z)"
    }

    private static func isForbiddenInEmail(_ byte: UInt8) -> Bool {
        switch byte {
        case 0...0x20, 0x7F, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "\\"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"),
            UInt8(ascii: "\""):
            true
        default: false
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}

/// A byte-level reader of ISO 8601 extended date-times, for `FieldChecks.isoTime`.
enum ISO8601Time {
    static func isValid(_ bytes: [UInt8]) -> Bool {
        var index = 0
        func number(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + count] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            index += count
            return value
        }
        func skip(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        guard let year = number(4), skip(UInt8(ascii: "-")), let month = number(2), skip(UInt8(ascii: "-")),
            let day = number(2), (1...12).contains(month), (1...daysIn(month, year)).contains(day),
            skip(UInt8(ascii: "T")) || skip(UInt8(ascii: "t")) || skip(UInt8(ascii: " ")),
            let hour = number(2), hour <= 23, skip(UInt8(ascii: ":")), let minute = number(2), minute <= 59
        else { return false }
        if skip(UInt8(ascii: ":")) {
            guard let second = number(2), second <= 60 else { return false }
            if skip(UInt8(ascii: ".")) || skip(UInt8(ascii: ",")) {
                let start = index
                while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
                guard index > start else { return false }
            }
        }
        if skip(UInt8(ascii: "Z")) || skip(UInt8(ascii: "z")) { return index == bytes.count }
        guard skip(UInt8(ascii: "+")) || skip(UInt8(ascii: "-")), let zoneHour = number(2), zoneHour <= 23 else {
            return false
        }
        _ = skip(UInt8(ascii: ":"))
        guard let zoneMinute = number(2), zoneMinute <= 59 else { return false }
        return index == bytes.count
    }

    private static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
