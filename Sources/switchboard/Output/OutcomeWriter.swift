import Console
import Foundation
import SwitchboardCore

/// Writes an upsert's per-contact lines as they come, so a million contacts print in flat
/// memory: as a table (column widths from the first `widthSample` rows; later cells are
/// cut to fit) or as one JSON document whose `contacts` array is streamed between the
/// members that sort before it and those after it (`counts`, known only at the end).
struct OutcomeWriter {
    struct Row {
        var line: Int
        var key: String?
        var outcome: String
        var message: String?
    }

    let json: Bool
    /// The document's other members; those sorting after `contacts` may change until `finish`.
    var header: [String: JSONValue]
    private(set) var counts = UpsertSummary.Counts()
    private let style = Style.forStream()
    private var buffer: [UInt8] = []
    /// Table rows held until the widths are known.
    private var sample: [Row] = []
    private var widths: [Int]?
    private var started = false
    private var rowsWritten = 0

    static let widthSample = 1000
    static let maxKeyWidth = 40
    static let maxMessageWidth = 100

    init(json: Bool, header: [String: JSONValue]) {
        self.json = json
        self.header = header
        buffer.reserveCapacity(Self.flushSize + 4096)
    }

    var campaign: String {
        if case .string(let name) = header["campaign"] { return name }
        return ""
    }

    mutating func write(_ row: Row) {
        counts.add(row.outcome)
        if json {
            writeJSON(row)
        } else if widths != nil {
            writeLine(row)
        } else {
            sample.append(row)
            if sample.count >= Self.widthSample { flushSample() }
        }
        if buffer.count >= Self.flushSize { flush() }
    }

    /// Ends the table with `summary`, or the document with its closing members.
    mutating func finish(summary: String) {
        if json {
            startJSON()
            buffer.append(contentsOf: "\n  ],\n".utf8)
            var members = header.filter { $0.key > "contacts" }
            members["counts"] = counts.json
            let closing = members.keys.sorted().map { "  " + Self.member($0, members[$0]!) }
            buffer.append(contentsOf: closing.joined(separator: ",\n").utf8)
            buffer.append(contentsOf: "\n}\n".utf8)
        } else {
            flushSample()
            buffer.append(contentsOf: (summary + "\n").utf8)
        }
        flush()
    }

    // MARK: JSON

    private mutating func startJSON() {
        guard !started else { return }
        started = true
        buffer.append(contentsOf: "{\n".utf8)
        for key in header.keys.sorted() where key < "contacts" {
            buffer.append(contentsOf: ("  " + Self.member(key, header[key]!) + ",\n").utf8)
        }
        buffer.append(contentsOf: "  \"contacts\" : [".utf8)
    }

    private mutating func writeJSON(_ row: Row) {
        startJSON()
        buffer.append(contentsOf: (rowsWritten == 0 ? "\n    " : ",\n    ").utf8)
        rowsWritten += 1
        var writer = JSONWriter(capacity: 128)
        writer.object { writer in
            writer.key("key")
            writer.value(.text(row.key))
            writer.key("line")
            writer.integer(row.line)
            writer.key("message")
            writer.value(.text(row.message))
            writer.key("outcome")
            writer.string(row.outcome)
        }
        buffer.append(contentsOf: writer.bytes)
    }

    private static func member(_ key: String, _ value: JSONValue) -> String {
        var writer = JSONWriter()
        writer.string(key)
        var body = JSONWriter()
        body.value(value)
        return String(decoding: writer.bytes, as: UTF8.self) + " : " + String(decoding: body.bytes, as: UTF8.self)
    }

    // MARK: Table

    private mutating func flushSample() {
        guard widths == nil, !sample.isEmpty else { return }
        var widths = ["LINE", "KEY", "OUTCOME"].map { DisplayText.width(of: $0) }
        for row in sample {
            let cells = Self.cells(row)
            for column in 0..<3 { widths[column] = max(widths[column], DisplayText.width(of: cells[column])) }
        }
        // Later rows are cut to these widths: room for line numbers up to 9,999,999, for
        // every outcome word (`rejected` is the longest), and for keys a little longer than
        // the sample's (`contact-1000` after `contact-1`...`contact-999`).
        widths[0] = max(widths[0], 7)
        widths[2] = max(widths[2], DisplayText.width(of: "rejected"))
        widths[1] = min(max(widths[1], Self.maxKeyWidth), widths[1] + 4)
        self.widths = widths
        let header = ["LINE", "KEY", "OUTCOME"].enumerated().map { column, title in
            style.bold(title) + String(repeating: " ", count: widths[column] - DisplayText.width(of: title))
        }
        buffer.append(contentsOf: (header.joined(separator: "  ") + "  " + style.bold("MESSAGE") + "\n").utf8)
        for row in sample { writeLine(row) }
        sample = []
    }

    private mutating func writeLine(_ row: Row) {
        guard let widths else { return }
        if row.message?.isEmpty ?? true, let word = Self.words.firstIndex(of: row.outcome) {
            var key = row.key ?? ""
            if key.withUTF8({ layoutCommon(line: row.line, key: $0, word: word) }) { return }
        }
        var cells = Self.cells(row)
        var text = ""
        for column in 0..<3 {
            // A line number is never cut: a longer one pushes the row right.
            if column > 0, DisplayText.width(of: cells[column]) > widths[column] {
                cells[column] = DisplayText.truncate(cells[column], toWidth: widths[column])
            }
            let padding = max(0, widths[column] - DisplayText.width(of: cells[column]))
            text += (column == 2 ? style.word(cells[column]) : cells[column]) + String(repeating: " ", count: padding)
            text += "  "
        }
        text += cells[3]
        buffer.append(contentsOf: text.utf8)
        buffer.append(UInt8(ascii: "\n"))
    }

    /// The outcome words a row can have, as `UpsertSummary.Counts` counts them.
    static let words = ["created", "updated", "removed", "ignored", "failed", "rejected"]

    /// `write(_:)` of a row with no message, its key as bytes and its word by its index in
    /// `words` (a journal read a chunk at a time: no `Row` or string per contact). False,
    /// with nothing written or counted, for a row only `write(_:)` lays out.
    mutating func writeCommon(line: Int, key: UnsafeBufferPointer<UInt8>, word: Int) -> Bool {
        guard !json, widths != nil, layoutCommon(line: line, key: key, word: word) else { return false }
        counts.add(wordAt: word)
        if buffer.count >= Self.flushSize { flush() }
        return true
    }

    /// Per word of `words`, a common row with blank line and key cells: the spaces before
    /// the word, the word styled, its padding, the line's end; all in one array, each at
    /// its range. Made once the widths are known, with the widths the rows need.
    private var rowTemplates: [UInt8] = []
    private var rowTemplateRanges: [Range<Int>] = []
    /// Where the key cell starts in a row.
    private var keyAt = 0
    /// The longest line number's digits, and the longest key, a common row takes.
    private var lineDigits = 0
    private var keyLimit = 0

    /// The common row (no message, a key of printable ASCII that fits its column, a line
    /// number that fits its own) straight into the buffer: its word's template, then the
    /// line number and the key copied in. False, with nothing written, for any other row.
    private mutating func layoutCommon(line number: Int, key: UnsafeBufferPointer<UInt8>, word: Int) -> Bool {
        guard number >= 0, word >= 0, word < Self.words.count else { return false }
        if rowTemplateRanges.isEmpty {
            guard let widths else { return false }
            keyAt = widths[0] + 2
            lineDigits = widths[0]
            keyLimit = min(widths[1], Self.maxKeyWidth)
            for word in Self.words {
                let start = rowTemplates.count
                rowTemplates += [UInt8](repeating: UInt8(ascii: " "), count: keyAt + widths[1] + 2)
                rowTemplates += style.word(word).utf8
                rowTemplates += [UInt8](repeating: UInt8(ascii: " "), count: max(0, widths[2] - word.utf8.count) + 2)
                rowTemplates.append(UInt8(ascii: "\n"))
                rowTemplateRanges.append(start..<rowTemplates.count)
            }
        }
        guard key.count <= keyLimit else { return false }
        for byte in key where byte < 0x20 || byte >= 0x7F { return false }
        // The line number's digits, last first.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        return withUnsafeMutableBytes(of: &digits) { scratch in
            var value = number
            var start = scratch.count
            repeat {
                start -= 1
                scratch[start] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            } while value > 0
            let count = scratch.count - start
            guard count <= lineDigits else { return false }
            let rowAt = buffer.count
            let range = rowTemplateRanges[word]
            rowTemplates.withUnsafeBufferPointer { templates in
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: templates[range]))
            }
            buffer.withUnsafeMutableBufferPointer { bytes in
                let row = bytes.baseAddress! + rowAt
                memcpy(row, scratch.baseAddress! + start, count)
                if let keyBytes = key.baseAddress { memcpy(row + keyAt, keyBytes, key.count) }
            }
            return true
        }
    }

    /// The four cells of a row, escaped and cut.
    private static func cells(_ row: Row) -> [String] {
        [
            String(row.line), DisplayText.truncate(DisplayText.sanitize(row.key ?? ""), toWidth: maxKeyWidth),
            row.outcome, DisplayText.truncate(DisplayText.sanitize(row.message ?? ""), toWidth: maxMessageWidth),
        ]
    }

    // MARK: Output

    private static let flushSize = 1 << 16

    private mutating func flush() {
        guard !buffer.isEmpty else { return }
        fflush(nil)
        buffer.withUnsafeBufferPointer { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(STDOUT_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 {
                    if written < 0 && errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
