import Foundation
import NIOCore

/// An HTTP request as a value: what the clients build and the transport sends.
public struct HTTPRequest: Sendable {
    public enum Method: String, Sendable { case GET, POST, PUT, PATCH, DELETE }

    public var method: Method
    /// The full URL, query included.
    public var url: String
    /// Header names and values. Credential headers are listed in `sensitiveHeaders`
    /// so nothing that logs or describes a request ever shows them.
    public var headers: [(String, String)]
    /// The body, if any.
    public var payload: Payload?
    public var timeout: Duration

    /// A body: bytes, or a buffer read straight from the journal's bodies file, which the
    /// transport sends without copying it again.
    public enum Payload: Sendable {
        case bytes([UInt8])
        case buffer(ByteBuffer)
    }

    /// The body's bytes.
    public var body: [UInt8]? {
        get {
            switch payload {
            case .bytes(let bytes): bytes
            case .buffer(let buffer): Array(buffer.readableBytesView)
            case nil: nil
            }
        }
        set { payload = newValue.map(Payload.bytes) }
    }

    public init(
        method: Method, url: String, headers: [(String, String)] = [], body: [UInt8]? = nil,
        timeout: Duration = .seconds(30)
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.payload = body.map(Payload.bytes)
        self.timeout = timeout
    }

    /// Headers whose values are credentials.
    public static let sensitiveHeaders: Set<String> = ["authorization", "x-api-key", "x-anyreach-org-key", "cookie"]

    /// The request for a log line: method and URL, credential headers masked.
    public var redactedDescription: String {
        let shown = headers.map { name, value in
            HTTPRequest.sensitiveHeaders.contains(name.lowercased()) ? "\(name): <redacted>" : "\(name): \(value)"
        }
        return "\(method.rawValue) \(url) [\(shown.joined(separator: ", "))]"
    }

    /// The value of the first header with this name (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }
}

/// An HTTP answer: status, headers, the whole body.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The value of the first header with this name (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    public var isSuccess: Bool { (200..<300).contains(status) }
}

/// Sends one request and returns the answer, or throws `VendorError.connection` /
/// `.timeout`. It does not retry: retrying is the sync engine's decision.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
