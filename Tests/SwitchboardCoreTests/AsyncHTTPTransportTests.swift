import Foundation
import Testing

@testable import SwitchboardCore

/// The production transport against a server that takes the connection and never answers:
/// the request's own deadline ends it as a timeout (the transport keeps no read timeout).
@Suite struct AsyncHTTPTransportTests {
    @Test func anAnswerThatNeverComesEndsAtTheRequestDeadline() async throws {
        // A listening socket nobody accepts from: the kernel completes the connection and
        // takes the request, and no answer ever comes.
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(listener >= 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        #expect(bound == 0)
        #expect(listen(listener, 8) == 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        let port = Int(UInt16(bigEndian: address.sin_port))

        let transport = AsyncHTTPTransport()
        let started = ContinuousClock.now
        do {
            _ = try await transport.send(
                HTTPRequest(
                    method: .POST, url: "http://127.0.0.1:\(port)/campaign/campaigns/c/contacts",
                    body: Array(#"{"contacts":[]}"#.utf8), timeout: .milliseconds(500)))
            Issue.record("an answer came from a server that never answers")
        } catch let error as VendorError {
            #expect(error == .timeout)
        }
        let waited = ContinuousClock.now - started
        #expect(waited >= .milliseconds(400) && waited < .seconds(20), "\(waited)")
        try await transport.shutdown()
    }
}
