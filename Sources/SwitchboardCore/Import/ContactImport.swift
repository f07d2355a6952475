/// Reads a CSV or JSON file of contacts and hands them back in batches: valid contacts
/// with their file lines, and a problem (file, line, column, reason) for every row left
/// out. CSV streams in flat memory, so the caller can journal and send batch by batch;
/// JSON is read whole (up to 64 MiB).
///
/// ```swift
/// let source = try ContactImport(path: "leads.csv", options: ImportOptions(account: account))
/// while let batch = try source.nextBatch() { ... }
/// ```
public final class ContactImport {
    /// The file as the caller named it.
    public let path: String
    public let options: ImportOptions
    /// Which field each CSV column fills (nil for JSON).
    public let mapping: ColumnMapping?
    /// The action a vendor request body names (Replify's `"action"`), when it names one.
    public let requestedAction: UpsertAction?
    private var validation: ImportValidation
    private let csv: CSVReader?
    private var headerLine = 1
    private var json: IndexingIterator<[ContactDraft]>?
    private var rowsSeen = 0
    private var finished = false

    /// Opens the file and reads the CSV header (or the whole JSON document). Throws an
    /// `ImportProblem` for what spoils the whole file: it cannot be read, it is empty, the
    /// header is malformed, the mapping does not fit the header, the JSON does not parse.
    public init(path: String, options: ImportOptions) throws(ImportProblem) {
        self.path = path
        self.options = options
        validation = ImportValidation(vendor: options.vendor, defaultCountryCode: options.defaultCountryCode)
        switch options.format ?? ImportFormat(path: path) {
        case .json:
            let contents = try JSONContacts(path: path)
            json = contents.drafts.makeIterator()
            requestedAction = contents.action
            csv = nil
            mapping = nil
        case .csv:
            requestedAction = nil
            let (reader, header) = try Self.openCSV(path: path, chunkSize: options.chunkSize)
            do {
                mapping = try ColumnMapping(header: header.fields, overrides: options.overrides)
            } catch {
                throw ImportProblem(file: path, line: header.line, reason: error.description)
            }
            headerLine = header.line
            csv = reader
        }
    }

    /// The header row of a CSV file, for choosing a mapping before importing it. Throws an
    /// `ImportProblem` when the file cannot be read, is empty, or its header is malformed.
    public static func header(path: String, chunkSize: Int = CSVReader.defaultChunkSize) throws(ImportProblem)
        -> [String]
    {
        try openCSV(path: path, chunkSize: chunkSize).header.fields
    }

    /// A reader of the file, past its header row, and the header.
    private static func openCSV(path: String, chunkSize: Int) throws(ImportProblem) -> (CSVReader, header: CSVRecord) {
        let reader: CSVReader
        let header: CSVRecord?
        do {
            reader = try CSVReader(path: path, chunkSize: chunkSize)
            header = try reader.next()
        } catch let problem as ImportProblem {
            throw problem
        } catch {
            throw ImportProblem(file: path, line: 0, reason: "\(error)")
        }
        guard let header else {
            throw ImportProblem(file: path, line: 0, reason: "the file is empty; a CSV import starts with a header row")
        }
        if let problem = header.problem {
            throw ImportProblem(file: path, line: header.line, reason: "the header row: " + problem.reason)
        }
        return (reader, header)
    }

    /// The next batch, or nil when the file is done. A batch holds up to `batchSize`
    /// contacts (fewer at the end, or when `batchSize` rows in a row were left out); a file
    /// with no rows at all yields one batch holding only a problem that says so. Throws
    /// only when the file cannot be read any further.
    public func nextBatch() throws -> ImportBatch? {
        guard !finished else { return nil }
        var batch = ImportBatch()
        batch.contacts.reserveCapacity(options.batchSize)
        batch.rowNumbers.reserveCapacity(options.batchSize)
        while batch.contacts.count < options.batchSize && batch.problems.count < options.batchSize {
            guard let (draft, fields) = try nextDraft(problems: &batch.problems, rejectedFields: &batch.rejectedFields)
            else {
                finished = true
                if rowsSeen == 0 {
                    let what = csv == nil ? "the file holds no contacts" : "the file has a header but no rows"
                    batch.problems.append(ImportProblem(file: path, line: csv == nil ? 0 : headerLine, reason: what))
                }
                return batch.contacts.isEmpty && batch.problems.isEmpty ? nil : batch
            }
            if let contact = validation.contact(from: draft, file: path, problems: &batch.problems) {
                batch.contacts.append(contact)
                batch.rowNumbers.append(draft.line)
            } else if let fields {
                batch.rejectedFields[draft.line] = fields
            } else if let element = draft.element, let source = draft.source {
                batch.rejectedObjects[element] = source.jsonText
            }
        }
        return batch
    }

    /// The next row as a draft with its CSV fields (none for JSON), skipping rows the CSV
    /// reader could not read or that do not fit the header (their problem goes to
    /// `problems`, the fields of one that was read whole to `rejectedFields`); nil at the
    /// end of the file.
    private func nextDraft(problems: inout [ImportProblem], rejectedFields: inout [Int: [String]]) throws
        -> (ContactDraft, fields: [String]?)?
    {
        if json != nil {
            guard let draft = json!.next() else { return nil }
            rowsSeen += 1
            return (draft, nil)
        }
        guard let csv, let mapping else { return nil }
        while let record = try csv.next() {
            rowsSeen += 1
            if let problem = record.problem {
                let column = problem.field.flatMap { $0 < mapping.header.count ? mapping.header[$0] : nil }
                problems.append(ImportProblem(file: path, line: record.line, column: column, reason: problem.reason))
                continue
            }
            guard record.fields.count == mapping.fields.count else {
                problems.append(
                    ImportProblem(
                        file: path, line: record.line,
                        reason: "the row has \(record.fields.count) fields; the header has \(mapping.fields.count)"))
                rejectedFields[record.line] = record.fields
                continue
            }
            var draft = ContactDraft(line: record.line)
            for index in record.fields.indices {
                draft.set(mapping.fields[index], text: record.fields[index], column: mapping.header[index])
            }
            return (draft, record.fields)
        }
        return nil
    }
}
