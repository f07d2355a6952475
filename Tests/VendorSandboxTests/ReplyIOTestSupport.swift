import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

@testable import VendorSandbox

/// How a test presents its Reply.io key.
enum ReplyIOKey {
    /// The key in the route version's own form (`X-API-Key` on v4, bearer on v3).
    case own(String)
    /// The key as `X-API-Key`, whatever the version.
    case header(String)
    /// The key as `Authorization: Bearer`, whatever the version.
    case bearer(String)
    case none

    static let owner = ReplyIOKey.own(SandboxCredentials.ReplyIO.apiKey)
    static let teammate = ReplyIOKey.own(SandboxCredentials.ReplyIO.teammateKey)
}

extension TestClientProtocol {
    /// Calls a Reply.io route: `path` after `/replyio/{version}`.
    func replyIO(
        _ method: HTTPRequest.Method, _ path: String, version: ReplyIOVersion = .v4, key: ReplyIOKey = .owner,
        json: String? = nil
    ) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        switch key {
        case .own(let value):
            if version == .v4 { headers[.replyIOAPIKey] = value } else { headers[.authorization] = "Bearer \(value)" }
        case .header(let value): headers[.replyIOAPIKey] = value
        case .bearer(let value): headers[.authorization] = "Bearer \(value)"
        case .none: break
        }
        if json != nil { headers[.contentType] = "application/json" }
        return try await execute(
            uri: "/replyio/\(version.rawValue)" + path, method: method, headers: headers,
            body: json.map { ByteBuffer(string: $0) })
    }

    /// Creates a contact from a JSON body and answers the response.
    func createReplyIOContact(_ json: String, version: ReplyIOVersion = .v4) async throws -> TestResponse {
        try await replyIO(.post, "/contacts", version: version, json: json)
    }
}

extension TestResponse {
    /// True when the answer is `application/problem+json`.
    var isProblem: Bool { headers[.contentType] == "application/problem+json" }

    /// The `field` of every entry of a problem's `errors[]`.
    var problemFields: [String] { json["errors"]?.array.compactMap { $0["field"]?.string } ?? [] }
}

/// The Reply.io example bodies of the vendor documents.
enum ReplyIOExample {
    static func text(_ name: String) throws -> String {
        let folder = DocumentedExample.folder.deletingLastPathComponent().appendingPathComponent("replyio")
        return try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    static func json(_ name: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(try text(name).utf8))
    }
}
