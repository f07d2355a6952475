import Foundation
import SwitchboardCore

/// Temporary import files for the import tests.
enum ImportFixture {
    /// Writes `bytes` to a new file in a fresh temporary folder and returns its path.
    static func file(_ bytes: [UInt8], name: String = "contacts.csv") -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "switchboard-import-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    static func file(_ text: String, name: String = "contacts.csv") -> String {
        file(Array(text.utf8), name: name)
    }

    /// Every record of a CSV text, read with `chunkSize`.
    static func records(_ text: String, chunkSize: Int = CSVReader.defaultChunkSize) throws -> [CSVRecord] {
        try records(Array(text.utf8), chunkSize: chunkSize)
    }

    static func records(
        _ bytes: [UInt8], chunkSize: Int = CSVReader.defaultChunkSize,
        maxFieldBytes: Int = CSVReader.defaultMaxFieldBytes
    )
        throws -> [CSVRecord]
    {
        let reader = try CSVReader(path: file(bytes), chunkSize: chunkSize, maxFieldBytes: maxFieldBytes)
        var records: [CSVRecord] = []
        while let record = try reader.next() { records.append(record) }
        return records
    }

    /// Every batch of an import of `text` (a CSV unless `name` says otherwise).
    static func batches(_ text: String, name: String = "contacts.csv", options: ImportOptions) throws -> [ImportBatch] {
        let source = try ContactImport(path: file(text, name: name), options: options)
        var batches: [ImportBatch] = []
        while let batch = try source.nextBatch() { batches.append(batch) }
        return batches
    }
}
