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
