import Foundation

/// The part every vendor client shares: a base URL, the credential headers, JSON in
/// and out, and the vendor's own way of reading an error body into `VendorError`.
public struct VendorConnection: Sendable {
    public let baseURL: String
    public let transport: any HTTPTransport
    /// Headers sent with every request (credentials among them; never logged).
    let headers: [(String, String)]
    /// Turns an error answer's body into the vendor's message.
    let errorMessage: @Sendable (_ status: Int, _ body: [UInt8]) -> String
    let timeout: Duration

    public init(
        baseURL: String, transport: any HTTPTransport, headers: [(String, String)], timeout: Duration = .seconds(30),
        errorMessage: @escaping @Sendable (_ status: Int, _ body: [UInt8]) -> String
    ) {
        self.baseURL = baseURL
        self.transport = transport
        self.headers = headers
        self.timeout = timeout
        self.errorMessage = errorMessage
    }

    /// Sends a request with an optional JSON body and returns the raw 2xx answer;
    /// non-2xx answers throw `VendorError.http` with the vendor's message and `Retry-After`.
    public func send(
        _ method: HTTPRequest.Method, _ path: [PathSegment], query: [(String, String)] = [], body: [UInt8]? = nil
    ) async throws -> HTTPResponse {
        try await send(method, path, query: query, payload: body.map(HTTPRequest.Payload.bytes))
    }

    /// `send` with the body as a payload (a buffer read from the journal goes as it is).
    public func send(
        _ method: HTTPRequest.Method, _ path: [PathSegment], query: [(String, String)] = [],
        payload: HTTPRequest.Payload?
    ) async throws -> HTTPResponse {
        var requestHeaders = headers
        requestHeaders.append(("Accept", "application/json"))
        requestHeaders.append(("User-Agent", "switchboard/0.1"))
        if payload != nil { requestHeaders.append(("Content-Type", "application/json")) }
        var request = HTTPRequest(
            method: method, url: URLPath.url(base: baseURL, path, query: query), headers: requestHeaders,
            timeout: timeout)
        request.payload = payload
        let response = try await transport.send(request)
        guard response.isSuccess else {
            throw VendorError.http(
                status: response.status, message: errorMessage(response.status, response.body),
                retryAfter: response.header("Retry-After").flatMap(RetryAfter.init(header:)))
        }
        return response
    }

    /// Sends and decodes a JSON answer.
    public func json<Answer: Decodable>(
        _ method: HTTPRequest.Method, _ path: [PathSegment], query: [(String, String)] = [], body: [UInt8]? = nil,
        as type: Answer.Type = Answer.self
    ) async throws -> Answer {
        let response = try await send(method, path, query: query, body: body)
        return try JSONCoding.decode(Answer.self, from: response.body)
    }

    /// Sends an `Encodable` body and decodes the JSON answer.
    public func json<Body: Encodable, Answer: Decodable>(
        _ method: HTTPRequest.Method, _ path: [PathSegment], query: [(String, String)] = [], sending body: Body,
        as type: Answer.Type = Answer.self
    ) async throws -> Answer {
        try await json(method, path, query: query, body: JSONCoding.encode(body), as: Answer.self)
    }
}

/// JSON encoding and decoding with the settings every vendor uses.
public enum JSONCoding {
    public static func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(value))
        } catch {
            throw VendorError.invalidRequest("could not encode the request: \(error)")
        }
    }

    public static func decode<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8]) throws -> Value {
        do {
            return try JSONDecoder().decode(Value.self, from: Data(bytes))
        } catch let DecodingError.keyNotFound(key, context) {
            throw VendorError.decoding("missing \(path(context.codingPath + [key]))")
        } catch let DecodingError.typeMismatch(expected, context) {
            throw VendorError.decoding("\(path(context.codingPath)) is not \(expected)")
        } catch let DecodingError.valueNotFound(expected, context) {
            throw VendorError.decoding("\(path(context.codingPath)) is null, expected \(expected)")
        } catch {
            throw VendorError.decoding("not JSON (\(bytes.count) bytes)")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "the body" : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
