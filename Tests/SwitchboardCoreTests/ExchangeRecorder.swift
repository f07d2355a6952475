import Foundation
import SwitchboardCore

/// A transport that records every request with its answer, as JSON lines for
/// `scripts/validate_openapi.py`, which checks them against a vendor's OpenAPI document.
final class ExchangeRecorder: HTTPTransport, @unchecked Sendable {
    private let inner: any HTTPTransport
    private let base: String
    private let lock = NSLock()
    private var lines: [String] = []
    /// Whether requests sent from now on come from the client (and so must validate).
    private var checkingRequests = true

    init(_ inner: any HTTPTransport, base: String) {
        self.inner = inner
        self.base = base
    }

    /// Requests sent inside `body` are deliberately malformed (error-path tests):
    /// only their answers are validated.
    func uncheckedRequests<T>(_ body: () async throws -> T) async rethrows -> T {
        lock.withLock { checkingRequests = false }
        defer { lock.withLock { checkingRequests = true } }
        return try await body()
    }

    var count: Int { lock.withLock { lines.count } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let response = try await inner.send(request)
        let path = request.url.hasPrefix(base) ? String(request.url.dropFirst(base.count)) : request.url
        let record: [String: Any] = [
            "method": request.method.rawValue,
            "path": path,
            "headers": Dictionary(request.headers, uniquingKeysWith: { first, _ in first }),
            "request_body": request.body.map { String(decoding: $0, as: UTF8.self) } as Any,
            "check_request": lock.withLock { checkingRequests },
            "status": response.status,
            "response_headers": Dictionary(response.headers, uniquingKeysWith: { first, _ in first }),
            "response_body": String(decoding: response.body, as: UTF8.self),
        ]
        let line = String(decoding: try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]), as: UTF8.self)
        lock.withLock { lines.append(line) }
        return response
    }

    /// Runs the OpenAPI validator over what was recorded; returns its exit status and output.
    func validate(spec: URL, serverURL: String) throws -> (status: Int32, output: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("exchanges-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        try lock.withLock { lines.joined(separator: "\n") }.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: OpenAPIValidator.python!)
        process.arguments = [OpenAPIValidator.script.path, spec.path, serverURL, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}

/// Where the OpenAPI validator lives: `scripts/test` installs openapi-core into a
/// virtual environment and names its python in `SWITCHBOARD_OPENAPI_PYTHON`.
enum OpenAPIValidator {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let script = repository.appendingPathComponent("scripts/validate_openapi.py")

    static var python: String? {
        if let named = ProcessInfo.processInfo.environment["SWITCHBOARD_OPENAPI_PYTHON"], !named.isEmpty { return named }
        let venv = repository.appendingPathComponent(".build-venv/bin/python").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : nil
    }
}
