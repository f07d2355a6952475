import Foundation
import Hummingbird

/// Reading Reply.io request bodies and paging parameters, failing with the vendor's problems.
enum ReplyIORequests {
    /// The body as a JSON object; an empty body is `{}` when `emptyMeansAll`.
    static func object(
        of request: Request, context: SandboxRequestContext, emptyMeansAll: Bool
    ) async throws -> [String: JSONValue] {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        if buffer.readableBytes == 0 {
            if emptyMeansAll { return [:] }
            throw ReplyIOProblem.invalidBody("Request body is required")
        }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(buffer.readableBytesView)) else {
            throw ReplyIOProblem.invalidBody("Request body is not valid JSON")
        }
        guard case .object(let object) = value else {
            throw ReplyIOProblem.invalidBody("Request body must be a JSON object")
        }
        return object
    }

    /// `top` (1 to 1000, default 25) and `skip` (0 or more, default 0).
    static func paging(of request: Request) throws -> (top: Int, skip: Int) {
        var errors: [ReplyIOProblem.FieldError] = []
        func read(_ name: String, in range: ClosedRange<Int>, default fallback: Int, rule: String) -> Int {
            guard let text = request.uri.queryParameters.get(name) else { return fallback }
            guard let value = Int(text), range.contains(value) else {
                errors.append(.init(field: name, message: "'\(text)' is not \(rule)"))
                return fallback
            }
            return value
        }
        let top = read("top", in: 1...1000, default: 25, rule: "an integer from 1 to 1000")
        let skip = read("skip", in: 0...Int.max, default: 0, rule: "an integer of 0 or more")
        if !errors.isEmpty { throw ReplyIOProblem.validation(errors) }
        return (top, skip)
    }
}
