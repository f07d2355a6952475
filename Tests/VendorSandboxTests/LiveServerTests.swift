import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import VendorSandbox

@Suite struct LiveServerTests {
    @Test func servesOverLoopback() async throws {
        try await withSandbox(setup: .live) { _, client in
            let response = try await client.anyreach(.get, "/campaign/campaigns?limit=2")
            #expect(response.status == .ok)
            #expect(response.json["campaigns"]?.array.count == 2)
        }
    }

    @Test func withRunningGivesABaseURLAndShutsDown() async throws {
        var options = SandboxOptions.testing(contacts: 20)
        options.dialerEnabled = true
        options.timeScale = 600
        let port = try await Sandbox.withRunning(options) { baseURL in
            #expect(baseURL.hasPrefix("http://127.0.0.1:"))
            let port = try #require(Int(baseURL.split(separator: ":").last ?? ""))
            try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
                var headers: HTTPFields = [:]
                headers[.authorization] = "Bearer \(Tokens.org)"
                let response = try await client.get("/anyreach/campaign/concurrency-settings", headers: headers)
                #expect(response.status == .ok)
                try await Task.sleep(for: .milliseconds(450))
                let state = try await client.get("/_sandbox/state")
                let time = String(buffer: state.body ?? ByteBuffer())
                #expect(!time.contains(#""simulated_time":"2026-06-01T12:00:00Z""#), "the live dialer moves time")
            }
            return port
        }
        await #expect(throws: (any Error).self) {
            try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
                _ = try await client.get("/_sandbox/state")
            }
        }
    }

    @Test func resetFaultDropsTheConnection() async throws {
        try await withSandbox(.testing(faults: try FaultSpec(parsing: "reset:1")), setup: .live) { _, client in
            await #expect(throws: (any Error).self) {
                _ = try await client.anyreach(.get, "/campaign/campaigns")
            }
        }
    }

    /// The Anyreach accounts come first; each other vendor's tests check its own account.
    @Test func accountsFileNamesTheSeededAccounts() {
        let sandbox = Sandbox(options: .testing(), logger: quietLogger)
        let expected = """
            # Switchboard accounts for the vendor sandbox at http://127.0.0.1:8089
            [accounts.sandbox-anyreach]
            vendor = "anyreach"
            base_url = "http://127.0.0.1:8089/anyreach"
            token = "ak_sbx1.orgsecret"
            default_country_code = "+1"

            [accounts.sandbox-anyreach-personal]
            vendor = "anyreach"
            base_url = "http://127.0.0.1:8089/anyreach"
            token = "pat_sbx_personal"
            org = "org_sandbox"
            default_country_code = "+1"

            [accounts.sandbox-anyreach-readonly]
            vendor = "anyreach"
            base_url = "http://127.0.0.1:8089/anyreach"
            token = "ak_sbx2.readonly"
            default_country_code = "+1"

            """
        #expect(sandbox.accountsFile(host: "127.0.0.1", port: 8089).hasPrefix(expected))
        #expect(sandbox.accountsFile(host: "0.0.0.0", port: 8089).hasPrefix(expected))
        #expect(
            sandbox.accountsFile(host: "10.0.0.5", port: 9000).contains(#"base_url = "http://10.0.0.5:9000/anyreach""#))
    }
}
