import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore

@testable import VendorSandbox

/// Seeded Replify credentials and campaigns, short names for the tests.
enum Replify {
    static let key = SandboxCredentials.Replify.apiKey
    static let limitedKey = SandboxCredentials.Replify.limitedKey
    static let campaign = SandboxCredentials.Replify.campaigns[0]
    static let otherCampaign = SandboxCredentials.Replify.campaigns[1]
    static let foreignCampaign = SandboxCredentials.Replify.foreignCampaign

    /// `/campaigns/{campaign}/contacts`.
    static func contacts(_ campaign: String = campaign) -> String {
        "/campaigns/\(campaign)/contacts"
    }
}

extension TestClientProtocol {
    /// Calls a Replify route (`path` after `/replify`) with `x-api-key` and a body sent as is.
    func replify(_ path: String, key: String? = Replify.key, body: String?) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let key { headers[HTTPField.Name("x-api-key")!] = key }
        headers[.contentType] = "application/json"
        return try await execute(
            uri: "/replify" + path, method: .post, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    /// Sends `contacts` (JSON objects) with an optional action to a campaign.
    func replifyContacts(
        _ contacts: [String], action: String? = nil, campaign: String = Replify.campaign, key: String? = Replify.key
    ) async throws -> TestResponse {
        let actionField = action.map { #", "action": "\#($0)""# } ?? ""
        return try await replify(
            Replify.contacts(campaign), key: key,
            body: #"{"contacts": [\#(contacts.joined(separator: ","))]\#(actionField)}"#)
    }

    /// The contacts `GET /_sandbox/state` shows in a Replify campaign.
    func replifyStoredContacts(_ campaign: String = Replify.campaign) async throws -> [JSONValue] {
        let state = try await execute(uri: "/_sandbox/state", method: .get).json
        return state["replify"]?["campaigns"]?.array.first { $0["id"]?.string == campaign }?["contacts"]?.array ?? []
    }
}

/// Replify's example bodies from its OpenAPI document, shared with the client's tests.
enum ReplifyExample {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/vendor-docs/examples/replify")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    static func json(_ name: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(try text(name).utf8))
    }
}
