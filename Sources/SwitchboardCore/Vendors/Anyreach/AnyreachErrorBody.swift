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
