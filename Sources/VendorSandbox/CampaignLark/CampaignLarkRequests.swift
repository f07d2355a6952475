import Foundation
import Hummingbird

extension CampaignLark {
    /// `POST /contacts/upsert`. Every key is optional here so that a missing email or a
    /// wrong status gets the document's own message, not a decoding error.
    struct UpsertRequest: Decodable, Sendable {
        var emailAddress: String?
        var fields: [String: JSONValue]?
        var tags: [Int]?
        var status: String?
        var partialUpdate: Bool?

        enum CodingKeys: String, CodingKey {
            case fields, tags, status
            case emailAddress = "email_address"
            case partialUpdate = "partial_update"
        }
    }

    /// `POST /contacts/search`; an empty body searches with every default.
    struct SearchRequest: Decodable, Sendable {
        var page: Int?
        var limit: Int?
        var status: String?
        var tags: [Int]?
        var sortBy: String?
        var sortOrder: String?

        enum CodingKeys: String, CodingKey {
            case page, limit, status, tags
            case sortBy = "sort_by"
            case sortOrder = "sort_order"
        }
    }

    /// Reads a JSON body; `whenEmpty` stands in for an empty one, otherwise an empty body is
    /// a 400. Every unreadable body is a 400, the only client error the vendor documents.
    static func body<Body: Decodable>(
        _ type: Body.Type, of request: Request, context: SandboxRequestContext, whenEmpty: Body? = nil
    ) async throws -> Body {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else {
            if let whenEmpty { return whenEmpty }
            throw CampaignLarkError.badRequest("The request body must be a JSON object.")
        }
        do {
            return try JSONDecoder().decode(Body.self, from: Data(buffer.readableBytesView))
        } catch let DecodingError.typeMismatch(_, context) {
            throw CampaignLarkError.badRequest("The value of '\(path(context.codingPath))' has the wrong type.")
        } catch {
            throw CampaignLarkError.badRequest("The request body must be a JSON object.")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            .trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }
}
