import HTTPTypes
import Hummingbird

extension HTTPField.Name {
    /// The header v4 routes take the API key in.
    static let replyIOAPIKey = HTTPField.Name("X-API-Key")!
}

/// Reads the API key in the form of the route's version: `X-API-Key` on `/v4`,
/// `Authorization: Bearer` on `/v3`.
enum ReplyIOAuthentication {
    /// The presented key; throws the 401 problem when it is absent or sent in the other
    /// version's form.
    static func presentedKey(_ request: Request, version: ReplyIOVersion) throws -> String {
        let bearer = request.headers[.authorization].flatMap(bearerToken)
        let header = request.headers[.replyIOAPIKey]?.trimmingCharacters(in: .whitespaces)
        let presented = version == .v4 ? header : bearer
        let otherForm = version == .v4 ? bearer : header
        guard let presented, !presented.isEmpty else {
            if let otherForm, !otherForm.isEmpty { throw ReplyIOProblem.wrongScheme(version) }
            throw ReplyIOProblem.missingKey
        }
        return presented
    }

    private static func bearerToken(_ header: String) -> String? {
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }
}
