// The bulk lane of a CSV upsert to Anyreach (issue #4): the file is scanned, validated
// and encoded at byte level straight into the vendor's request bodies, one per 1000 valid
// contacts, each journaled as one `journalChunk` row (the body exactly as sent, each
// contact's key and file line). The checks are `ImportValidation`'s for the fields the lane
// takes; a rejected row is worded by `ImportValidation` itself, so its messages are today's.
// A file the lane cannot take exactly (see `BulkLaneFallback`) takes the regular path.

import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bulk lane cannot take this file (a column it does not encode, a row only the regular
/// path words exactly): the regular path imports it, from the start.
struct BulkLaneFallback: Error {}

// MARK: - The plan: what each column does, decided once from the header

struct BulkPlan {
    enum Kind: Equatable {
        case skip, email, phone, firstName, lastName, externalID, id, timezone, scheduledAt
        /// A `data` member: its index in `dataMembers`.
        case data(Int)
    }

    /// What fills a `data` member: a data column (untrimmed) or a name or email (trimmed).
    struct DataMember {
        var keyBytes: [UInt8]  // `"key":`
        var column: Int
        var trimmed: Bool
    }

    var kinds: [Kind]
    var header: [String]
    var fields: [ContactField]
    /// The members of `data`, in the order `JSONWriter` writes them (sorted by key).
    var members: [DataMember]
    var emailColumn: Int?
    var externalIDColumn: Int?
    var idColumn: Int?
    var timezoneColumn: Int?
    var scheduledAtColumn: Int?
    var phoneColumns: [Int]
    /// The default country code's digits (nil: none set).
    var countryCode: [UInt8]
    var defaultCountryCode: String?

    init(mapping: ColumnMapping, defaultCountryCode: String?) throws {
        header = mapping.header
        fields = mapping.fields
        self.defaultCountryCode = defaultCountryCode
        countryCode = Array((defaultCountryCode ?? "").utf8.filter { $0 >= 48 && $0 <= 57 })
        kinds = []
        phoneColumns = []
        var named: [(key: String, column: Int, trimmed: Bool)] = []
        for (column, field) in mapping.fields.enumerated() {
            switch field {
            case .skip: kinds.append(.skip)
            case .email:
                kinds.append(.email)
                emailColumn = column
                named.append(("email", column, true))
            case .phone:
                kinds.append(.phone)
                phoneColumns.append(column)
            case .firstName:
                kinds.append(.firstName)
                named.append(("first_name", column, true))
            case .lastName:
                kinds.append(.lastName)
                named.append(("last_name", column, true))
            case .externalID:
                kinds.append(.externalID)
                externalIDColumn = column
            case .id:
                kinds.append(.id)
                idColumn = column
            case .data(let key):
                if AnyreachContactInput.agentOverrideKeys.contains(key)
                    || ["first_name", "last_name", "email"].contains(key)
                {
                    throw BulkLaneFallback()
                }
                kinds.append(.skip)  // fixed below
                named.append((key, column, false))
            case .timezone:
                kinds.append(.timezone)
                timezoneColumn = column
            case .scheduledAt:
                kinds.append(.scheduledAt)
                scheduledAtColumn = column
            case .status, .tags:
                throw BulkLaneFallback()
            }
        }
        named.sort { $0.key < $1.key }
        members = []
        for (index, member) in named.enumerated() {
            var writer = JSONWriter(capacity: 32)
            writer.key(member.key)
            members.append(DataMember(keyBytes: writer.bytes, column: member.column, trimmed: member.trimmed))
            if !member.trimmed { kinds[member.column] = .data(index) }
        }
    }
}

// MARK: - A growable byte buffer

struct ByteSink {
    var base: UnsafeMutablePointer<UInt8>
    var count = 0
    var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    func release() { base.deallocate() }

    @inline(__always) mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    mutating func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }

    @inline(__always) mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always) mutating func append(_ bytes: UnsafePointer<UInt8>, _ length: Int) {
        reserve(length)
        Self.copy(base + count, bytes, length)
        count += length
    }

    /// Copies `length` bytes; one that fits in 16 is copied by two overlapping loads and
    /// stores, not a call to `memmove` (most of a row's keys and values are that short).
    @inline(__always) static func copy(_ target: UnsafeMutablePointer<UInt8>, _ source: UnsafePointer<UInt8>, _ length: Int) {
        let from = UnsafeRawPointer(source)
        let to = UnsafeMutableRawPointer(target)
        switch length {
        case 8...16:
            let head = from.loadUnaligned(as: UInt64.self)
            let tail = from.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: length - 8, as: UInt64.self)
        case 4..<8:
            let head = from.loadUnaligned(as: UInt32.self)
            let tail = from.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self)
            to.storeBytes(of: head, as: UInt32.self)
            to.storeBytes(of: tail, toByteOffset: length - 4, as: UInt32.self)
        case 1..<4:
            target[0] = source[0]
            target[length >> 1] = source[length >> 1]
            target[length - 1] = source[length - 1]
        case 0:
            break
        default:
            target.update(from: source, count: length)
        }
    }

    @inline(__always) mutating func append(_ text: StaticString) {
        append(text.utf8Start, text.utf8CodeUnitCount)
    }

    // Appends without a capacity check, for a caller that reserved room first.
    @inline(__always) mutating func put(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    @inline(__always) mutating func put(_ bytes: UnsafePointer<UInt8>, _ length: Int) {
        Self.copy(base + count, bytes, length)
        count += length
    }

    @inline(__always) mutating func put(_ text: StaticString) {
        put(text.utf8Start, text.utf8CodeUnitCount)
    }

    /// A JSON string: the text quoted and, when `escape`, escaped as `JSONWriter` escapes
    /// it. The caller reserved room: the text's length and two, or six bytes a byte when
    /// `escape` (the longest escape, `\u00XX`).
    @inline(__always) mutating func putQuoted(_ bytes: UnsafePointer<UInt8>, _ length: Int, escape: Bool) {
        if escape { return putEscaped(bytes, length) }
        base[count] = 0x22
        Self.copy(base + count + 1, bytes, length)
        base[count + 1 + length] = 0x22
        count += length + 2
    }

    @inline(never) mutating func putEscaped(_ bytes: UnsafePointer<UInt8>, _ length: Int) {
        var at = count
        base[at] = 0x22
        at += 1
        for index in 0..<length {
            let byte = bytes[index]
            if byte >= 0x20 && byte != 0x22 && byte != 0x5C {
                base[at] = byte
                at += 1
                continue
            }
            base[at] = 0x5C
            switch byte {
            case 0x22: base[at + 1] = 0x22; at += 2
            case 0x5C: base[at + 1] = 0x5C; at += 2
            case 0x0A: base[at + 1] = UInt8(ascii: "n"); at += 2
            case 0x0D: base[at + 1] = UInt8(ascii: "r"); at += 2
            case 0x09: base[at + 1] = UInt8(ascii: "t"); at += 2
            default:
                base[at + 1] = UInt8(ascii: "u")
                base[at + 2] = 0x30
                base[at + 3] = 0x30
                base[at + 4] = JSONWriter.hexDigits[Int(byte >> 4)]
                base[at + 5] = JSONWriter.hexDigits[Int(byte & 0xF)]
                at += 6
            }
        }
        base[at] = 0x22
        count = at + 1
    }

    /// A key of `JournalChunk.keys`: a newline or backslash in it is escaped (`\\n`, `\\\\`).
    mutating func appendKey(_ bytes: UnsafePointer<UInt8>, _ length: Int, escape: Bool) {
        guard escape else { return append(bytes, length) }
        for index in 0..<length {
            switch bytes[index] {
            case 0x0A: append("\\n")
            case 0x5C: append("\\\\")
            default: append(bytes[index])
            }
        }
    }
}

// MARK: - The encoder: CSV bytes in, one JSON body per 1000 valid rows out

struct BulkEncoder {
    /// Byte classes: bit 0 needs a JSON escape, bit 1 not ASCII, bit 2 ends an unquoted field.
    private static let classes: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for byte in 0..<0x20 { table[byte] |= 1 }
        table[0x5C] |= 1
        for byte in 0x80..<0x100 { table[byte] |= 2 }
        for byte in [UInt8(ascii: ","), 0x0A, 0x0D, 0x22] { table[Int(byte)] |= 4 }
        return table
    }()

    let plan: BulkPlan
    let descriptor: Int32
    let path: String
    static let bufferSize = 4 << 20
    let buffer: UnsafeMutablePointer<UInt8>
    var position = 0
    var end = 0
    var atEOF = false
    var line = 1
    let classTable: UnsafeMutablePointer<UInt8>
    let emailTable: UnsafeMutablePointer<UInt8>
    // The current record's fields.
    let fieldBase: UnsafeMutablePointer<UnsafePointer<UInt8>>
    let fieldLength: UnsafeMutablePointer<Int>
    let fieldFlags: UnsafeMutablePointer<UInt8>
    static let maxFields = 1024
    var fieldCount = 0
    /// Fields with doubled quotes, unescaped (one record's worth).
    let scratch: UnsafeMutablePointer<UInt8>
    var scratchCount = 0
    var recordProblem: String?
    /// The line the current record starts on (after blank lines).
    var recordLine = 1
    /// Validated phone numbers of the current row, E.164, 32 bytes each (first byte: length).
    let phones: UnsafeMutablePointer<UInt8>
    var phoneCount = 0

    // The plan's data members and phone columns, flat.
    let memberKeys: UnsafeMutablePointer<UInt8>
    let memberKeyStart: UnsafeMutablePointer<Int>
    let memberKeyLength: UnsafeMutablePointer<Int>
    let memberColumn: UnsafeMutablePointer<Int>
    let memberTrimmed: UnsafeMutablePointer<Bool>
    let memberCount: Int
    let phoneColumns: UnsafeMutablePointer<Int>
    let phoneColumnCount: Int
    /// A row's JSON beyond its fields' bytes: member names, quotes, commas, brackets, and
    /// each phone number's `+`, country code and quotes.
    let rowOverhead: Int

    /// The default country code's digits, packed little-endian (at most 4; more is refused).
    let countryCode: UInt32
    let countryCodeCount: Int

    var body: ByteSink
    /// The chunk's keys, newline-separated and front-coded (`OutcomeRun.keys`).
    var keys: ByteSink
    /// The chunk's previous key, whole (escaped), which the next is coded against.
    var previousKey: ByteSink
    /// The chunk's file lines, 4 bytes little-endian each.
    var lines: ByteSink
    var chunkCount = 0
    /// Rows left out, with exactly the problems the regular path gives them (`ImportValidation`).
    var problems: [ImportProblem] = []
    var rejectedFields: [Int: [String]] = [:]
    /// Rows left out (one per file line).
    var rejectedRows = 0
    var rowsSeen = 0
    /// The file as the operator named it (the problems name it).
    let file: String
    var validation: ImportValidation

    init(path: String, file: String, plan: BulkPlan, vendor: Vendor) throws {
        self.plan = plan
        self.path = path
        self.file = file
        validation = ImportValidation(vendor: vendor, defaultCountryCode: plan.defaultCountryCode)
        keys = ByteSink(capacity: 32 * 1024)
        previousKey = ByteSink(capacity: 256)
        lines = ByteSink(capacity: 4 * 1024)
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw ImportProblem(file: path, line: 0, reason: "cannot open the file") }
        // 8 bytes of slack: the word-at-a-time scan reads up to 7 bytes past the data.
        buffer = .allocate(capacity: Self.bufferSize + 8)
        scratch = .allocate(capacity: Self.bufferSize)
        classTable = .allocate(capacity: 256)
        classTable.initialize(from: Self.classes, count: 256)
        emailTable = .allocate(capacity: 256)
        emailTable.initialize(from: Self.emailClasses, count: 256)
        fieldBase = .allocate(capacity: Self.maxFields)
        fieldLength = .allocate(capacity: Self.maxFields)
        fieldFlags = .allocate(capacity: Self.maxFields)
        phones = .allocate(capacity: 32 * 64)
        body = ByteSink(capacity: 256 * 1024)
        memberCount = plan.members.count
        let keyBytes = plan.members.reduce(0) { $0 + $1.keyBytes.count }
        memberKeys = .allocate(capacity: max(keyBytes, 1))
        memberKeyStart = .allocate(capacity: max(memberCount, 1))
        memberKeyLength = .allocate(capacity: max(memberCount, 1))
        memberColumn = .allocate(capacity: max(memberCount, 1))
        memberTrimmed = .allocate(capacity: max(memberCount, 1))
        var offset = 0
        for (index, member) in plan.members.enumerated() {
            (memberKeys + offset).initialize(from: member.keyBytes, count: member.keyBytes.count)
            memberKeyStart[index] = offset
            memberKeyLength[index] = member.keyBytes.count
            memberColumn[index] = member.column
            memberTrimmed[index] = member.trimmed
            offset += member.keyBytes.count
        }
        var packed: UInt32 = 0
        for (index, byte) in plan.countryCode.prefix(4).enumerated() { packed |= UInt32(byte) << (8 * UInt32(index)) }
        countryCode = packed
        countryCodeCount = plan.countryCode.count
        phoneColumnCount = plan.phoneColumns.count
        rowOverhead = 256 + keyBytes + 4 * memberCount + 12 * phoneColumnCount
        phoneColumns = .allocate(capacity: max(phoneColumnCount, 1))
        for (index, column) in plan.phoneColumns.enumerated() { phoneColumns[index] = column }
        // Skip the header record (already read by ContactImport.header) and a byte order mark.
        try refill()
        if end - position >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { position = 3 }
        guard try nextRecord() else { throw ImportProblem(file: path, line: 0, reason: "the file is empty") }
    }

    func release() {
        close(descriptor)
        buffer.deallocate()
        scratch.deallocate()
        classTable.deallocate()
        emailTable.deallocate()
        fieldBase.deallocate()
        fieldLength.deallocate()
        fieldFlags.deallocate()
        phones.deallocate()
        memberKeys.deallocate()
        memberKeyStart.deallocate()
        memberKeyLength.deallocate()
        memberColumn.deallocate()
        memberTrimmed.deallocate()
        phoneColumns.deallocate()
        body.release()
        keys.release()
        previousKey.release()
        lines.release()
    }

    /// The file offset of `buffer[0]`.
    var fileOffset = 0

    private mutating func refill() throws {
        if position > 0 {
            fileOffset += position
            let remaining = end - position
            if remaining > 0 { buffer.update(from: buffer + position, count: remaining) }
            end = remaining
            position = 0
        }
        while end < Self.bufferSize && !atEOF {
            let count = read(descriptor, buffer + end, Self.bufferSize - end)
            if count < 0 {
                if errno == EINTR { continue }
                throw ImportProblem(file: path, line: line, reason: "cannot read the file")
            }
            if count == 0 { atEOF = true } else { end += count }
            if end - position >= 1 << 20 { break }
        }
    }

    enum Scan { case record, end, needMore }

    /// The next record's fields; false at the end of the file.
    mutating func nextRecord() throws -> Bool {
        while true {
            let startLine = line
            switch scanRecord() {
            case .record: return true
            case .end: return false
            case .needMore:
                line = startLine
                if position == 0 && end == Self.bufferSize {
                    throw ImportProblem(file: path, line: line, reason: "a record larger than 4 MiB")
                }
                try refill()
            }
        }
    }

    /// Scans one record from `position`; moves `position` past it only when it is whole.
    @inline(__always) private mutating func scanRecord() -> Scan {
        var p = position
        let end = self.end
        let buffer = self.buffer
        let classes = classTable
        fieldCount = 0
        scratchCount = 0
        recordProblem = nil
        // Blank lines.
        while true {
            if p == end { return atEOF ? .end : .needMore }
            let byte = buffer[p]
            if byte == 0x0A {
                line += 1
                p += 1
            } else if byte == 0x0D {
                p += 1
                if p == end && !atEOF { return .needMore }
                if p < end && buffer[p] == 0x0A { p += 1 }
                line += 1
            } else {
                break
            }
        }
        recordLine = line
        // Fields.
        while true {
            if fieldCount == Self.maxFields { recordProblem = recordProblem ?? "too many fields" }
            let slot = min(fieldCount, Self.maxFields - 1)
            if p < end && buffer[p] == 0x22 {
                p += 1
                let start = p
                var flags: UInt8 = 0
                var closed = false
                // With doubled quotes, the field's text is copied to `scratch` a run at a time:
                // each run ends with the first quote of a pair, and `copied` is where the next starts.
                var doubled = false
                var copied = start
                let target = scratch + scratchCount
                var written = 0
                while p < end {
                    // Eight bytes at a time to the first `"` or LF, as for an unquoted field.
                    if p + 8 <= end {
                        let word = UnsafeRawPointer(buffer + p).loadUnaligned(as: UInt64.self)
                        let plain = Self.plainBytes(word, stops: Self.hasByte(word, 0x22) | Self.hasByte(word, 0x0A), flags: &flags)
                        p += plain
                        if plain == 8 { continue }
                    }
                    let byte = buffer[p]
                    if byte == 0x22 {
                        if p + 1 == end && !atEOF { return .needMore }
                        if p + 1 < end && buffer[p + 1] == 0x22 {
                            doubled = true
                            let run = p + 1 - copied
                            ByteSink.copy(target + written, buffer + copied, run)
                            written += run
                            p += 2
                            copied = p
                            continue
                        }
                        closed = true
                        break
                    }
                    if byte == 0x0A { line += 1 }
                    flags |= classes[Int(byte)]
                    p += 1
                }
                if !closed {
                    if !atEOF { return .needMore }
                    recordProblem = recordProblem ?? "a quoted field is not closed"
                }
                let length = p - start
                if closed { p += 1 }
                flags &= 3
                if doubled {
                    flags |= 1
                    let run = start + length - copied
                    ByteSink.copy(target + written, buffer + copied, run)
                    written += run
                    fieldBase[slot] = UnsafePointer(target)
                    fieldLength[slot] = written
                    scratchCount += written
                } else {
                    fieldBase[slot] = UnsafePointer(buffer + start)
                    fieldLength[slot] = length
                }
                fieldFlags[slot] = flags
                fieldCount += 1
                if p == end {
                    if !atEOF { return .needMore }
                    position = p
                    return .record
                }
                let byte = buffer[p]
                if byte == UInt8(ascii: ",") {
                    p += 1
                    continue
                }
                if byte == 0x0A || byte == 0x0D {
                    p += 1
                    if byte == 0x0D {
                        if p == end && !atEOF { return .needMore }
                        if p < end && buffer[p] == 0x0A { p += 1 }
                    }
                    line += 1
                    position = p
                    return .record
                }
                // Text after the closing quote: the record is refused; read on to its end.
                recordProblem = recordProblem ?? "text after a closing quote"
                while p < end && buffer[p] != 0x0A && buffer[p] != 0x0D { p += 1 }
                if p == end && !atEOF { return .needMore }
                continue
            }
            // Unquoted.
            let start = p
            var flags: UInt8 = 0
            // Eight bytes at a time to the first `,` CR LF or `"`; the bits of the bytes before it
            // say whether the field needs a JSON escape (a control byte or `\`) or is not ASCII.
            while p + 8 <= end {
                let word = UnsafeRawPointer(buffer + p).loadUnaligned(as: UInt64.self)
                let stops =
                    Self.hasByte(word, 0x2C) | Self.hasByte(word, 0x0A) | Self.hasByte(word, 0x0D)
                    | Self.hasByte(word, 0x22)
                let plain = Self.plainBytes(word, stops: stops, flags: &flags)
                p += plain
                if plain < 8 { break }
            }
            while p < end {
                let kind = classes[Int(buffer[p])]
                if kind & 4 != 0 {
                    if buffer[p] != 0x22 { break }
                    recordProblem = recordProblem ?? "a quote inside an unquoted field"
                }
                flags |= kind
                p += 1
            }
            if p == end && !atEOF { return .needMore }
            fieldBase[slot] = UnsafePointer(buffer + start)
            fieldLength[slot] = p - start
            fieldFlags[slot] = flags & 3
            fieldCount += 1
            if p == end {
                position = p
                return .record
            }
            let byte = buffer[p]
            p += 1
            if byte == UInt8(ascii: ",") { continue }
            if byte == 0x0D {
                if p == end && !atEOF { return .needMore }
                if p < end && buffer[p] == 0x0A { p += 1 }
            }
            line += 1
            position = p
            return .record
        }
    }

    /// How many of the eight bytes of `word` come before its first stop (the lowest byte
    /// whose high bit `stops` sets; 8 when none does). The bytes before it set `flags`' bit 0
    /// when one needs a JSON escape (a control byte or `\`), bit 1 when one is not ASCII.
    @inline(__always) static func plainBytes(_ word: UInt64, stops: UInt64, flags: inout UInt8) -> Int {
        let lows: UInt64 = (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080
        let escapes = lows | hasByte(word, 0x5C)
        let highs = word & 0x8080_8080_8080_8080
        if stops == 0 {
            if escapes != 0 { flags |= 1 }
            if highs != 0 { flags |= 2 }
            return 8
        }
        let before = stops.trailingZeroBitCount & ~7  // bits below the first stop byte
        let mask: UInt64 = before == 0 ? 0 : ~0 >> UInt64(64 - before)
        if escapes & mask != 0 { flags |= 1 }
        if highs & mask != 0 { flags |= 2 }
        return before >> 3
    }

    /// The high bit of the lowest byte of `word` equal to `byte` is set (bits above it may be too).
    @inline(__always) static func hasByte(_ word: UInt64, _ byte: UInt64) -> UInt64 {
        let difference = word ^ (byte &* 0x0101_0101_0101_0101)
        return (difference &- 0x0101_0101_0101_0101) & ~difference & 0x8080_8080_8080_8080
    }

    /// The field's bytes, trimmed of spaces and tabs.
    @inline(__always) private func trimmed(_ index: Int) -> (UnsafePointer<UInt8>, Int) {
        var base = fieldBase[index]
        var length = fieldLength[index]
        // Neither end a space or tab (nor any byte up to 0x20): nothing to trim.
        if length > 0 && base[0] > 0x20 && base[length - 1] > 0x20 { return (base, length) }
        while length > 0 && (base[0] == 0x20 || base[0] == 0x09) {
            base += 1
            length -= 1
        }
        while length > 0 && (base[length - 1] == 0x20 || base[length - 1] == 0x09) { length -= 1 }
        return (base, length)
    }

    private func text(_ base: UnsafePointer<UInt8>, _ length: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: base, count: length), as: UTF8.self)
    }

    /// Fills `body`, `keys` and `lines` with the next chunk of up to 1000 valid contacts;
    /// nil when the file is done. Throws `BulkLaneFallback` for a row only the regular path
    /// words exactly (a malformed record, text that is not UTF-8, a field or record over the
    /// CSV reader's limits, a row the byte checks and `ImportValidation` judge apart).
    mutating func nextChunk() throws -> Int? {
        body.count = 0
        keys.count = 0
        previousKey.count = 0
        lines.count = 0
        chunkCount = 0
        body.append("{\"contacts\":[")
        let columns = plan.kinds.count
        while chunkCount < AnyreachClient.maxContactsPerUpsert {
            guard try nextRecord() else { break }
            let rowLine = recordLine
            rowsSeen += 1
            if recordProblem != nil || fieldCount >= Self.maxFields - 1 { throw BulkLaneFallback() }
            var recordBytes = 0
            for index in 0..<fieldCount {
                let length = fieldLength[index]
                if length > CSVReader.defaultMaxFieldBytes { throw BulkLaneFallback() }
                recordBytes += length
                if fieldFlags[index] & 2 != 0 && !Self.validUTF8(fieldBase[index], length) { throw BulkLaneFallback() }
            }
            if recordBytes + fieldCount > CSVReader.defaultMaxRecordBytes / 2 { throw BulkLaneFallback() }
            guard fieldCount == columns else {
                problems.append(
                    ImportProblem(
                        file: file, line: rowLine,
                        reason: "the row has \(fieldCount) fields; the header has \(columns)"))
                rejectedFields[rowLine] = recordFields()
                rejectedRows += 1
                continue
            }
            // Room for the row's JSON, so it is written without a check a byte: every field
            // escaped at six bytes a byte, and the member names, quotes and commas.
            body.reserve(6 * recordBytes + rowOverhead)
            if !encodeRow(line: rowLine) {
                // Worded by the regular path's own checks, so the messages are today's.
                var draft = ContactDraft(line: rowLine)
                let fields = recordFields()
                for index in fields.indices {
                    draft.set(plan.fields[index], text: fields[index], column: plan.header[index])
                }
                let before = problems.count
                guard validation.contact(from: draft, file: file, problems: &problems) == nil,
                    problems.count > before
                else { throw BulkLaneFallback() }
                rejectedFields[rowLine] = fields
                rejectedRows += 1
            }
        }
        guard chunkCount > 0 else { return nil }
        body.append(UInt8(ascii: "]"))
        body.append(UInt8(ascii: "}"))
        // Consecutive lines (the usual file) keep only the first (`JournalChunkRow.lines`).
        if chunkCount > 1 && linesAreConsecutive() { lines.count = 4 }
        return chunkCount
    }

    /// Whether the chunk's lines run on one by one from the first.
    private func linesAreConsecutive() -> Bool {
        let raw = UnsafeRawPointer(lines.base)
        let first = UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self))
        for index in 1..<chunkCount
        where UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * index, as: UInt32.self)) != first &+ UInt32(index) {
            return false
        }
        return true
    }

    /// The current record's fields as text.
    private func recordFields() -> [String] {
        (0..<fieldCount).map { text(fieldBase[$0], fieldLength[$0]) }
    }

    /// Validates the row and appends it to the body; a reject when it is not valid.
    @inline(__always) private mutating func encodeRow(line: Int) -> Bool {
        var email: (UnsafePointer<UInt8>, Int)?
        if let column = plan.emailColumn {
            let (base, length) = trimmed(column)
            if length > 0 {
                if !validEmail(base, length) { return false }
                email = (base, length)
            }
        }
        phoneCount = 0
        for phoneIndex in 0..<phoneColumnCount {
            let column = phoneColumns[phoneIndex]
            let (base, length) = trimmed(column)
            guard length > 0 else { continue }
            let slot = phones + 32 * phoneCount
            guard Self.e164(base, length, code: countryCode, codeCount: countryCodeCount, into: slot) else {
                return false
            }
            var seen = false
            for other in 0..<phoneCount where memcmp(phones + 32 * other, slot, Int(slot[0]) + 1) == 0 {
                seen = true
            }
            if !seen && phoneCount < 63 { phoneCount += 1 }
        }
        var externalID: (UnsafePointer<UInt8>, Int)?
        if let column = plan.externalIDColumn {
            let value = trimmed(column)
            if value.1 > 0 { externalID = value }
        }
        var vendorID: (UnsafePointer<UInt8>, Int)?
        if let column = plan.idColumn {
            let value = trimmed(column)
            if value.1 > 0 { vendorID = value }
        }
        if phoneCount == 0 && vendorID == nil && externalID == nil { return false }
        // A time zone and a time, checked as `ImportValidation` checks them.
        var timezone: (UnsafePointer<UInt8>, Int)?
        if let column = plan.timezoneColumn {
            let value = trimmed(column)
            if value.1 > 0 {
                if !validation.knownZone(text(value.0, value.1)) { return false }
                timezone = value
            }
        }
        var scheduledAt: (UnsafePointer<UInt8>, Int)?
        if let column = plan.scheduledAtColumn {
            let value = trimmed(column)
            if value.1 > 0 {
                if FieldChecks.isoTime(text(value.0, value.1)) != nil { return false }
                scheduledAt = value
            }
        }
        // Valid: its key (as `Journal.outcomes` gives it), its line, then the contact.
        if chunkCount > 0 { keys.append(0x0A) }
        keys.append(0)  // how many bytes it shares with the previous key: set below
        let keyStart = keys.count
        if let (base, length) = externalID {
            keys.appendKey(base, length, escape: fieldFlags[plan.externalIDColumn!] & 1 != 0)
        } else if let (base, length) = email {
            keys.appendKey(base, length, escape: fieldFlags[plan.emailColumn!] & 1 != 0)
        } else if phoneCount > 0 {
            keys.append(phones + 1, Int(phones[0]))
        } else if let (base, length) = vendorID {
            keys.appendKey(base, length, escape: fieldFlags[plan.idColumn!] & 1 != 0)
        }
        frontCodeKey(from: keyStart)
        var line32 = UInt32(truncatingIfNeeded: line).littleEndian
        withUnsafeBytes(of: &line32) { keys4 in
            lines.append(keys4.baseAddress!.assumingMemoryBound(to: UInt8.self), 4)
        }
        if chunkCount > 0 { body.put(UInt8(ascii: ",")) }
        body.put(UInt8(ascii: "{"))
        var comma = false
        let dataStart = body.count
        body.put("\"data\":{")
        var members = 0
        for memberIndex in 0..<memberCount {
            let column = memberColumn[memberIndex]
            let base: UnsafePointer<UInt8>
            let length: Int
            if memberTrimmed[memberIndex] {
                (base, length) = trimmed(column)
            } else {
                (base, length) = (fieldBase[column], fieldLength[column])
            }
            guard length > 0 else { continue }
            if members > 0 { body.put(UInt8(ascii: ",")) }
            body.put(memberKeys + memberKeyStart[memberIndex], memberKeyLength[memberIndex])
            body.putQuoted(base, length, escape: fieldFlags[column] & 1 != 0)
            members += 1
        }
        if members == 0 {
            body.count = dataStart
        } else {
            body.put(UInt8(ascii: "}"))
            comma = true
        }
        appendMember("\"external_id\":", externalID, column: plan.externalIDColumn, after: &comma)
        appendMember("\"id\":", vendorID, column: plan.idColumn, after: &comma)
        if phoneCount > 0 {
            if comma { body.put(UInt8(ascii: ",")) }
            body.put("\"phone_numbers\":[")
            for index in 0..<phoneCount {
                if index > 0 { body.put(UInt8(ascii: ",")) }
                let slot = phones + 32 * index
                body.putQuoted(slot + 1, Int(slot[0]), escape: false)
            }
            body.put(UInt8(ascii: "]"))
            comma = true
        }
        appendMember("\"scheduled_at\":", scheduledAt, column: plan.scheduledAtColumn, after: &comma)
        appendMember("\"timezone\":", timezone, column: plan.timezoneColumn, after: &comma)
        body.put(UInt8(ascii: "}"))
        chunkCount += 1
        return true
    }

    /// Front-codes the key just appended at `keys[start...]`: the byte before it says how
    /// many of its first bytes (at most 255) are the previous key's, and only the rest stay.
    /// Sequential keys (`lead-1000`, `lead-1001`) keep a byte or two each.
    @inline(__always) private mutating func frontCodeKey(from start: Int) {
        let length = keys.count - start
        let key = keys.base + start
        var shared = 0
        let limit = min(length, previousKey.count, 255)
        while shared < limit && key[shared] == previousKey.base[shared] { shared += 1 }
        previousKey.count = 0
        previousKey.append(key, length)
        key[-1] = UInt8(shared)
        if shared > 0 {
            memmove(key, key + shared, length - shared)
            keys.count -= shared
        }
    }

    /// Appends `key` (`"name":`) and the field's text as a JSON string, after a comma when
    /// a member came before; nothing for a field left empty.
    @inline(__always) private mutating func appendMember(
        _ key: StaticString, _ value: (UnsafePointer<UInt8>, Int)?, column: Int?, after comma: inout Bool
    ) {
        guard let (base, length) = value, let column else { return }
        if comma { body.put(UInt8(ascii: ",")) }
        body.put(key)
        body.putQuoted(base, length, escape: fieldFlags[column] & 1 != 0)
        comma = true
    }

    // MARK: Checks, at byte level, as FieldChecks.email and PhoneNumber.e164 do

    /// Email byte classes: 1 never in an address, 2 fine in a domain label (letters, digits, `-`, non-ASCII).
    static let emailClasses: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for byte in 0...0x20 { table[byte] = 1 }
        for byte in [0x7F, 0x3C, 0x3E, 0x28, 0x29, 0x5B, 0x5D, 0x5C, 0x2C, 0x3B, 0x3A, 0x22] { table[byte] = 1 }
        for byte in 0x30...0x39 { table[byte] = 2 }
        for byte in 0x41...0x5A { table[byte] = 2 }
        for byte in 0x61...0x7A { table[byte] = 2 }
        table[0x2D] = 2
        for byte in 0x80...0xFF { table[byte] = 2 }
        return table
    }()

    /// `FieldChecks.email`'s rules, by table: the local part up to the first `@`, then the
    /// domain's labels. Every rule broken gives false, so the first one found ends it.
    @inline(__always) func validEmail(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let classes = emailTable
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte == 0x40 { break }
            if classes[Int(byte)] == 1 { return false }
            index += 1
        }
        guard index > 0, index < count - 1, index <= 64, count <= 254 else { return false }
        index += 1
        var labels = 0
        var labelLength = 0
        var previous: UInt8 = 0x40
        while index < count {
            let byte = bytes[index]
            if classes[Int(byte)] == 2 {
                if labelLength == 0 && byte == 0x2D { return false }
                labelLength += 1
            } else if byte == 0x2E {
                if labelLength == 0 || previous == 0x2D { return false }
                labels += 1
                labelLength = 0
            } else {
                return false  // never in an address, a second `@`, or not fine in a domain label
            }
            previous = byte
            index += 1
        }
        return labels >= 1 && labelLength > 0 && previous != 0x2D
    }

    /// Writes `+digits` into `out[1...]` with its length in `out[0]`; false when not valid.
    @inline(__always) static func e164(
        _ raw: UnsafePointer<UInt8>, _ count: Int, code: UInt32, codeCount: Int, into out: UnsafeMutablePointer<UInt8>
    ) -> Bool {
        // Digits go to out[2...] (room for a country code in front is made by shifting).
        var digits = 0
        var international = false
        let digitBase = out + 8  // room in front for up to 4 country code digits
        for index in 0..<count {
            let byte = raw[index]
            switch byte {
            case 0x30...0x39:
                if digits >= 17 { return false }  // 00 + 15 digits is the longest that can be valid
                digitBase[digits] = byte
                digits += 1
            case 0x20, 0x2D, 0x2E, 0x28, 0x29, 0x09: continue
            case 0x2B where digits == 0 && !international: international = true
            default: return false
            }
        }
        guard digits > 0 else { return false }
        var first = digitBase
        if !international && digits > 2 && first[0] == 0x30 && first[1] == 0x30 {
            international = true
            first += 2
            digits -= 2
        }
        if !international {
            guard codeCount > 0, codeCount <= 4 else { return false }
            if codeCount == 1 && code == 0x31 {
                if digits == 11 && first[0] == 0x31 {
                    first += 1
                    digits -= 1
                }
                guard digits == 10 else { return false }
            } else if first[0] == 0x30 {
                first += 1
                digits -= 1
            }
            first -= codeCount
            for index in 0..<codeCount { first[index] = UInt8(truncatingIfNeeded: code >> (8 * UInt32(index))) }
            digits += codeCount
        }
        if first[0] == 0x31 && digits != 11 { return false }
        guard digits <= 15, digits >= 7 else { return false }
        // `+` then the digits, from out[1].
        let target = out + 1
        target[0] = 0x2B
        memmove(target + 1, first, digits)
        out[0] = UInt8(digits + 1)
        return true
    }

    static func validUTF8(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                // Then eight ASCII bytes at a time.
                while index + 8 <= count,
                    UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    index += 8
                }
                continue
            }
            let need: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch byte {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; high = 0x9F
            case 0xF0: need = 3; low = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; high = 0x8F
            default: return false
            }
            if index + need >= count { return false }
            let second = bytes[index + 1]
            guard second >= low && second <= high else { return false }
            var offset = 2
            while offset <= need {
                let next = bytes[index + offset]
                guard next >= 0x80 && next <= 0xBF else { return false }
                offset += 1
            }
            index += need + 1
        }
        return true
    }
}
