import Foundation
import Hummingbird

/// Reads a Replify request body as JSON, answering the documented 400 when it is not.
enum ReplifyBody {
    static func json(of request: Request, context: SandboxRequestContext) async throws -> JSONValue {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        let text = String(decoding: buffer.readableBytesView, as: UTF8.self)
        if let fault = ReplifyJSONSyntax.fault(in: text) { throw ReplifyError.invalidJSON(fault) }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        } catch {
            // Valid by the grammar yet refused by Foundation (a lone surrogate escape, say).
            throw ReplifyError.invalidJSON("Invalid character in JSON string")
        }
    }
}

/// Reading typed fields out of a request's JSON, with the 400 a wrong type gets.
struct ReplifyFields {
    let object: [String: JSONValue]
    /// Where these fields sit in the body (`contacts[2].`, `contact.`), for messages.
    let path: String

    /// A string field; absent, null and blank read as nil.
    func string(_ key: String) throws -> String? {
        switch object[key] {
        case nil, .null: return nil
        case .string(let value):
            return value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : value
        default: throw ReplifyError.badRequest("Invalid field: \(path)\(key)", details: "\(key) must be a string")
        }
    }

    /// An object field; absent and null read as nil.
    func object(_ key: String) throws -> [String: JSONValue]? {
        switch object[key] {
        case nil, .null: return nil
        case .object(let value): return value
        default: throw ReplifyError.badRequest("Invalid field: \(path)\(key)", details: "\(key) must be an object")
        }
    }
}
