import Hummingbird

/// A Replify error answer: `{"code": "...", "message": "...", "details": "..."}`, `details`
/// only where the vendor sends one.
struct ReplifyError: HTTPResponseError, Equatable {
    let status: HTTPResponse.Status
    let code: String
    let message: String
    var details: String?

    private struct Body: Encodable {
        let code: String
        let message: String
        let details: String?
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        try answer()
    }

    /// The error as a response, also for injected faults.
    func answer() throws -> Response {
        try JSONAnswer.response(Body(code: code, message: message, details: details), status: status)
    }

    /// The error for any status, its code the reason phrase in capitals (`TOO_MANY_REQUESTS`).
    init(status: HTTPResponse.Status, message: String, details: String? = nil) {
        self.status = status
        self.code = String(status.reasonPhrase.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
        self.message = message
        self.details = details
    }

    static let missingKey = ReplifyError(status: .forbidden, message: "API key is required")
    static let invalidKey = ReplifyError(status: .forbidden, message: "Invalid API key provided")
    static let unauthorizedCampaign = ReplifyError(
        status: .forbidden, message: "You are not authorized to access this campaign")
    static let campaignNotFound = ReplifyError(status: .notFound, message: "Campaign not found")
    static let missingContacts = ReplifyError(
        status: .badRequest, message: "Missing required field: contacts",
        details: "The request body must contain a 'contacts' array")

    /// 400 for a body `JSON.parse` would refuse; `details` words it as Node does.
    static func invalidJSON(_ syntaxError: String) -> ReplifyError {
        ReplifyError(
            status: .badRequest, message: "Invalid JSON in request body", details: "SyntaxError: " + syntaxError)
    }

    static func badRequest(_ message: String, details: String) -> ReplifyError {
        ReplifyError(status: .badRequest, message: message, details: details)
    }
}
