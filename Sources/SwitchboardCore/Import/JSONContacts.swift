import Foundation

/// Contacts from a JSON file, read whole (at most `maxBytes`): an array of contacts, a
/// vendor's request body with a `contacts` array (Anyreach, Replify), or one contact's body
/// (CampaignLark, Reply.io). A contact's keys may be neutral (`email`, `phone_numbers`,
/// `first_name`, ...) or any vendor's spelling (`email_address`, `firstName`,
/// `externalIdValue`, `timeZoneId`); `data`, `contactMetadata`, `fields` and
/// `customFields` are merged into `data`, and any other key goes to `data` as it is.
struct JSONContacts {
    /// The largest JSON file read; bigger imports should be CSV, which streams.
    static let maxBytes = 64 * 1024 * 1024

    var drafts: [ContactDraft]
    /// The body's `action` (Replify's `upsert`, `updateOnly`, `remove`), when it names one.
    var action: UpsertAction?

    init(path: String) throws(ImportProblem) {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        guard let size else { throw ImportProblem(file: path, line: 0, reason: "cannot open the file") }
        guard size <= Self.maxBytes else {
            throw ImportProblem(
                file: path, line: 0,
                reason:
                    "the JSON file is \(size) bytes; JSON imports are read whole and limited to \(Self.maxBytes) bytes (use CSV)"
            )
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportProblem(file: path, line: 0, reason: "cannot read the file")
        }
        try self.init(bytes: Array(data), file: path)
    }

    init(bytes: [UInt8], file: String) throws(ImportProblem) {
        guard bytes.contains(where: { !Self.isSpace($0) }) else {
            throw ImportProblem(file: file, line: 0, reason: "the file is empty; expected a JSON array of contacts")
        }
        let document: JSONValue
        do {
            document = try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        } catch {
            throw ImportProblem(file: file, line: 0, reason: "not valid JSON: \(Self.describe(error))")
        }
        let lines = Self.elementLines(bytes)
        var inherited: [String: JSONValue] = [:]
        let elements: [JSONValue]
        switch document {
        case .array(let items):
            elements = items
        case .object(let body) where body["contacts"] != nil:
            guard case .array(let items)? = body["contacts"] else {
                throw ImportProblem(file: file, line: 0, column: "contacts", reason: "\"contacts\" must be an array")
            }
            elements = items
            for key in ["externalIdKey", "externalIdValue"] { inherited[key] = body[key] }
            action = body["action"]?.stringValue.flatMap(Self.action(named:))
        case .object:
            elements = [document]
        default:
            throw ImportProblem(
                file: file, line: 0, reason: "expected a JSON array of contacts or a vendor request body")
        }
        // Where several contacts start on one line (a minified file), a problem names its
        // contact by its place in the array: `[2].email`, `contacts[2].email`.
        var startingOn: [Int: Int] = [:]
        for index in elements.indices { startingOn[index < lines.count ? lines[index] : 1, default: 0] += 1 }
        let arrayPath: String
        if case .array = document { arrayPath = "" } else { arrayPath = "contacts" }
        drafts = elements.enumerated().map { index, element in
            let line = index < lines.count ? lines[index] : 1
            let place = startingOn[line, default: 0] > 1 ? "\(arrayPath)[\(index)]" : nil
            guard case .object(var fields) = element else {
                var draft = ContactDraft(line: line)
                draft.element = index
                draft.source = element
                draft.problems.append(
                    ImportProblem(
                        file: file, line: line, column: place,
                        reason: "a contact must be a JSON object, not \(element.jsonText)", element: index))
                return draft
            }
            for (key, value) in inherited where fields[key] == nil { fields[key] = value }
            var draft = Self.draft(fields, line: line, file: file, place: place, element: index)
            draft.source = .object(fields)
            return draft
        }
    }

    private static let containers: Set<String> = ["data", "contactMetadata", "fields", "custom_metadata"]
    private static let requestKeys: Set<String> = ["partial_update", "action"]
    private static let vendorSpellings: [String: ContactField] = [
        "externalIdValue": .externalID, "timeZoneId": .timezone, "time_zone": .timezone,
    ]

    /// `place`: the contact's place in the array, put before the key in the columns its
    /// problems name (nil when its line says where it is).
    private static func draft(
        _ fields: [String: JSONValue], line: Int, file: String, place: String?, element: Int
    ) -> ContactDraft {
        var draft = ContactDraft(line: line)
        draft.place = place
        draft.element = element
        func column(_ key: String) -> String { place.map { "\($0).\(key)" } ?? key }
        var nested: [String: JSONValue] = [:]
        for key in fields.keys.sorted() {
            let value = fields[key]!
            // A rejected contact exported to be fixed carries its notes (`RejectCSV.noteColumns`).
            if requestKeys.contains(key) || RejectCSV.isNote(key) { continue }
            if containers.contains(key) {
                guard case .object(let members) = value else {
                    draft.problems.append(
                        ImportProblem(
                            file: file, line: line, column: column(key), reason: "\"\(key)\" must be an object",
                            element: element))
                    continue
                }
                nested.merge(members) { first, _ in first }
            } else if key == "customFields" {
                guard case .array(let items) = value else {
                    draft.problems.append(
                        ImportProblem(
                            file: file, line: line, column: column(key), reason: "\"customFields\" must be an array",
                            element: element))
                    continue
                }
                for case .object(let item) in items {
                    if let name = item["key"]?.stringValue { nested[name] = item["value"] ?? .null }
                }
            } else if let field = vendorSpellings[key] ?? ContactField(header: key) {
                put(value, into: field, key: column(key), draft: &draft, file: file)
            } else {
                draft.data[key] = value
            }
        }
        // Anyreach keeps names and email in `data`, CampaignLark in `fields`.
        let lifted: [(String, ContactField)] = [
            ("first_name", .firstName), ("last_name", .lastName), ("email", .email), ("email_address", .email),
            ("phone", .phone),
        ]
        for (key, field) in lifted {
            guard let value = nested[key], value.stringValue != nil else { continue }
            let taken: Bool =
                switch field {
                case .firstName: draft.firstName != nil
                case .lastName: draft.lastName != nil
                case .email: draft.email != nil
                default: !draft.phones.isEmpty
                }
            if !taken {
                nested.removeValue(forKey: key)
                put(value, into: field, key: column(key), draft: &draft, file: file)
            }
        }
        for (key, value) in nested where draft.data[key] == nil { draft.data[key] = value }
        return draft
    }

    private static func put(
        _ value: JSONValue, into field: ContactField, key: String, draft: inout ContactDraft, file: String
    ) {
        switch (field, value) {
        case (_, .null):
            return
        case (.phone, .array(let numbers)):
            for number in numbers { put(number, into: .phone, key: key, draft: &draft, file: file) }
        case (.tags, .array), (.data, _):
            if case .data(let name) = field { draft.data[name] = value } else { draft.tags = (value, key) }
        case (_, .string(let text)):
            draft.set(field, text: text, column: key)
        case (_, .number), (_, .bool):
            draft.set(field, text: value.description, column: key)
        default:
            draft.problems.append(
                ImportProblem(
                    file: file, line: draft.line, column: key, reason: "expected text, found \(value.jsonText)",
                    element: draft.element))
        }
    }

    private static func action(named name: String) -> UpsertAction? {
        switch name {
        case "upsert": .upsert
        case "updateOnly": .updateOnly
        case "remove": .remove
        default: nil
        }
    }

    private static func describe(_ error: Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        switch decoding {
        case .dataCorrupted(let context):
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return underlying ?? context.debugDescription
        default:
            return "\(decoding)"
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// The line each contact starts on: the elements of the top-level array, or of the
    /// top-level object's `contacts` array, or the object itself.
    static func elementLines(_ bytes: [UInt8]) -> [Int] {
        var lines: [Int] = []
        var rootLine = 1
        var line = 1
        var depth = 0
        var target: Int?
        var awaiting = false
        var inString = false
        var escaped = false
        var stringStart = 0
        var lastString: ArraySlice<UInt8> = []
        var key: ArraySlice<UInt8> = []
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == 0x0A { line += 1 }
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 1 { lastString = bytes[stringStart..<index] }
                }
                continue
            }
            if isSpace(byte) { continue }
            if awaiting && depth == target {
                awaiting = false
                if byte != UInt8(ascii: "]") { lines.append(line) }
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                stringStart = index + 1
            case UInt8(ascii: ":") where depth == 1:
                key = lastString
            case UInt8(ascii: "["):
                depth += 1
                if target == nil && (depth == 1 || (depth == 2 && key.elementsEqual("contacts".utf8))) {
                    target = depth
                    awaiting = true
                }
            case UInt8(ascii: "{"):
                if depth == 0 { rootLine = line }
                depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if depth == target { return lines }
                if depth == 1 && target == nil { return [rootLine] }
                depth -= 1
            case UInt8(ascii: ","):
                if depth == target { awaiting = true }
            default:
                break
            }
        }
        return target == nil ? [rootLine] : lines
    }
}
