import Foundation
import Hummingbird
import NIOCore

/// Reading request bodies and query parameters, with answers in the vendor's error shape.
struct RequestParsing<Failure: Error>: Sendable {
    /// Builds the vendor's error for a status and message.
    let failure: @Sendable (HTTPResponse.Status, String) -> Failure

    func body<Body: Decodable>(_ type: Body.Type, of request: Request, context: SandboxRequestContext) async throws
        -> Body
    {
        try decode(type, from: try await bytes(of: request, context: context))
    }

    /// The whole request body, which must not be empty.
    func bytes(of request: Request, context: SandboxRequestContext) async throws -> ByteBuffer {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else { throw failure(.unprocessableContent, "Request body is required") }
        return buffer
    }

    /// Decodes a body read by ``bytes(of:context:)``, or throws the vendor's 422 saying what is wrong.
    func decode<Body: Decodable>(_ type: Body.Type, from buffer: ByteBuffer) throws -> Body {
        do {
            return try JSONDecoder().decode(Body.self, from: Data(buffer.readableBytesView))
        } catch let DecodingError.keyNotFound(key, context) {
            throw failure(.unprocessableContent, "Field required: \(path(context.codingPath + [key]))")
        } catch let DecodingError.typeMismatch(type, context) {
            throw failure(.unprocessableContent, "Wrong type at \(path(context.codingPath)): expected \(type)")
        } catch let DecodingError.valueNotFound(_, context) {
            throw failure(.unprocessableContent, "Value required at \(path(context.codingPath))")
        } catch {
            throw failure(.unprocessableContent, "Request body is not valid JSON")
        }
    }

    /// An integer query parameter within `range`, or `fallback` when absent.
    func integer(_ name: String, of request: Request, in range: ClosedRange<Int>, default fallback: Int) throws -> Int {
        guard let text = request.uri.queryParameters.get(name) else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            let upper = range.upperBound == Int.max ? "" : " to \(range.upperBound)"
            throw failure(.badRequest, "Invalid \(name): \(text) (must be an integer from \(range.lowerBound)\(upper))")
        }
        return value
    }

    /// Every value of a repeatable query parameter, each one of `Value`'s raw values.
    func values<Value: RawRepresentable>(_ name: String, of request: Request, as type: Value.Type) throws -> [Value]
    where Value.RawValue == String {
        try request.uri.queryParameters.getAll(name).map { text in
            guard let value = Value(rawValue: text) else { throw failure(.badRequest, "Invalid \(name): \(text)") }
            return value
        }
    }

    private func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(
            in: CharacterSet(charactersIn: "."))
    }
}
