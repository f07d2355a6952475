/// The upsert body written directly rather than through `JSONEncoder`: it is built once per
/// 1000 contacts of every import, and the encoder's cost per contact would be most of the
/// importer's. Same keys, in the same sorted order, as `JSONCoding.encode` writes.
extension AnyreachUpsertBody {
    /// `{"contacts":[...]}` as JSON bytes.
    var jsonBytes: [UInt8] {
        var writer = JSONWriter(capacity: 64 + contacts.count * 192)
        writer.object { writer in
            writer.key("contacts")
            writer.array { writer in
                for contact in contacts { contact.write(to: &writer) }
            }
        }
        return writer.bytes
    }
}

extension AnyreachContactInput {
    /// Writes the contact as the upsert route takes it; unset fields are left out.
    func write(to writer: inout JSONWriter) {
        writer.object { writer in
            if let agentConfig {
                writer.key("agent_config")
                writer.value(agentConfig)
            }
            writer.member("agent_id", agentID)
            writer.member("agent_number", agentNumber)
            writer.member("agent_version", agentVersion)
            if let data {
                writer.key("data")
                writer.value(.object(data))
            }
            writer.member("external_id", externalID)
            writer.member("id", id)
            writer.member("initial_context", initialContext)
            if let phoneNumbers {
                writer.key("phone_numbers")
                writer.array { writer in
                    for number in phoneNumbers { writer.string(number) }
                }
            }
            writer.member("scheduled_at", scheduledAt)
            writer.member("timezone", timezone)
        }
    }
}
