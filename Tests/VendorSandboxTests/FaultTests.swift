import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import VendorSandbox

@Suite struct FaultSpecTests {
    @Test func parsesTheCommandLineForm() throws {
        let spec = try FaultSpec(parsing: "500:0.2, 429:0.1,reset:0.05,latency:20ms,503:0.1")
        #expect(
            spec.statuses == [
                .init(code: 500, probability: 0.2), .init(code: 429, probability: 0.1),
                .init(code: 503, probability: 0.1),
            ])
        #expect(spec.resetProbability == 0.05)
        #expect(spec.latency == .milliseconds(20))
        #expect(try FaultSpec(parsing: "latency:1.5s").latency == .milliseconds(1500))
        #expect(try FaultSpec(parsing: "") == .none)
        #expect(FaultSpec.none.isNone)
    }

    @Test(arguments: [
        ("500:0.2,700:0.1", "700:0.1"), ("500:2", "500:2"), ("latency:fast", "latency:fast"), ("boom", "boom"),
        ("reset:x", "reset:x"), ("200:0.1", "200:0.1"),
    ])
    func namesTheBadItem(text: String, item: String) {
        let error = #expect(throws: FaultSpecError.self) { try FaultSpec(parsing: text) }
        #expect(error?.item == item)
        #expect(error?.description.contains(item) == true)
    }

    @Test func probabilitiesMayNotExceedOne() {
        #expect(throws: FaultSpecError.self) { try FaultSpec(parsing: "500:0.7,429:0.7") }
    }

    @Test func rollsAreSharedOutInOrder() throws {
        let spec = try FaultSpec(parsing: "500:0.2,429:0.1,reset:0.05")
        #expect(spec.fault(forRoll: 0.01) == .reset)
        #expect(spec.fault(forRoll: 0.1) == .status(500))
        #expect(spec.fault(forRoll: 0.3) == .status(429))
        #expect(spec.fault(forRoll: 0.36) == nil)
    }
}

@Suite struct FaultInjectionTests {
    @Test func injectedServerErrorHasTheVendorsBody() async throws {
        try await withSandbox(.testing(faults: try FaultSpec(parsing: "500:1"))) { _, client in
            let response = try await client.anyreach(.get, "/campaign/campaigns")
            #expect(response.status == .internalServerError)
            #expect(String(buffer: response.body) == #"{"detail":"Internal Server Error (injected)"}"#)
            let inspection = try await client.execute(uri: "/_sandbox/state", method: .get)
            #expect(inspection.status == .ok, "inspection routes are never faulted")
        }
    }

    @Test func tooManyRequestsCarriesRetryAfter() async throws {
        try await withSandbox(.testing(faults: try FaultSpec(parsing: "429:1.0"))) { _, client in
            let response = try await client.anyreach(.get, "/campaign/timezones", token: nil)
            #expect(response.status == .tooManyRequests)
            #expect(response.headers[.retryAfter] == "1")
            #expect(response.detail == "Too Many Requests (injected)")
        }
    }

    @Test func anyStatusCanBeInjected() async throws {
        try await withSandbox(.testing(faults: try FaultSpec(parsing: "502:1"))) { _, client in
            let response = try await client.anyreach(.post, "/campaign/campaigns", json: #"{"name": "Never stored"}"#)
            #expect(response.status == .badGateway)
        }
    }

    @Test func latencyDelaysEveryRequest() async throws {
        try await withSandbox(.testing(faults: try FaultSpec(parsing: "latency:60ms"))) { _, client in
            let clock = ContinuousClock()
            let start = clock.now
            let response = try await client.anyreach(.get, "/campaign/concurrency-settings")
            #expect(response.status == .ok)
            #expect(clock.now - start >= .milliseconds(60))
        }
    }

    @Test func faultsChangeWhileTheSandboxRuns() async throws {
        try await withSandbox(.testing()) { _, client in
            #expect(try await client.anyreach(.get, "/campaign/timezones", token: nil).status == .ok)
            let set = try await client.execute(uri: "/_sandbox/faults?spec=503:1", method: .post)
            #expect(set.status == .ok)
            #expect(String(buffer: set.body).contains(#""faults":"503:1.0""#))
            #expect(try await client.anyreach(.get, "/campaign/timezones", token: nil).status == .serviceUnavailable)
            let shown = try await client.execute(uri: "/_sandbox/faults", method: .get)
            #expect(String(buffer: shown.body).contains(#""faults":"503:1.0""#))
            let bad = try await client.execute(uri: "/_sandbox/faults?spec=700:0.1", method: .post)
            #expect(bad.status == .badRequest)
            #expect(String(buffer: bad.body).contains("700:0.1"))
            #expect(try await client.anyreach(.get, "/campaign/timezones", token: nil).status == .serviceUnavailable, "a bad spec changes nothing")
            let cleared = try await client.execute(uri: "/_sandbox/faults?spec=", method: .post)
            #expect(String(buffer: cleared.body).contains(#""faults":"none""#))
            #expect(try await client.anyreach(.get, "/campaign/timezones", token: nil).status == .ok)
        }
    }

    @Test func decisionsRepeatUnderTheSameSeed() async throws {
        func statuses(seed: UInt64) async throws -> [UInt16] {
            try await withSandbox(.testing(seed: seed, faults: try FaultSpec(parsing: "500:0.5"))) { _, client in
                var codes: [UInt16] = []
                for _ in 0..<24 {
                    codes.append(UInt16(try await client.anyreach(.get, "/campaign/timezones", token: nil).status.code))
                }
                return codes
            }
        }
        let first = try await statuses(seed: 3)
        #expect(try await statuses(seed: 3) == first)
        #expect(Set(first) == [200, 500])
        #expect(try await statuses(seed: 4) != first)
    }
}
