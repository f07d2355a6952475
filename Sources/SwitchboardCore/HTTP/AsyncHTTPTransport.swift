import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The production transport, on AsyncHTTPClient's shared event loop group.
public final class AsyncHTTPTransport: HTTPTransport {
    private let client: HTTPClient
    private let ownsClient: Bool
    /// The largest answer body read, so a misbehaving server cannot exhaust memory.
    private let maxBodyBytes: Int

    /// A transport with its own connection pool; call `shutdown()` when done.
    public init(connectTimeout: Duration = .seconds(10), maxBodyBytes: Int = 64 << 20) {
        var configuration = HTTPClient.Configuration()
        // No read timeout: every request has its own deadline (`HTTPRequest.timeout`, 30 s by
        // default), which a stalled answer meets first; a read timeout of its own re-arms a
        // timer on every read of every answer (about 2% of a bulk import's send phase).
        configuration.timeout = .init(connect: .init(connectTimeout))
        configuration.redirectConfiguration = .disallow
        // No tracing spans: Switchboard bootstraps no tracer, and the no-op one still cost
        // about 1% of a bulk import's samples (a span, its attributes, a task-local context
        // per request).
        configuration.tracing.tracer = nil
        self.client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.ownsClient = true
        self.maxBodyBytes = maxBodyBytes
    }

    /// A transport over a client someone else owns and shuts down.
    public init(client: HTTPClient, maxBodyBytes: Int = 64 << 20) {
        self.client = client
        self.ownsClient = false
        self.maxBodyBytes = maxBodyBytes
    }

    public func shutdown() async throws {
        if ownsClient { try await client.shutdown() }
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = NIOHTTP1.HTTPMethod(rawValue: request.method.rawValue)
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        switch request.payload {
        case .bytes(let bytes): outgoing.body = .bytes(ByteBuffer(bytes: bytes))
        case .buffer(let buffer): outgoing.body = .bytes(buffer)
        case nil: break
        }
        do {
            let response = try await client.execute(outgoing, timeout: .init(request.timeout))
            var buffer = try await response.body.collect(upTo: maxBodyBytes)
            let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
            return HTTPResponse(
                status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) }, body: bytes)
        } catch let error as HTTPClientError {
            if error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
                throw VendorError.timeout
            }
            throw VendorError.connection(Self.describe(error))
        } catch let error as VendorError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw VendorError.connection(Self.describe(error))
        }
    }

    /// A transport error in words, with no request data (so no header, no credential).
    private static func describe(_ error: any Error) -> String {
        let text = String(describing: error)
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}

extension TimeAmount {
    fileprivate init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
