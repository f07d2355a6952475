import Foundation

/// Reads Replify's error body `{"code": "FORBIDDEN", "message": "...", "details": "..."}`
/// into the operator's message: `message` word for word, else `code`, else the status phrase.
enum ReplifyErrorBody {
    private struct Body: Decodable {
        var code: String?
        var message: String?
    }

    static func message(status: Int, body: [UInt8]) -> String {
        guard let parsed = try? JSONDecoder().decode(Body.self, from: Data(body)) else {
            return HTTPStatusText.phrase(status)
        }
        return parsed.message ?? parsed.code ?? HTTPStatusText.phrase(status)
    }
}
