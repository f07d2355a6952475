/// A row on its way to becoming a `Contact`: each field's text and the column (CSV) or
/// key (JSON) it came from, so a problem can name it.
struct ContactDraft {
    struct Value {
        var text: String
        var column: String
    }

    /// The file line the row starts on.
    var line: Int
    var email: Value?
    var phones: [Value] = []
    var firstName: Value?
    var lastName: Value?
    var externalID: Value?
    var id: Value?
    var timezone: Value?
    var scheduledAt: Value?
    var status: Value?
    var tags: (value: JSONValue, column: String)?
    var data: [String: JSONValue] = [:]
    /// Problems found while reading the row (a JSON value of the wrong type).
    var problems: [ImportProblem] = []
    /// Where a JSON contact is when its line does not say (`[2]`, one of several contacts
    /// starting on a line): named as the column of a problem of the whole contact.
    var place: String?
    /// A JSON contact's place in the array, and the contact as the file had it (kept with
    /// the reject when it is left out).
    var element: Int?
    var source: JSONValue?

    init(line: Int) {
        self.line = line
    }

    /// Puts `text` into `field`. Structured fields are trimmed; empty values are left out.
    mutating func set(_ field: ContactField, text: String, column: String) {
        if case .data(let key) = field {
            if !text.isEmpty { data[key] = .string(text) }
            return
        }
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty else { return }
        let value = Value(text: trimmed, column: column)
        switch field {
        case .email: email = value
        case .phone: phones.append(value)
        case .firstName: firstName = value
        case .lastName: lastName = value
        case .externalID: externalID = value
        case .id: id = value
        case .timezone: timezone = value
        case .scheduledAt: scheduledAt = value
        case .status: status = value
        case .tags: tags = (.string(trimmed), column)
        case .data, .skip: break
        }
    }
}
