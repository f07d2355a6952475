/// Builds request URLs from a base URL, literal route segments and caller values,
/// percent-encoding the values so an external id like `a/b c` stays one segment.
public enum URLPath {
    /// Characters left as they are in a path segment or a query value (RFC 3986 unreserved).
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// Percent-encodes everything but unreserved characters.
    public static func encode(_ value: String) -> String {
        var out = ""
        for byte in value.utf8 {
            if isUnreserved(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }

    /// `base` + `/`-joined segments (values encoded) + `?query` (values encoded, order kept).
    public static func url(base: String, _ segments: [PathSegment], query: [(String, String)] = []) -> String {
        var url = base.hasSuffix("/") ? String(base.dropLast()) : base
        for segment in segments {
            switch segment {
            case .literal(let text): url += "/" + text
            case .value(let text): url += "/" + encode(text)
            }
        }
        if !query.isEmpty {
            url += "?" + query.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
        }
        return url
    }
}

/// A piece of a route: fixed text from the vendor's documentation, or a caller's value.
public enum PathSegment: Sendable, ExpressibleByStringLiteral {
    case literal(String)
    case value(String)

    public init(stringLiteral value: String) { self = .literal(value) }
}
