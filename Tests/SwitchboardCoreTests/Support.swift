import Foundation
import SwitchboardCore

/// The vendors' example bodies (`../shared/vendor-docs/examples`).
enum VendorExamples {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/vendor-docs/examples")

    static func bytes(_ vendor: String, _ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(vendor).appendingPathComponent(name)))
    }
}

/// A transport that answers from a closure and records what was sent.
final class RecordingTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [HTTPRequest] = []
    private let answer: @Sendable (HTTPRequest) throws -> HTTPResponse

    init(answer: @escaping @Sendable (HTTPRequest) throws -> HTTPResponse) {
        self.answer = answer
    }

    var requests: [HTTPRequest] { lock.withLock { recorded } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        lock.withLock { recorded.append(request) }
        return try answer(request)
    }
}

extension HTTPResponse {
    static func json(_ status: Int, _ text: String, headers: [(String, String)] = []) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "application/json")] + headers, body: Array(text.utf8))
    }
}

func anyreachAccount(token: String = "ak_test.secret", org: String? = nil, baseURL: String = "http://127.0.0.1:1/anyreach")
    -> Account
{
    Account(name: "test", vendor: .anyreach, baseURL: baseURL, credential: Secret(token), organization: org)
}
