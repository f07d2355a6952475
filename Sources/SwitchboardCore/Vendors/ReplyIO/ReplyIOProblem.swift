import Foundation

/// Reads Reply.io's `application/problem+json` error body into one operator message:
/// `detail` (else `title`, else `message`), then the field errors as `field: message; ...`,
/// then the machine `code` in parentheses, e.g.
/// `Validation failed: email: The email is not valid (validation.failed)`.
/// Field errors may come as a list (`[{"field", "message"}]`, or bare strings) or as
/// ASP.NET's map (`{"email": ["..."]}`). A body that is not JSON gives the status phrase.
enum ReplyIOProblem {
    private struct Body: Decodable {
        var title: String?
        var detail: String?
        var message: String?
        var code: String?
        var errors: JSONValue?
    }

    static func message(status: Int, body: [UInt8]) -> String {
        guard let parsed = try? JSONDecoder().decode(Body.self, from: Data(body)) else {
            return HTTPStatusText.phrase(status)
        }
        let fields = fieldErrors(parsed.errors)
        var text = parsed.detail ?? parsed.title ?? parsed.message ?? (fields.isEmpty ? nil : "Invalid request")
        if !fields.isEmpty { text = (text.map { $0 + ": " } ?? "") + fields.joined(separator: "; ") }
        switch (text, parsed.code) {
        case (let text?, let code?): return "\(text) (\(code))"
        case (let text?, nil): return text
        case (nil, let code?): return code
        case (nil, nil): return HTTPStatusText.phrase(status)
        }
    }

    private static func fieldErrors(_ errors: JSONValue?) -> [String] {
        switch errors {
        case .array(let items)?:
            return items.map { item in
                guard case .object(let members) = item else { return item.description }
                let field = ["field", "property", "propertyName", "name", "pointer"].lazy.compactMap { members[$0]?.stringValue }
                    .first
                let message = ["message", "detail", "error", "errorMessage", "code"].lazy.compactMap { members[$0]?.stringValue }
                    .first ?? item.jsonText
                return field.map { "\($0): \(message)" } ?? message
            }
        case .object(let members)?:
            return members.keys.sorted().map { field in
                let messages: String =
                    if case .array(let list)? = members[field] { list.map(\.description).joined(separator: ", ") } else {
                        members[field]!.description
                    }
                return "\(field): \(messages)"
            }
        default:
            return []
        }
    }

    /// True when the error is Reply.io refusing a create because the contact exists:
    /// a 409, or a problem `code` or message saying "already exists" / "duplicate".
    static func isConflict(_ error: VendorError) -> Bool {
        guard case .http(let status, let message, _) = error else { return false }
        if status == 409 { return true }
        guard status == 400 || status == 422 else { return false }
        let words = message.lowercased()
        return words.contains("alreadyexists") || words.contains("already exists") || words.contains("duplicate")
    }
}
