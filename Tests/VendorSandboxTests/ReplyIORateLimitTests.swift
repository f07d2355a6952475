import HummingbirdTesting
import Testing

@testable import VendorSandbox

@Suite struct ReplyIORateLimitTests {
    @Test func hundredPerMinuteThenRetryAfterTheOldestLeavesTheWindow() {
        var limit = ReplyIORateLimit()
        for request in 0..<100 {
            #expect(limit.admit(key: "a", at: Double(request) * 0.5) == nil)
        }
        let refused = limit.admit(key: "a", at: 50)
        #expect(refused == ReplyIORateLimitRefusal(limit: 100, window: "minute", retryAfter: 10))
        #expect(limit.admit(key: "b", at: 50) == nil, "each key has its own count")
        #expect(limit.admit(key: "a", at: 59.9) != nil)
        #expect(limit.admit(key: "a", at: 60.1) == nil, "the first request left the window")
        #expect(limit.admit(key: "a", at: 60.2) != nil, "and only one slot opened")
    }

    @Test func threeThousandPerHour() {
        var limit = ReplyIORateLimit()
        // 100 a minute for 30 minutes stays within the minute limit.
        for minute in 0..<30 {
            for request in 0..<100 {
                #expect(limit.admit(key: "a", at: Double(minute * 60) + Double(request) * 0.5) == nil)
            }
        }
        let refused = limit.admit(key: "a", at: 30 * 60 + 1)
        #expect(refused?.window == "hour")
        #expect(refused?.limit == 3000)
        #expect(refused?.retryAfter == 3600 - 1801)
        #expect(limit.admit(key: "a", at: 3600.05) == nil)
    }

    @Test func overTheLimitAnswers429WithRetryAfterUntilTimeMoves() async throws {
        try await withSandbox { sandbox, client in
            for _ in 0..<100 {
                let response = try await client.replyIO(.get, "/sequences?top=1")
                #expect(response.status == .ok)
            }
            let refused = try await client.replyIO(.get, "/sequences?top=1", version: .v3)
            #expect(refused.status == .tooManyRequests, "v3 and v4 count against the same key")
            #expect(refused.isProblem)
            #expect(refused.json["code"]?.string == "rateLimit.exceeded")
            let retryAfter = try #require(refused.headers[.retryAfter].flatMap { Int($0) })
            #expect((1...60).contains(retryAfter))

            let teammate = try await client.replyIO(.get, "/sequences?top=1", key: .teammate)
            #expect(teammate.status == .ok, "the limit is per key")
            let unknown = try await client.replyIO(.get, "/sequences", key: .own("rio_nope"))
            #expect(unknown.status == .unauthorized, "an unknown key is refused before counting")

            await sandbox.advance(by: Double(retryAfter))
            #expect(try await client.replyIO(.get, "/sequences?top=1").status == .ok)
        }
    }

    @Test func resetForgetsTheCount() async throws {
        try await withSandbox { _, client in
            for _ in 0..<100 { _ = try await client.replyIO(.post, "/contacts/filter?top=1", json: "{}") }
            #expect(try await client.replyIO(.get, "/sequences").status == .tooManyRequests)
            _ = try await client.execute(uri: "/_sandbox/reset", method: .post)
            #expect(try await client.replyIO(.get, "/sequences").status == .ok)
        }
    }
}
