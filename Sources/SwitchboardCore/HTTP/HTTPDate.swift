import Foundation

/// HTTP dates (RFC 9110 IMF-fixdate, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`), for `Retry-After`.
public enum HTTPDate {
    private static func formatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }

    /// Seconds since 1970 for an IMF-fixdate, or nil.
    public static func parse(_ text: String) -> Double? {
        formatter().date(from: text)?.timeIntervalSince1970
    }

    /// The IMF-fixdate for seconds since 1970.
    public static func format(_ seconds: Double) -> String {
        formatter().string(from: Date(timeIntervalSince1970: seconds))
    }
}
