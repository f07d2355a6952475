import Foundation

/// Reads Anyreach's error body `{"detail": ...}` into the message shown to the operator:
/// a string as is, FastAPI's list of `{loc, msg}` as "field: message; ...", anything
/// else as its JSON text. A body that is not JSON becomes a short generic message.
enum AnyreachErrorBody {
    private struct Body: Decodable {
        var detail: JSONValue
    }

    static func message(status: Int, body: [UInt8]) -> String {
        guard let parsed = try? JSONDecoder().decode(Body.self, from: Data(body)) else {
            return HTTPStatusText.phrase(status)
        }
        switch parsed.detail {
        case .string(let text):
            return text
        case .array(let items):
            return items.map { item -> String in
                guard case .object(let fields) = item else { return item.description }
                let message = fields["msg"]?.description ?? item.description
                if case .array(let location)? = fields["loc"] {
                    return location.map(\.description).joined(separator: ".") + ": " + message
                }
                return message
            }.joined(separator: "; ")
        case .object(let fields):
            return fields["message"]?.stringValue ?? parsed.detail.jsonText
        default:
            return parsed.detail.description
        }
    }
}

/// Reason phrases for answers whose body says nothing readable.
public enum HTTPStatusText {
    public static func phrase(_ status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 422: "Unprocessable Entity"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "HTTP \(status)"
        }
    }
}
