import Foundation
import Logging
import SwitchboardCore
import VendorSandbox

/// Runs `body` against a freshly started sandbox on a free loopback port, with a real
/// HTTP transport; the dialer is off so the data holds still.
func withLiveSandbox<T: Sendable>(
    contacts: Int = 120, seed: UInt64 = 42, _ body: @Sendable (_ base: String, _ transport: CountingTransport) async throws -> T
) async throws -> T {
    var options = SandboxOptions()
    options.port = 0
    options.seed = seed
    options.dialerEnabled = false
    options.demoContactCount = contacts
    // Quiet: the server's start and shutdown lines would drown the test report.
    var logger = Logger(label: "switchboard.sandbox.test")
    logger.logLevel = .critical
    return try await Sandbox.withRunning(options, logger: logger) { base in
        let transport = CountingTransport(AsyncHTTPTransport())
        do {
            let result = try await body(base, transport)
            try await transport.inner.shutdown()
            return result
        } catch {
            try? await transport.inner.shutdown()
            throw error
        }
    }
}

/// The real transport, counting requests per path so tests can see how a job was split.
final class CountingTransport: HTTPTransport, @unchecked Sendable {
    let inner: AsyncHTTPTransport
    private let lock = NSLock()
    private var sent: [HTTPRequest] = []

    init(_ inner: AsyncHTTPTransport) { self.inner = inner }

    var requests: [HTTPRequest] { lock.withLock { sent } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        lock.withLock { sent.append(request) }
        return try await inner.send(request)
    }
}

extension SandboxCredentials.Anyreach {
    static func account(_ base: String, token: String = orgKey, org: String? = nil) -> Account {
        Account(name: "sandbox", vendor: .anyreach, baseURL: base + "/anyreach", credential: Secret(token), organization: org)
    }
}
