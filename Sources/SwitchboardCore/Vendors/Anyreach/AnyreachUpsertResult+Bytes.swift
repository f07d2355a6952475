/// Reading an upsert's answer at byte level: `JSONDecoder` costs about 0.8 µs a contact
/// on a 1000-contact answer, most of it making `contact_ids` strings through the generic
/// `Decodable` machinery.
extension AnyreachUpsertResult {
    /// The answer of the documented shape, read from its bytes with `JSONReader` (strict RFC
    /// 8259; integers as `JSONDecoder` takes them, `1.0` and `1e2` too), or nil when it holds
    /// something this reader leaves to `JSONDecoder`: a non-empty `warnings` (kept as their
    /// JSON text), a member of the wrong type, a malformed document. The caller then decodes
    /// it with `JSONDecoder`, which gives the same value or the decoding error.
    static func decodeFast(_ bytes: [UInt8]) -> AnyreachUpsertResult? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(buffer)
            var answer = AnyreachUpsertResult()
            do {
                try reader.object { reader, key in
                    switch key {
                    case "contact_ids":
                        answer.contactIDs = []
                        guard try !reader.null() else { return }
                        answer.contactIDs.reserveCapacity(1000)
                        try reader.elements { reader in answer.contactIDs.append(try reader.string()) }
                    case "inserted": answer.inserted = try reader.null() ? 0 : try reader.integer()
                    case "updated": answer.updated = try reader.null() ? 0 : try reader.integer()
                    case "failed":
                        answer.failed = []
                        guard try !reader.null() else { return }
                        try reader.elements { reader in answer.failed.append(try failure(&reader)) }
                    case "warnings":
                        guard try !reader.null() else { return }
                        try reader.elements { _ in throw Declined() }
                    default:
                        _ = try reader.value()
                    }
                }
                try reader.end()
                return answer
            } catch {
                return nil
            }
        }
    }

    /// Something `decodeFast` leaves to `JSONDecoder`.
    private struct Declined: Error {}

    /// One of `failed`: an object, or a bare message (as `Failure.init(from:)` takes it).
    private static func failure(_ reader: inout JSONReader) throws -> Failure {
        if let message = try? reader.string() { return Failure(index: nil, error: message) }
        var failure = Failure(index: nil, error: "failed")
        try reader.object { reader, key in
            switch key {
            case "index": failure.index = try reader.null() ? nil : try reader.integer()
            case "error": failure.error = try reader.optionalString() ?? "failed"
            case "id": failure.id = try reader.optionalString()
            case "external_id": failure.externalID = try reader.optionalString()
            default: _ = try reader.value()
            }
        }
        return failure
    }
}
