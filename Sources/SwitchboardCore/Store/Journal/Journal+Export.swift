import Foundation

/// The CSVs an export wrote: the failed contacts, and the rejected rows in a file of their own.
public struct ExportedFailures: Hashable, Sendable {
    /// The failed contacts' file; nil when none failed.
    public var path: String?
    public var count: Int
    /// The rejected rows' file (`RejectCSV`); nil when none was kept.
    public var rejectsPath: String?
    public var rejectCount: Int

    public init(path: String?, count: Int, rejectsPath: String? = nil, rejectCount: Int = 0) {
        self.path = path
        self.count = count
        self.rejectsPath = rejectsPath
        self.rejectCount = rejectCount
    }

    /// The status line: what went where.
    public var text: String {
        var parts: [String] = []
        if let path { parts.append("\(count) failed contact\(count == 1 ? "" : "s") to \(path)") }
        if let rejectsPath {
            let rows = "\(rejectCount) rejected row\(rejectCount == 1 ? "" : "s")"
            parts.append("\(rows) (the reasons, then the rows to fix and import again) to \(rejectsPath)")
        }
        return parts.isEmpty ? "nothing to export" : "wrote " + parts.joined(separator: " and ")
    }
}

extension Journal {
    /// Writes the entry's failed contacts to a CSV, mode 0600, and its rejected rows (line,
    /// column, reason, then the row as the file had it: fixed, that file imports again) to a
    /// sibling CSV: next to the file it imported, else in `exports/` in the data directory
    /// (`FailureExport`). A file that would be empty is not written.
    public func exportFailures(of entryID: Int64, at date: Date = Date()) async throws -> ExportedFailures {
        let entry = try await entry(entryID)
        func path(_ kind: String, extension fileExtension: String = "csv") -> String {
            FailureExport.path(
                entryID: entryID, sourcePath: entry?.sourcePath,
                dataDirectory: URL(fileURLWithPath: store.path).deletingLastPathComponent().path,
                stamp: Int64(date.timeIntervalSince1970), kind: kind, extension: fileExtension)
        }
        var exported = ExportedFailures(path: nil, count: 0)
        var text = FailureCSV.header
        try await KeysetPages.forEach(
            page: { try await self.failedContacts(of: entryID, after: $0, limit: $1) }, key: \.position
        ) { page in
            for row in page { text += FailureCSV.line(row) }
            exported.count += page.count
        }
        if exported.count > 0 {
            exported.path = path("failed")
            try SecureFile.write(text, to: exported.path!)
        }
        // A JSON import's rejected contacts go to a JSON file (`RejectJSON`), a CSV's rows to a CSV.
        var json: Bool?
        var objects: [String] = []
        text = RejectCSV.header(source: entry?.sourceHeader)
        try await KeysetPages.forEach(
            page: { try await self.rejects(of: entryID, after: $0, limit: $1) }, key: \.order
        ) { page in
            for reject in page {
                if json == nil { json = reject.jsonElement != nil && entry?.sourceHeader == nil }
                if json == true {
                    objects.append(RejectJSON.object(reject))
                } else {
                    text += RejectCSV.line(reject, source: entry?.sourceHeader)
                }
            }
            exported.rejectCount += page.count
        }
        if exported.rejectCount > 0 {
            exported.rejectsPath = path("rejected", extension: json == true ? "json" : "csv")
            try SecureFile.write(json == true ? RejectJSON.document(objects) : text, to: exported.rejectsPath!)
        }
        return exported
    }
}

/// The failed-contacts CSV: the contact's own columns, then what the vendor said.
public enum FailureCSV {
    public static let header =
        "external_id,first_name,last_name,email,phone,phone_numbers,timezone,scheduled_at,vendor_id,position,outcome,message\n"

    public static func line(_ row: JournalContact) -> String {
        let contact = row.contact
        let cells: [String?] = [
            contact.externalID, contact.firstName, contact.lastName, contact.email, contact.phoneNumbers.first,
            contact.phoneNumbers.joined(separator: " "), contact.timezone, contact.scheduledAt,
            row.vendorID ?? contact.vendorID, String(row.position), row.outcome, row.message,
        ]
        return cells.map { quoted($0 ?? "") }.joined(separator: ",") + "\n"
    }

    public static func quoted(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// A JSON import's rejected contacts as a JSON array the operator fixes and imports again,
/// one contact a line: each as the file had it, with the note members first
/// (`rejected_line`, `rejected_column`, `rejected_reason`, which the import skips). A contact
/// that was not an object is kept as `rejected_value`; one not kept (journaled before v11)
/// has the notes alone.
public enum RejectJSON {
    public static func object(_ reject: JournalReject) -> String {
        var notes: [(String, JSONValue)] = [
            ("rejected_line", .number(Double(reject.line))),
            ("rejected_column", reject.column.map(JSONValue.string) ?? .null),
            ("rejected_reason", .string(reject.reason)),
        ]
        var members: [(String, JSONValue)] = []
        if let text = reject.fields?.first,
            let value = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        {
            if case .object(let fields) = value {
                members = fields.keys.sorted().filter { !RejectCSV.isNote($0) }.map { ($0, fields[$0]!) }
            } else {
                notes.append(("rejected_value", value))
            }
        }
        let all = notes + members
        return "{" + all.map { JSONValue.string($0.0).jsonText + ":" + $0.1.jsonText }.joined(separator: ",") + "}"
    }

    public static func document(_ objects: [String]) -> String {
        "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }
}

/// The rejected rows' CSV, as the operator fixes it and imports it again: three note columns
/// (the file line, the columns named, why), then the row's own fields under the imported
/// file's header, padded to its width so the file stays rectangular (a row whose fields were
/// not kept has empty cells; one with more fields keeps them all). Importing it maps the note
/// columns to `skip` (`ColumnMapping.autoFields`).
public enum RejectCSV {
    /// The note columns, first in the file.
    public static let noteColumns = ["rejected_line", "rejected_column", "rejected_reason"]

    /// Whether a header names one of the note columns (ignoring case and spaces).
    public static func isNote(_ header: String) -> Bool {
        noteColumns.contains(header.trimmingSpaces.lowercased())
    }

    /// The header row: the note columns, then the imported file's header when it was kept.
    public static func header(source: [String]?) -> String {
        (noteColumns + (source ?? [])).map(FailureCSV.quoted).joined(separator: ",") + "\n"
    }

    public static func line(_ reject: JournalReject, source: [String]?) -> String {
        var cells = [String(reject.line), reject.column ?? "", reject.reason]
        if let source {
            let fields = reject.fields ?? []
            cells += fields + Array(repeating: "", count: max(0, source.count - fields.count))
        }
        return cells.map(FailureCSV.quoted).joined(separator: ",") + "\n"
    }
}
