import NIOCore

/// Reads the body of `POST .../contacts` with ``JSONByteScanner``: the upsert of a bulk import
/// carries a thousand contacts, and `JSONDecoder` spent more time on them than the upsert.
///
/// Gives nil for any body it is not certain to read exactly as `JSONDecoder` reads
/// ``UpsertRequest``; the route then decodes it with `JSONDecoder`, which also words the
/// error answer of a body that is wrong.
enum UpsertBodyReader {
    typealias Unsupported = JSONByteScanner.Unsupported

    /// The body's contacts, or nil to leave the body to `JSONDecoder`.
    static func contacts(in buffer: ByteBuffer) -> [ContactInput]? {
        buffer.withUnsafeReadableBytes { raw in
            contacts(in: raw.bindMemory(to: UInt8.self))
        }
    }

    /// The contacts of a body, or nil to leave it to `JSONDecoder`.
    static func contacts(in bytes: UnsafeBufferPointer<UInt8>) -> [ContactInput]? {
        var scanner = JSONByteScanner(bytes)
        do {
            var contacts: [ContactInput]?
            try scanner.readObject { (scanner, key) throws(Unsupported) in
                guard JSONByteScanner.key(key, is: "contacts") else {
                    _ = try scanner.value()
                    return
                }
                // `JSONDecoder` keeps the first of two `contacts`; null is its error to word.
                guard contacts == nil, try !scanner.consumeNull() else { throw Unsupported() }
                var list: [ContactInput] = []
                try scanner.readArray { (scanner) throws(Unsupported) in list.append(try contact(&scanner)) }
                contacts = list
            }
            try scanner.expectEnd()
            return contacts
        } catch {
            return nil
        }
    }

    /// The members of `ContactInput`, as their keys are written.
    private enum Field: Int {
        case id, externalID, phoneNumbers, data, timezone, scheduledAt
        case agentID, agentConfig, agentNumber, agentVersion, initialContext

        init?(_ key: UnsafeBufferPointer<UInt8>) {
            typealias Scanner = JSONByteScanner
            switch key.count {
            case 2 where Scanner.key(key, is: "id"): self = .id
            case 4 where Scanner.key(key, is: "data"): self = .data
            case 8 where Scanner.key(key, is: "timezone"): self = .timezone
            case 8 where Scanner.key(key, is: "agent_id"): self = .agentID
            case 11 where Scanner.key(key, is: "external_id"): self = .externalID
            case 12 where Scanner.key(key, is: "scheduled_at"): self = .scheduledAt
            case 12 where Scanner.key(key, is: "agent_config"): self = .agentConfig
            case 12 where Scanner.key(key, is: "agent_number"): self = .agentNumber
            case 13 where Scanner.key(key, is: "phone_numbers"): self = .phoneNumbers
            case 13 where Scanner.key(key, is: "agent_version"): self = .agentVersion
            case 15 where Scanner.key(key, is: "initial_context"): self = .initialContext
            default: return nil
            }
        }
    }

    /// One contact object, read as `ContactInput`'s `Decodable` conformance reads it: every
    /// member optional, null the same as absent, unknown keys ignored.
    private static func contact(_ scanner: inout JSONByteScanner) throws(Unsupported) -> ContactInput {
        var input = ContactInput()
        var seen: UInt16 = 0
        try scanner.readObject { (scanner, key) throws(Unsupported) in
            guard let field = Field(key) else {
                _ = try scanner.value()
                return
            }
            // `JSONDecoder` keeps the first of two equal keys; leave such bodies to it.
            let bit: UInt16 = 1 << field.rawValue
            guard seen & bit == 0 else { throw Unsupported() }
            seen |= bit
            switch field {
            case .id: input.id = try scanner.optionalString()
            case .externalID: input.externalID = try scanner.optionalString()
            case .timezone: input.timezone = try scanner.optionalString()
            case .scheduledAt: input.scheduledAt = try scanner.optionalString()
            case .agentID: input.agentID = try scanner.optionalString()
            case .agentNumber: input.agentNumber = try scanner.optionalString()
            case .agentVersion: input.agentVersion = try scanner.optionalString()
            case .initialContext: input.initialContext = try scanner.optionalString()
            case .phoneNumbers:
                guard try !scanner.consumeNull() else { return }
                var numbers: [String] = []
                try scanner.readArray { (scanner) throws(Unsupported) in numbers.append(try scanner.string()) }
                input.phoneNumbers = numbers
            case .data:
                guard try !scanner.consumeNull() else { return }
                input.data = try scanner.object()
            case .agentConfig:
                guard try !scanner.consumeNull() else { return }
                input.agentConfig = try scanner.value()
            }
        }
        return input
    }
}
