/// `COLUMN=FIELD` pairs given by the operator (the CLI's `--map`), checked before any file is read.
public struct ColumnOverrides: Sendable, Hashable {
    /// One `COLUMN=FIELD` pair, FIELD as written.
    public struct Pair: Sendable, Hashable {
        public var column: String
        public var field: String
    }

    /// The pairs in the order given.
    public var pairs: [Pair]

    /// No overrides: the header's auto-mapping stands.
    public init() {
        pairs = []
    }

    /// Parses `COLUMN=FIELD` arguments. Throws for a pair without `=` or a FIELD that is not a
    /// field name (see `ContactField.mappingNames`), naming it.
    public init(parsing arguments: [String]) throws(ImportMappingError) {
        pairs = []
        for argument in arguments {
            guard let equals = argument.lastIndex(of: "=") else { throw .malformedPair(argument) }
            let column = String(argument[..<equals]).trimmingSpaces
            let field = String(argument[argument.index(after: equals)...]).trimmingSpaces
            guard !column.isEmpty else { throw .malformedPair(argument) }
            guard ContactField(mappingName: field, column: column) != nil else {
                throw .unknownField(field, column: column)
            }
            pairs.append(Pair(column: column, field: field))
        }
    }
}

/// A mistake in the column mapping, found before any row is imported.
public enum ImportMappingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An argument that is not `COLUMN=FIELD`.
    case malformedPair(String)
    /// FIELD is not a field name.
    case unknownField(String, column: String)
    /// The mapping names a column the file's header does not have.
    case unknownColumn(String, header: [String])
    /// Two columns fill a field a contact has only one of.
    case duplicateField(ContactField, columns: [String])

    public var description: String {
        switch self {
        case .malformedPair(let argument):
            "mapping \"\(argument)\" is not COLUMN=FIELD"
        case .unknownField(let field, let column):
            "mapping for column \"\(column)\": unknown field \"\(field)\"; fields are "
                + ContactField.mappingNames.joined(separator: ", ")
        case .unknownColumn(let column, let header):
            "mapping names column \"\(column)\", which the header does not have (columns: "
                + header.map { "\"\($0)\"" }.joined(separator: ", ") + ")"
        case .duplicateField(let field, let columns):
            "columns " + columns.map { "\"\($0)\"" }.joined(separator: " and ")
                + " both map to \(field); map all but one elsewhere (e.g. COLUMN=skip)"
        }
    }
}

/// Which field each column of a CSV file fills: auto-mapped from the header as Anyreach's
/// uploader does, then overridden by the operator's pairs. Unmapped columns go to `data`
/// under their header name.
public struct ColumnMapping: Sendable, Hashable {
    /// The header, as read.
    public var header: [String]
    /// The field of each column, in column order.
    public var fields: [ContactField]

    /// Maps `header`. Throws when an override names a column the header lacks, or when two
    /// columns would fill the same single field.
    public init(header: [String], overrides: ColumnOverrides = ColumnOverrides()) throws(ImportMappingError) {
        self.header = header
        var fields = Self.autoFields(header: header)
        for pair in overrides.pairs {
            let (column, field) = (pair.column, pair.field)
            let matches = header.indices.filter { header[$0].trimmingSpaces == column }
            let found = matches.isEmpty ? header.indices.filter { Self.same(header[$0], column) } : matches
            guard !found.isEmpty else { throw .unknownColumn(column, header: header) }
            for index in found {
                fields[index] = ContactField(mappingName: field, column: header[index].trimmingSpaces)!
            }
        }
        for field in Set(fields) where field.isSingle || Self.isData(field) {
            let columns = fields.indices.filter { fields[$0] == field }
            if columns.count > 1 { throw .duplicateField(field, columns: columns.map { header[$0] }) }
        }
        self.fields = fields
    }

    /// The field each column of `header` fills when the operator names none: the field its
    /// name says (as Anyreach's uploader reads headers), else `data` under its name; the note
    /// columns of a rejected-rows file (`RejectCSV`) are skipped.
    public static func autoFields(header: [String]) -> [ContactField] {
        header.enumerated().map { index, name in
            let trimmed = name.trimmingSpaces
            // The notes of an exported rejected-rows file are not the contact's.
            if RejectCSV.isNote(trimmed) { return .skip }
            return ContactField(header: trimmed) ?? .data(trimmed.isEmpty ? "column \(index + 1)" : trimmed)
        }
    }

    private static func same(_ header: String, _ column: String) -> Bool {
        header.trimmingSpaces.lowercased() == column.lowercased()
    }

    private static func isData(_ field: ContactField) -> Bool {
        if case .data = field { true } else { false }
    }
}
