import Hummingbird

/// An Anyreach error answer: `{"detail": "..."}`, plus `invalid_numbers` for bad phones.
struct AnyreachError: HTTPResponseError, Equatable {
    let status: HTTPResponse.Status
    let detail: String
    var invalidNumbers: [String]?

    private struct Body: Encodable {
        let detail: String
        let invalidNumbers: [String]?

        enum CodingKeys: String, CodingKey {
            case detail
            case invalidNumbers = "invalid_numbers"
        }
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        try JSONAnswer.response(Body(detail: detail, invalidNumbers: invalidNumbers), status: status)
    }

    static let notAuthenticated = AnyreachError(status: .unauthorized, detail: "Not authenticated")
    static let invalidToken = AnyreachError(status: .unauthorized, detail: "Invalid token")
    static let missingOrganization = AnyreachError(
        status: .unauthorized, detail: "Token is missing organization claim")
    static let campaignNotFound = AnyreachError(status: .notFound, detail: "Campaign not found")
    static let contactNotFound = AnyreachError(status: .notFound, detail: "Contact not found")
    static let configurationNotFound = AnyreachError(status: .notFound, detail: "Configuration not found")

    static func badRequest(_ detail: String) -> AnyreachError {
        AnyreachError(status: .badRequest, detail: detail)
    }

    static func unprocessable(_ detail: String) -> AnyreachError {
        AnyreachError(status: .unprocessableContent, detail: detail)
    }

    static func conflict(_ detail: String) -> AnyreachError {
        AnyreachError(status: .conflict, detail: detail)
    }

    static func invalidPhoneNumbers(_ numbers: [String]) -> AnyreachError {
        let shown = Array(numbers.prefix(10))
        return AnyreachError(
            status: .unprocessableContent,
            detail: "Invalid phone numbers: " + shown.joined(separator: ", "),
            invalidNumbers: shown)
    }
}
