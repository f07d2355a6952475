#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads an RFC 4180 CSV file one record at a time in flat memory: the file is read in
/// fixed chunks with `read(2)` and only the current record's bytes are kept, up to a
/// bounded size. Quoted fields may hold commas, doubled quotes and line breaks; lines end
/// in LF, CRLF or CR; a UTF-8 byte order mark is skipped; blank lines are skipped.
///
/// A malformed record comes back with its `problem` set and the reader goes on with the
/// next one; only I/O errors throw.
public final class CSVReader {
    /// Bytes read from the file at a time.
    public static let defaultChunkSize = 64 * 1024
    /// The longest field kept; a longer one makes its record a `.fieldTooLarge` problem.
    public static let defaultMaxFieldBytes = 64 * 1024
    /// The longest record kept, all fields together.
    public static let defaultMaxRecordBytes = 1024 * 1024
    /// The most fields a record may have.
    public static let defaultMaxFields = 1024

    /// The file as the caller named it.
    public let path: String
    private var scanner: CSVScanner

    /// Opens `path` for reading. Throws an `ImportProblem` naming the file when it cannot be opened.
    public init(
        path: String, chunkSize: Int = defaultChunkSize, maxFieldBytes: Int = defaultMaxFieldBytes,
        maxRecordBytes: Int = defaultMaxRecordBytes, maxFields: Int = defaultMaxFields
    ) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw ImportProblem(
                file: path, line: 0, reason: "cannot open the file: \(String(cString: strerror(errno)))")
        }
        self.path = path
        scanner = CSVScanner(
            path: path, descriptor: descriptor, chunkSize: max(chunkSize, 1), maxFieldBytes: maxFieldBytes,
            maxRecordBytes: max(maxRecordBytes, maxFieldBytes), maxFields: maxFields)
    }

    deinit {
        close(scanner.descriptor)
        scanner.chunk.deallocate()
        scanner.record.deallocate()
    }

    /// Bytes held by the reader's buffers right now: the read chunk, the record buffer and the
    /// field offsets. Stays under `chunkSize + 2 * maxRecordBytes + 8 * maxFields` whatever
    /// the file's size.
    public var bufferCapacity: Int {
        scanner.chunkCapacity + scanner.recordCapacity + scanner.fieldEnds.capacity * MemoryLayout<Int>.stride
    }

    /// The next record, or nil at the end of the file. Throws an `ImportProblem` only when
    /// the file cannot be read.
    public func next() throws -> CSVRecord? {
        try scanner.next()
    }
}

/// The reader's state and parser, a value so the hot loop works on it in place.
struct CSVScanner {
    let path: String
    let descriptor: Int32
    let chunkSize: Int
    let maxFieldBytes: Int
    let maxRecordBytes: Int
    let maxFields: Int
    let chunk: UnsafeMutablePointer<UInt8>
    let chunkCapacity: Int
    private var chunkEnd = 0
    private var position = 0
    private var atEndOfFile = false
    private var started = false

    private(set) var record: UnsafeMutablePointer<UInt8>
    private(set) var recordCapacity = 256
    private var recordCount = 0
    private var fieldStart = 0
    private(set) var fieldEnds: [Int] = []
    private var skipping = false
    private var problem: CSVProblem?
    private var line = 1
    private var skipLineFeed = false

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    init(path: String, descriptor: Int32, chunkSize: Int, maxFieldBytes: Int, maxRecordBytes: Int, maxFields: Int) {
        self.path = path
        self.descriptor = descriptor
        self.chunkSize = chunkSize
        self.maxFieldBytes = maxFieldBytes
        self.maxRecordBytes = maxRecordBytes
        self.maxFields = maxFields
        // Room for the three bytes of a byte order mark even with a tiny chunk size.
        chunkCapacity = max(chunkSize, 3)
        chunk = .allocate(capacity: chunkCapacity)
        record = .allocate(capacity: recordCapacity)
        fieldEnds.reserveCapacity(64)
    }

    mutating func next() throws -> CSVRecord? {
        var state = State.fieldStart
        var recordLine = line
        var quoteLine = line
        recordCount = 0
        fieldStart = 0
        fieldEnds.removeAll(keepingCapacity: true)
        skipping = false
        problem = nil

        while true {
            if position == chunkEnd {
                guard try refill() else {
                    switch state {
                    case .fieldStart where fieldEnds.isEmpty:
                        return nil
                    case .quoted:
                        problem = problem ?? .unterminatedQuote(field: fieldEnds.count, line: quoteLine)
                    default:
                        break
                    }
                    return finishRecord(line: recordLine)
                }
            }
            if skipLineFeed {
                skipLineFeed = false
                if chunk[position] == UInt8(ascii: "\n") {
                    position += 1
                    continue
                }
            }
            switch state {
            case .fieldStart:
                let byte = chunk[position]
                switch byte {
                case UInt8(ascii: "\""):
                    position += 1
                    quoteLine = line
                    state = .quoted
                case UInt8(ascii: ","):
                    position += 1
                    endField()
                case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                    position += 1
                    endLine(byte)
                    if fieldEnds.isEmpty {
                        recordLine = line
                        quoteLine = line
                        continue
                    }
                    return finishRecord(line: recordLine)
                default:
                    state = .unquoted
                }
            case .unquoted:
                let start = position
                var index = position
                while index < chunkEnd {
                    let byte = chunk[index]
                    if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
                        || byte == UInt8(ascii: "\"")
                    {
                        break
                    }
                    index += 1
                }
                append(chunk + start, index - start)
                position = index
                guard index < chunkEnd else { continue }
                let byte = chunk[index]
                position += 1
                switch byte {
                case UInt8(ascii: ","):
                    endField()
                    state = .fieldStart
                case UInt8(ascii: "\""):
                    problem = problem ?? .strayQuote(field: fieldEnds.count, line: line)
                    append(chunk + index, 1)
                default:
                    endLine(byte)
                    return finishRecord(line: recordLine)
                }
            case .quoted:
                let start = position
                var index = position
                while index < chunkEnd {
                    let byte = chunk[index]
                    if byte == UInt8(ascii: "\"") { break }
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    index += 1
                }
                append(chunk + start, index - start)
                position = index
                if index < chunkEnd {
                    position += 1
                    state = .quoteInQuoted
                }
            case .quoteInQuoted:
                let byte = chunk[position]
                switch byte {
                case UInt8(ascii: "\""):
                    append(chunk + position, 1)
                    position += 1
                    state = .quoted
                case UInt8(ascii: ","):
                    position += 1
                    endField()
                    state = .fieldStart
                case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                    position += 1
                    endLine(byte)
                    return finishRecord(line: recordLine)
                default:
                    problem = problem ?? .textAfterClosingQuote(field: fieldEnds.count, line: line)
                    state = .unquoted
                }
            }
        }
    }

    /// Reads the next chunk; false at the end of the file. The first read skips a byte order mark.
    private mutating func refill() throws -> Bool {
        guard !atEndOfFile else { return false }
        chunkEnd = 0
        position = 0
        let wanted = started ? chunkSize : chunkCapacity
        while chunkEnd < (started ? 1 : 3) {
            let count = read(descriptor, chunk + chunkEnd, wanted - chunkEnd)
            if count < 0 {
                if errno == EINTR { continue }
                throw ImportProblem(
                    file: path, line: line, reason: "cannot read the file: \(String(cString: strerror(errno)))")
            }
            if count == 0 {
                atEndOfFile = true
                break
            }
            chunkEnd += count
        }
        if !started {
            started = true
            if chunkEnd >= 3 && chunk[0] == 0xEF && chunk[1] == 0xBB && chunk[2] == 0xBF {
                position = 3
                if position == chunkEnd { return try refill() }
            }
        }
        return position < chunkEnd
    }

    private mutating func endLine(_ byte: UInt8) {
        line += 1
        skipLineFeed = byte == UInt8(ascii: "\r")
    }

    private mutating func append(_ bytes: UnsafePointer<UInt8>, _ count: Int) {
        guard count > 0, !skipping else { return }
        guard recordCount - fieldStart + count <= maxFieldBytes else {
            problem = problem ?? .fieldTooLarge(field: fieldEnds.count, limit: maxFieldBytes)
            skipping = true
            return
        }
        guard recordCount + count <= maxRecordBytes else {
            problem = problem ?? .recordTooLarge(limit: maxRecordBytes)
            skipping = true
            return
        }
        if recordCount + count > recordCapacity {
            var capacity = recordCapacity * 2
            while capacity < recordCount + count { capacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.update(from: record, count: recordCount)
            record.deallocate()
            record = grown
            recordCapacity = capacity
        }
        (record + recordCount).update(from: bytes, count: count)
        recordCount += count
    }

    private mutating func endField() {
        guard fieldEnds.count < maxFields else {
            problem = problem ?? .tooManyFields(limit: maxFields)
            skipping = true
            return
        }
        fieldEnds.append(recordCount)
        fieldStart = recordCount
    }

    private mutating func finishRecord(line recordLine: Int) -> CSVRecord {
        endField()
        if problem != nil {
            return CSVRecord(line: recordLine, fields: [], problem: problem)
        }
        var fields: [String] = []
        fields.reserveCapacity(fieldEnds.count)
        var start = 0
        for (index, end) in fieldEnds.enumerated() {
            let bytes = UnsafeBufferPointer(start: record + start, count: end - start)
            if Self.isASCII(bytes) || String(validating: bytes, as: UTF8.self) != nil {
                fields.append(String(decoding: bytes, as: UTF8.self))
            } else {
                let offset = Self.firstInvalidUTF8(in: bytes)
                let before = UnsafeBufferPointer(start: record, count: start + offset)
                let badLine = recordLine + before.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
                return CSVRecord(
                    line: recordLine, fields: [], problem: .invalidUTF8(field: index, line: badLine, byteOffset: offset)
                )
            }
            start = end
        }
        return CSVRecord(line: recordLine, fields: fields)
    }

    /// True when no byte has its high bit set, read eight bytes at a time.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var index = 0
        var bits: UInt64 = 0
        while index + 8 <= bytes.count {
            bits |= UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            index += 8
        }
        while index < bytes.count {
            bits |= UInt64(base[index])
            index += 1
        }
        return bits & 0x8080_8080_8080_8080 == 0
    }

    /// The offset of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error: return offset
            case .emptyInput: return offset
            }
        }
    }
}
