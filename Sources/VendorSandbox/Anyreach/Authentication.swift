import Foundation
import HTTPTypes
import Hummingbird

extension HTTPField.Name {
    /// The header a personal token names its organization in.
    static let anyreachOrg = HTTPField.Name("X-Anyreach-Org")!
}

/// Checks the bearer token, organization and scope of a request, in the order the vendor does.
struct Authentication: Sendable {
    let tokens: [AccessToken]

    /// Passes a request whose credential may act for its organization with the needed scope;
    /// otherwise throws the 401 or 403 the vendor would answer.
    func authorize(_ request: Request, needs requirement: ScopeRequirement) throws {
        guard let header = request.headers[.authorization] else { throw AnyreachError.notAuthenticated }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw AnyreachError.notAuthenticated }
        let presented = parts[1].trimmingCharacters(in: .whitespaces)
        guard let token = tokens.first(where: { $0.token == presented }) else { throw AnyreachError.invalidToken }
        if token.isPersonal {
            guard let named = request.headers[.anyreachOrg], !named.isEmpty else {
                throw AnyreachError.missingOrganization
            }
            guard token.organizations.contains(named) else {
                throw AnyreachError(status: .forbidden, detail: "Token has no access to organization \(named)")
            }
        }
        guard !token.scopes.isDisjoint(with: requirement.accepted) else {
            throw AnyreachError(
                status: .forbidden, detail: "Missing required scope: \(requirement.required.rawValue)")
        }
    }
}
