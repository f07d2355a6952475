import HummingbirdTesting
import Testing

@testable import VendorSandbox

@Suite struct ReplyIOAuthenticationTests {
    @Test(arguments: ReplyIOVersion.allCases)
    func missingKeyIsAProblem(version: ReplyIOVersion) async throws {
        try await withSandbox { _, client in
            let response = try await client.replyIO(.get, "/sequences", version: version, key: .none)
            #expect(response.status == .unauthorized)
            #expect(response.isProblem)
            #expect(response.json["code"]?.string == "auth.missingApiKey")
            #expect(response.json["status"]?.int == 401)
            #expect(response.json["title"]?.string == "Unauthorized")
        }
    }

    @Test(arguments: ReplyIOVersion.allCases)
    func unknownKeyIsInvalid(version: ReplyIOVersion) async throws {
        try await withSandbox { _, client in
            let response = try await client.replyIO(.get, "/sequences", version: version, key: .own("rio_nope"))
            #expect(response.status == .unauthorized)
            #expect(response.isProblem)
            #expect(response.json["code"]?.string == "auth.invalidApiKey")
        }
    }

    @Test func eachVersionTakesItsOwnForm() async throws {
        try await withSandbox { _, client in
            let key = SandboxCredentials.ReplyIO.apiKey
            #expect(try await client.replyIO(.get, "/sequences", version: .v4, key: .header(key)).status == .ok)
            #expect(try await client.replyIO(.get, "/sequences", version: .v3, key: .bearer(key)).status == .ok)

            let bearerOnV4 = try await client.replyIO(.get, "/sequences", version: .v4, key: .bearer(key))
            #expect(bearerOnV4.status == .unauthorized)
            #expect(bearerOnV4.json["detail"]?.string?.contains("X-API-Key") == true)
            let headerOnV3 = try await client.replyIO(.get, "/sequences", version: .v3, key: .header(key))
            #expect(headerOnV3.status == .unauthorized)
            #expect(headerOnV3.json["detail"]?.string?.contains("Bearer") == true)
        }
    }

    @Test func authenticationComesBeforeValidationAndLookup() async throws {
        try await withSandbox { _, client in
            let create = try await client.replyIO(.post, "/contacts", key: .none, json: #"{"email": "nope"}"#)
            #expect(create.status == .unauthorized)
            let sequence = try await client.replyIO(.get, "/sequences/999999", key: .own("rio_nope"))
            #expect(sequence.status == .unauthorized)
        }
    }
}
