import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

@testable import VendorSandbox

/// Seeded CampaignLark keys, short names for the tests.
enum LarkKeys {
    static let main = SandboxCredentials.CampaignLark.apiKey
    static let secondary = SandboxCredentials.CampaignLark.secondaryKey
    static let other = SandboxCredentials.CampaignLark.otherWorkspaceKey
}

/// Runs `body` against CampaignLark alone, mounted as the sandbox mounts it, with the rate
/// limit on simulated time: it only moves when the test calls `advance(by:)`.
func withSimulatedCampaignLark(
    _ body: @Sendable (CampaignLarkVendor, any TestClientProtocol) async throws -> Void
) async throws {
    let vendor = CampaignLarkVendor(seed: 7, clock: .simulated)
    let router = Router(context: SandboxRequestContext.self)
    vendor.addRoutes(to: router.group(RouterPath(vendor.name)))
    try await Application(router: router, logger: quietLogger).test(.router) { client in
        try await body(vendor, client)
    }
}

extension TestClientProtocol {
    /// Calls a CampaignLark route (`path` after `/campaignlark`) with a bearer key and JSON body.
    func campaignLark(
        _ method: HTTPRequest.Method, _ path: String, key: String? = LarkKeys.main, json: String? = nil
    ) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let key { headers[.authorization] = "Bearer \(key)" }
        if json != nil { headers[.contentType] = "application/json" }
        return try await execute(
            uri: "/campaignlark" + path, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    /// Upserts through the API and answers the response.
    func larkUpsert(_ json: String, key: String = LarkKeys.main) async throws -> TestResponse {
        try await campaignLark(.post, "/contacts/upsert", key: key, json: json)
    }

    /// The contact with this email, as `GET /contacts/by-email` answers it (`data` unwrapped).
    func larkContact(_ email: String, key: String = LarkKeys.main) async throws -> JSONValue? {
        let encoded = email.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? email
        return try await campaignLark(.get, "/contacts/by-email?email=\(encoded)", key: key).json["data"]
    }
}

extension TestResponse {
    /// The message of a CampaignLark error answer.
    var larkMessage: String? { json["error"]?["message"]?.string }
}

extension JSONValue {
    /// The ids of a contact's `tags`.
    var tagIDs: [Int] { self["tags"]?.array.compactMap { $0["id"]?.int } ?? [] }
}

/// The CampaignLark example bodies of the vendor documents.
enum CampaignLarkExample {
    static func text(_ name: String) throws -> String {
        let folder = DocumentedExample.folder.deletingLastPathComponent().appendingPathComponent("campaignlark")
        return try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }
}
