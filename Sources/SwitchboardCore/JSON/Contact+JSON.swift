/// The contact as the journal and the cache store it: the same JSON `JSONEncoder` makes of
/// `Contact` (absent fields left out), so `JSONDecoder` reads it back, written directly.
extension Contact {
    /// The contact as JSON text.
    public var jsonText: String {
        var writer = JSONWriter()
        write(to: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// Writes the contact as a JSON object.
    public func write(to writer: inout JSONWriter) {
        writer.object { writer in
            writer.member("vendorID", vendorID)
            writer.member("externalID", externalID)
            writer.member("firstName", firstName)
            writer.member("lastName", lastName)
            writer.member("email", email)
            writer.key("phoneNumbers")
            writer.array { writer in
                for number in phoneNumbers { writer.string(number) }
            }
            if let status {
                writer.key("status")
                writer.object { writer in
                    writer.member("raw", status.raw)
                    writer.member("normalized", status.normalized.rawValue)
                }
            }
            if let attemptCount {
                writer.key("attemptCount")
                writer.integer(attemptCount)
            }
            writer.key("data")
            writer.value(.object(data))
            writer.member("timezone", timezone)
            writer.member("scheduledAt", scheduledAt)
            writer.member("updatedAt", updatedAt)
        }
    }
}

extension Contact {
    /// Reads the JSON `write(to:)` (or `JSONEncoder`) makes of a contact; unknown members are
    /// skipped, so rows written by a later version still read.
    public init(jsonText: String) throws {
        var text = jsonText
        self = try text.withUTF8 { utf8 in
            var reader = JSONReader(utf8)
            let contact = try Contact(reading: &reader)
            try reader.end()
            return contact
        }
    }

    /// Reads one contact object from `reader`.
    public init(reading reader: inout JSONReader) throws {
        var contact = Contact()
        try reader.object { reader, key in
            switch key {
            case "vendorID": contact.vendorID = try reader.optionalString()
            case "externalID": contact.externalID = try reader.optionalString()
            case "firstName": contact.firstName = try reader.optionalString()
            case "lastName": contact.lastName = try reader.optionalString()
            case "email": contact.email = try reader.optionalString()
            case "phoneNumbers":
                var numbers: [String] = []
                try reader.elements { reader in numbers.append(try reader.string()) }
                contact.phoneNumbers = numbers
            case "status":
                if try reader.null() { return }
                var raw: String?
                var normalized: String?
                try reader.object { reader, key in
                    switch key {
                    case "raw": raw = try reader.string()
                    case "normalized": normalized = try reader.string()
                    default: _ = try reader.value()
                    }
                }
                if let raw {
                    contact.status = ContactStatus(
                        raw: raw, normalized: normalized.flatMap(NormalizedStatus.init(rawValue:)) ?? .unknown)
                }
            case "attemptCount": contact.attemptCount = try reader.null() ? nil : reader.integer()
            case "data":
                if case .object(let members) = try reader.value() { contact.data = members }
            case "timezone": contact.timezone = try reader.optionalString()
            case "scheduledAt": contact.scheduledAt = try reader.optionalString()
            case "updatedAt": contact.updatedAt = try reader.optionalString()
            default: _ = try reader.value()
            }
        }
        self = contact
    }
}
