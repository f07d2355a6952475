import Foundation

/// Reads CampaignLark's error body `{"error": {"message": "..."}}` into the operator's
/// message, word for word. Also accepted: `{"error": "..."}` and `{"message": "..."}`;
/// anything else gives the status phrase.
enum CampaignLarkErrorBody {
    private struct Body: Decodable {
        var error: JSONValue?
        var message: String?
    }

    static func message(status: Int, body: [UInt8]) -> String {
        guard let parsed = try? JSONDecoder().decode(Body.self, from: Data(body)) else {
            return HTTPStatusText.phrase(status)
        }
        switch parsed.error {
        case .object(let fields)?:
            if let message = fields["message"]?.stringValue { return message }
        case .string(let message)?:
            return message
        default:
            break
        }
        return parsed.message ?? HTTPStatusText.phrase(status)
    }
}
