import Testing

@testable import SwitchboardCore

@Suite struct RedactionTests {
    @Test func secretNeverPrints() {
        let secret = Secret("ak_live.topsecret")
        let account = anyreachAccount(token: "ak_live.topsecret")
        for text in [
            "\(secret)", String(describing: secret), String(reflecting: secret), "\(account)",
            String(reflecting: account),
        ] {
            #expect(!text.contains("topsecret"), "leaked in: \(text)")
        }
        var dumped = ""
        dump(account, to: &dumped)
        #expect(!dumped.contains("topsecret"))
    }

    @Test func requestDescriptionMasksCredentialHeaders() {
        let request = HTTPRequest(
            method: .GET, url: "https://x/y",
            headers: [("Authorization", "Bearer ak_live.topsecret"), ("x-api-key", "k1"), ("Accept", "application/json")])
        #expect(!request.redactedDescription.contains("topsecret"))
        #expect(!request.redactedDescription.contains("k1"))
        #expect(request.redactedDescription.contains("Accept: application/json"))
    }

    @Test func vendorErrorsCarryNoCredential() async throws {
        let transport = RecordingTransport { _ in .json(401, #"{"detail":"Invalid token"}"#) }
        let client = try AnyreachClient(account: anyreachAccount(token: "ak_live.topsecret"), transport: transport)
        let error = await #expect(throws: VendorError.self) { try await client.campaign("c1") }
        #expect(error == .http(status: 401, message: "Invalid token", retryAfter: nil))
        #expect(!"\(String(describing: error))".contains("topsecret"))
    }
}
