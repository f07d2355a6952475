import Hummingbird

/// A CampaignLark error answer: `{"error": {"message": "..."}}`, with `Retry-After` on 429.
struct CampaignLarkError: HTTPResponseError, Equatable {
    let status: HTTPResponse.Status
    let message: String
    var retryAfterSeconds: Int?

    private struct Body: Encodable {
        struct Detail: Encodable {
            let message: String
        }

        let error: Detail
    }

    /// The vendor's error body for a status and message, without headers.
    static func response(status: HTTPResponse.Status, message: String) throws -> Response {
        try JSONAnswer.response(Body(error: Body.Detail(message: message)), status: status)
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try Self.response(status: status, message: message)
        if let retryAfterSeconds { response.headers[.retryAfter] = String(retryAfterSeconds) }
        return response
    }

    static func badRequest(_ message: String) -> CampaignLarkError {
        CampaignLarkError(status: .badRequest, message: message)
    }

    // The four errors of the upsert document, word for word.
    static let missingEmail = badRequest("Email address is required for upsert operation.")
    static func unknownMergeTag(_ tag: String) -> CampaignLarkError {
        badRequest("We were unable to find a field with the merge_tag \(tag)")
    }
    static let invalidStatus = badRequest("The status you provided is not valid.")
    static func requiredField(_ label: String) -> CampaignLarkError {
        badRequest("Field '\(label)' is required.")
    }

    static let missingKey = CampaignLarkError(
        status: .unauthorized, message: "Missing API key. Send it as 'Authorization: Bearer <key>'.")
    static let invalidKey = CampaignLarkError(status: .unauthorized, message: "The API key provided is not valid.")
    static let contactNotFound = CampaignLarkError(status: .notFound, message: "Contact not found.")

    static func tooManyRequests(retryAfterSeconds: Int) -> CampaignLarkError {
        CampaignLarkError(
            status: .tooManyRequests,
            message:
                "Too many requests: the limit is \(CampaignLarkRateLimit.requestsPerSecond) per second per workspace.",
            retryAfterSeconds: retryAfterSeconds)
    }
}
