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

    /// The common answer to a request of `count` contacts sent without ids (one
    /// `contact_ids` entry each, nothing failed, no warnings), read straight into the stored
    /// outcomes: each contact's code and id copied from the answer's bytes, no string made.
    /// Nil for any other answer (an id with an escape or outside ASCII too), which is then
    /// read and mapped contact by contact; the outcomes are the same either way.
    static func chunkOutcomes(_ bytes: [UInt8], count: Int) -> ChunkOutcomes? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(buffer)
            // Each id's bytes in the answer; written to the blob once the word is known.
            var ids: [Range<Int>] = []
            ids.reserveCapacity(count)
            // The ids packed as they are read, while each is a lowercase UUID (Anyreach's):
            // 16 bytes each, written to the blob as they are once the word is known.
            let packed = UnsafeMutableRawBufferPointer.allocate(byteCount: 16 * max(count, 1), alignment: 8)
            defer { packed.deallocate() }
            var packedCount = 0
            var sawIDs = false
            var updated = 0
            do {
                try reader.object { reader, key in
                    switch key {
                    case "contact_ids":
                        guard try !reader.null() else { throw Declined() }
                        sawIDs = true
                        try reader.elements { reader in
                            // A UUID's 36 bytes between quotes: hex digits and dashes, nothing to unescape.
                            if packedCount == ids.count, packedCount < count,
                                let text = reader.plainString(
                                    ofLength: 36,
                                    where: {
                                        ChunkAnswer.pack(
                                            uuid: $0,
                                            into: UnsafeMutableRawBufferPointer(rebasing: packed[(16 * packedCount)...]))
                                    })
                            {
                                packedCount += 1
                                ids.append(text)
                                return
                            }
                            guard let range = try reader.asciiStringRange(), range.count <= 0xFFFF else {
                                throw Declined()
                            }
                            ids.append(range)
                        }
                    case "inserted": _ = try reader.null() ? 0 : try reader.integer()
                    case "updated": updated = try reader.null() ? 0 : try reader.integer()
                    case "failed", "warnings":
                        guard try !reader.null() else { return }
                        try reader.elements { _ in throw Declined() }
                    default:
                        _ = try reader.value()
                    }
                }
                try reader.end()
            } catch {
                return nil
            }
            guard sawIDs, ids.count == count else { return nil }
            let word = ChunkAnswer.wordIndex(
                AnyreachUpsertMapping.result(sentWithID: false, otherUpdates: updated, unknown: count).word)
            let code = ChunkAnswer.code(ofIndex: word)
            if packedCount == count {
                // Each: the code byte, marked packed, then the id's 16 bytes.
                let blob = [UInt8](unsafeUninitializedCapacity: 17 * count) { out, initialized in
                    let base = UnsafeMutableRawPointer(out.baseAddress!)
                    for index in 0..<count {
                        base.storeBytes(of: code | ChunkAnswer.packedUUID, toByteOffset: 17 * index, as: UInt8.self)
                        (base + 17 * index + 1).copyMemory(from: packed.baseAddress! + 16 * index, byteCount: 16)
                    }
                    initialized = 17 * count
                }
                return ChunkOutcomes(count: count, word: word, blob: blob)
            }
            var blob: [UInt8] = []
            blob.reserveCapacity(count * 17)
            for id in ids { ChunkAnswer.appendEntry(code: code, id: UnsafeBufferPointer(rebasing: buffer[id]), to: &blob) }
            return ChunkOutcomes(count: count, word: word, blob: blob)
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
