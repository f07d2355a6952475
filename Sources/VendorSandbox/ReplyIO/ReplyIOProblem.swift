import Hummingbird

/// A Reply.io error answer: `application/problem+json` with the vendor's `code`
/// (`sequence.notFound`, ...) and, for invalid fields, `errors[]` naming each field.
struct ReplyIOProblem: HTTPResponseError, Equatable {
    /// One invalid field of a request: `{"field": "email", "message": "..."}`.
    struct FieldError: Encodable, Equatable, Sendable {
        let field: String
        let message: String
    }

    let status: HTTPResponse.Status
    let title: String
    let detail: String
    let code: String
    var errors: [FieldError]? = nil
    /// Seconds to wait, sent as `Retry-After` on a 429.
    var retryAfter: Int? = nil

    private struct Body: Encodable {
        let title: String
        let status: Int
        let detail: String
        let code: String
        let errors: [FieldError]?
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        try response()
    }

    /// The problem as an HTTP answer.
    func response() throws -> Response {
        var headers: HTTPFields = [:]
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        var response = try JSONAnswer.response(
            Body(title: title, status: Int(status.code), detail: detail, code: code, errors: errors),
            status: status, headers: headers)
        response.headers[.contentType] = "application/problem+json"
        return response
    }

    static let missingKey = ReplyIOProblem(
        status: .unauthorized, title: "Unauthorized", detail: "API key is missing", code: "auth.missingApiKey")
    static let invalidKey = ReplyIOProblem(
        status: .unauthorized, title: "Unauthorized", detail: "API key is not valid", code: "auth.invalidApiKey")

    static func wrongScheme(_ version: ReplyIOVersion) -> ReplyIOProblem {
        let expected = version == .v4 ? "the X-API-Key header" : "Authorization: Bearer <key>"
        return ReplyIOProblem(
            status: .unauthorized, title: "Unauthorized",
            detail: "API key is missing: /\(version.rawValue) routes take \(expected)", code: "auth.missingApiKey")
    }

    static func validation(_ errors: [FieldError]) -> ReplyIOProblem {
        ReplyIOProblem(
            status: .badRequest, title: "Validation failed", detail: "Validation failed", code: "validation.failed",
            errors: errors)
    }

    static func validation(field: String, _ message: String) -> ReplyIOProblem {
        validation([FieldError(field: field, message: message)])
    }

    static func invalidBody(_ detail: String) -> ReplyIOProblem {
        ReplyIOProblem(status: .badRequest, title: "Invalid request body", detail: detail, code: "request.invalidBody")
    }

    static func contactExists(email: String) -> ReplyIOProblem {
        ReplyIOProblem(
            status: .conflict, title: "Contact already exists",
            detail: "A contact with email \(email) already exists", code: "contact.alreadyExists")
    }

    static func sequenceNotFound(_ id: Int) -> ReplyIOProblem {
        ReplyIOProblem(
            status: .notFound, title: "Sequence not found", detail: "Sequence \(id) was not found",
            code: "sequence.notFound")
    }

    static func listNotFound(_ id: Int) -> ReplyIOProblem {
        ReplyIOProblem(
            status: .notFound, title: "List not found", detail: "List \(id) was not found", code: "list.notFound")
    }

    static func rateLimited(_ refusal: ReplyIORateLimitRefusal) -> ReplyIOProblem {
        ReplyIOProblem(
            status: .tooManyRequests, title: "Too many requests",
            detail: "Rate limit of \(refusal.limit) requests per \(refusal.window) exceeded; retry after "
                + "\(refusal.retryAfter) seconds",
            code: "rateLimit.exceeded", retryAfter: refusal.retryAfter)
    }
}
