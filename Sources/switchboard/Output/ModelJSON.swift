import SwitchboardCore

/// The `--json` shapes of the neutral model, shared by the commands that print them.
extension Campaign {
    var json: JSONValue {
        .object([
            "id": .string(id),
            "name": .string(name),
            "state": .string(state.description),
            "external_id": .text(externalID),
            "created_at": .text(createdAt),
            "updated_at": .text(updatedAt),
        ])
    }
}

extension Contact {
    var json: JSONValue {
        .object([
            "id": .string(id),
            "vendor_id": .text(vendorID),
            "external_id": .text(externalID),
            "first_name": .text(firstName),
            "last_name": .text(lastName),
            "email": .text(email),
            "phone_numbers": .texts(phoneNumbers),
            "status": .text(status?.raw),
            "status_normalized": .text(status?.normalized.rawValue),
            "attempt_count": .int(attemptCount),
            "timezone": .text(timezone),
            "scheduled_at": .text(scheduledAt),
            "updated_at": .text(updatedAt),
            "data": .object(data),
        ])
    }
}

extension Session {
    /// The fields every account-scoped document starts with.
    var header: [String: JSONValue] {
        ["account": .string(account.name), "vendor": .string(account.vendor.rawValue)]
    }
}
