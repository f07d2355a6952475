import Foundation

/// Reads the fields of a JSON request body one by one, collecting an error per invalid
/// field (named as the vendor's `errors[].field`) instead of stopping at the first.
struct ReplyIOFieldReader {
    let body: [String: JSONValue]
    private(set) var errors: [ReplyIOProblem.FieldError] = []

    init(_ body: [String: JSONValue]) {
        self.body = body
    }

    mutating func fail(_ field: String, _ message: String) {
        errors.append(ReplyIOProblem.FieldError(field: field, message: message))
    }

    /// Throws the 400 problem naming every invalid field, if there is one.
    func check() throws {
        if !errors.isEmpty { throw ReplyIOProblem.validation(errors) }
    }

    /// A string field; nil when absent, null or empty.
    mutating func string(_ field: String) -> String? {
        switch body[field] {
        case nil, .null: return nil
        case .string(let value): return value.isEmpty ? nil : value
        default:
            fail(field, "Must be a string")
            return nil
        }
    }

    /// An integer field; nil when absent or null.
    mutating func integer(_ field: String) -> Int? {
        switch body[field] {
        case nil, .null: return nil
        case .number(let value) where value.rounded() == value && abs(value) < 1e15: return Int(value)
        default:
            fail(field, "Must be an integer")
            return nil
        }
    }

    /// A string field holding one of `Word`'s values, in any case.
    mutating func word<Word: ReplyIOWord>(_ field: String, as type: Word.Type) -> Word? {
        guard let text = string(field) else { return nil }
        guard let word = Word(word: text) else {
            fail(field, "'\(text)' is not one of \(Word.wordList)")
            return nil
        }
        return word
    }

    /// An email address: one `@`, a local part, a domain with a dot, no spaces.
    mutating func email(_ field: String) -> String? {
        guard let text = string(field) else { return nil }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        let valid =
            parts.count == 2 && !parts[0].isEmpty && parts[0].count <= 64 && text.count <= 254
            && !text.contains(where: \.isWhitespace) && parts[1].split(separator: ".").count >= 2
            && !parts[1].split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty)
        guard valid else {
            fail(field, "'\(text)' is not a valid email address")
            return nil
        }
        return text
    }

    /// An absolute http or https URL with a host.
    mutating func url(_ field: String) -> String? {
        guard let text = string(field) else { return nil }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = url.host, !host.isEmpty, !text.contains(where: \.isWhitespace)
        else {
            fail(field, "'\(text)' is not an absolute http or https URL")
            return nil
        }
        return text
    }

    /// A list of objects, each read by `item` with its own reader; their errors are named
    /// `field[i].name`.
    mutating func objects<Item>(_ field: String, _ item: (inout ReplyIOFieldReader) -> Item?) -> [Item]? {
        switch body[field] {
        case nil, .null: return nil
        case .array(let values):
            var items: [Item] = []
            for (index, value) in values.enumerated() {
                let prefix = "\(field)[\(index)]"
                guard case .object(let object) = value else {
                    fail(prefix, "Must be an object")
                    continue
                }
                var reader = ReplyIOFieldReader(object)
                let read = item(&reader)
                errors += reader.errors.map { .init(field: "\(prefix).\($0.field)", message: $0.message) }
                if let read { items.append(read) }
            }
            return items
        default:
            fail(field, "Must be an array")
            return nil
        }
    }
}
