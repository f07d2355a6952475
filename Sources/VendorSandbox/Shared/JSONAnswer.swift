import Foundation
import Hummingbird

/// JSON bodies for every answer: sorted keys, so the same state always gives the same bytes.
enum JSONAnswer {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func response(
        _ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]
    ) throws -> Response {
        let bytes = try encoder().encode(value)
        return response(json: ByteBuffer(bytes: bytes), status: status, headers: headers)
    }

    /// An answer whose JSON is already written (in the encoder's form).
    static func response(json: ByteBuffer, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: json))
    }
}
