import Foundation
import GRDB
import NIOCore

/// The request bodies of a `chunks` entry, kept in a file of their own beside the database
/// (`<database>.bodies/entry-<id>`, the directory 0700, the file 0600) rather than in
/// `journalChunk.body`: written once, in large writes, and synced before the entry commits.
/// Through SQLite's WAL every body byte went through the kernel four times (the WAL, the
/// checkpoint's read and write, the read to send it); SQLite itself advises files for blobs
/// over about 100 kB, and a chunk's body is about 190 kB.
///
/// A `journalChunk` row names its body by `bodyAt` (offset in the file) and `bodyLength`;
/// NULL `bodyAt` means the body is in the row (a chunk journaled before migration v12).
final class ChunkBodyFile {
    /// Why a stored body cannot be read back.
    struct Unreadable: Error, LocalizedError {
        var path: String
        var entryID: Int64
        var offset: Int64
        var length: Int
        var reason: String

        var errorDescription: String? {
            "journal entry #\(entryID): its request bodies file \(path) cannot be read "
                + "(\(length) bytes at offset \(offset)): \(reason)"
        }
    }

    /// The directory of the bodies of the database `db` is connected to.
    static func directory(_ db: Database) throws -> String {
        let file = try String.fetchOne(
            db.cachedStatement(sql: "SELECT file FROM pragma_database_list WHERE name = 'main'"))
        return directory(database: file ?? "")
    }

    static func directory(database path: String) -> String { path + ".bodies" }

    static func path(_ db: Database, entryID: Int64) throws -> String {
        path(directory: try directory(db), entryID: entryID)
    }

    static func path(directory: String, entryID: Int64) -> String { directory + "/entry-\(entryID)" }

    let path: String
    private let descriptor: Int32
    /// Bytes written so far: the offset of the next body.
    private(set) var size: Int64 = 0
    /// Bytes of the file allocated on disk ahead of the writes (`reserve`).
    private var reserved: Int64 = 0
    /// False once the file system has refused to allocate ahead.
    private var reserving = true
    /// How far ahead of the writes the file is allocated.
    static let reserveStep: Int64 = 16 << 20

    /// Creates (truncating: a file left by an import that never committed belongs to no
    /// entry) the body file of entry `entryID`. Called inside the write transaction that
    /// journals the entry, so no other writer holds the same id.
    init(_ db: Database, entryID: Int64) throws {
        let directory = try Self.directory(db)
        try SecureFile.createDirectory(directory)
        path = Self.path(directory: directory, entryID: entryID)
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Self.failure(path, "cannot create the file") }
        fchmod(descriptor, 0o600)
    }

    /// Appends one body; returns its offset.
    func append(_ bytes: UnsafePointer<UInt8>, count: Int) throws -> Int64 {
        let offset = size
        if reserving && size + Int64(count) > reserved { reserve(upTo: size + Int64(count)) }
        var written = 0
        while written < count {
            let result = write(descriptor, bytes + written, count - written)
            if result < 0 {
                if errno == EINTR { continue }
                throw Self.failure(path, "cannot write")
            }
            written += result
        }
        size += Int64(count)
        return offset
    }

    /// Allocates the file's blocks a step at a time ahead of the writes (`fallocate`). A file
    /// written from empty otherwise has each page's block reserved and mapped as the page is
    /// written and again as it is flushed (measured here: writing and syncing 188 MB took a
    /// quarter less CPU allocated 16 MiB at a time). A file system that cannot is written
    /// without; `sync` cuts what the bodies did not fill.
    private func reserve(upTo end: Int64) {
        let length = max(Self.reserveStep, end - reserved)
        if let fallocate = Self.fallocate, fallocate(descriptor, 0, off_t(reserved), off_t(length)) == 0 {
            reserved += length
        } else {
            reserving = false
        }
    }

    /// Linux's `fallocate`, which Glibc's Swift module leaves out (it needs `_GNU_SOURCE`).
    /// Unlike `posix_fallocate` it never falls back to writing zeros.
    private static let fallocate: (@convention(c) (Int32, Int32, off_t, off_t) -> Int32)? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "fallocate") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32, off_t, off_t) -> Int32).self)
    }()

    /// Makes the file and its name durable (before the entry that names it commits).
    func sync() throws {
        if reserved > size {
            guard ftruncate(descriptor, off_t(size)) == 0 else { throw Self.failure(path, "cannot cut to its size") }
        }
        guard fsync(descriptor) == 0 else { throw Self.failure(path, "cannot sync") }
        let directory = open((path as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            fsync(directory)
            Foundation.close(directory)
        }
    }

    func close() { _ = Foundation.close(descriptor) }

    /// Closes and removes the file (the entry that would name it did not commit).
    func discard() {
        close()
        unlink(path)
    }

    private static func failure(_ path: String, _ what: String) -> Error {
        let code = POSIXErrorCode(rawValue: errno) ?? .EIO
        return NSError(
            domain: "Switchboard.ChunkBodyFile", code: Int(code.rawValue),
            userInfo: [NSLocalizedDescriptionKey: "\(path): \(what): \(String(cString: strerror(code.rawValue)))"])
    }

    /// Reads `length` bytes at `offset` of entry `entryID`'s body file.
    static func read(_ db: Database, entryID: Int64, at offset: Int64, length: Int) throws -> [UInt8] {
        let path = try path(db, entryID: entryID)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Unreadable(
                path: path, entryID: entryID, offset: offset, length: length, reason: String(cString: strerror(errno)))
        }
        defer { Foundation.close(descriptor) }
        return try read(descriptor, path: path, entryID: entryID, at: offset, length: length)
    }

    /// Reads `length` bytes at `offset` of the open body file `descriptor`.
    static func read(_ descriptor: Int32, path: String, entryID: Int64, at offset: Int64, length: Int) throws
        -> [UInt8]
    {
        var failure: Unreadable?
        let body = [UInt8](unsafeUninitializedCapacity: length) { buffer, initialized in
            failure = readFully(descriptor, into: buffer.baseAddress!, path: path, entryID: entryID, at: offset, length: length)
            // A failed read leaves the bytes zeroed: the array is thrown away with the failure.
            if failure != nil { buffer.baseAddress!.initialize(repeating: 0, count: length) }
            initialized = length
        }
        if let failure { throw failure }
        return body
    }

    /// `read` into a buffer the HTTP transport sends as it is (no copy on the way out).
    static func readBuffer(_ descriptor: Int32, path: String, entryID: Int64, at offset: Int64, length: Int) throws
        -> ByteBuffer
    {
        var failure: Unreadable?
        var body = ByteBufferAllocator().buffer(capacity: length)
        body.writeWithUnsafeMutableBytes(minimumWritableBytes: length) { buffer in
            let start = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            failure = readFully(descriptor, into: start, path: path, entryID: entryID, at: offset, length: length)
            return failure == nil ? length : 0
        }
        if let failure { throw failure }
        return body
    }

    /// `pread`s `length` bytes at `offset` into `target`; why not, when the file fails or ends first.
    private static func readFully(
        _ descriptor: Int32, into target: UnsafeMutablePointer<UInt8>, path: String, entryID: Int64, at offset: Int64,
        length: Int
    ) -> Unreadable? {
        func unreadable(_ reason: String) -> Unreadable {
            Unreadable(path: path, entryID: entryID, offset: offset, length: length, reason: reason)
        }
        var done = 0
        while done < length {
            let result = pread(descriptor, target + done, length - done, off_t(offset) + off_t(done))
            if result < 0 {
                if errno == EINTR { continue }
                return unreadable(String(cString: strerror(errno)))
            }
            if result == 0 { return unreadable("the file ends after \(offset + Int64(done)) bytes") }
            done += result
        }
        return nil
    }

    /// Removes body files that no entry names: left by an import killed before its entry
    /// committed. Called inside a write transaction (no other writer is journaling one).
    static func removeOrphans(_ db: Database) throws {
        let directory = try directory(db)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        let ids = names.compactMap { name in name.hasPrefix("entry-") ? Int64(name.dropFirst(6)) : nil }
        guard !ids.isEmpty else { return }
        let placeholders = ids.map { _ in "?" }.joined(separator: ", ")
        let named = Set(
            try Int64.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT entryID FROM journalChunk
                    WHERE bodyAt IS NOT NULL AND entryID IN (\(placeholders))
                    """, arguments: StatementArguments(ids)))
        for id in ids where !named.contains(id) {
            unlink(path(directory: directory, entryID: id))
        }
    }
}

/// A `chunks` entry's bodies while it is sent: where each chunk's body is (read once) and
/// the entry's bodies file held open, so a chunk's body is one `pread`, with no database
/// read and no `open` a request.
final class ChunkBodyReader: @unchecked Sendable {
    struct Span {
        /// The offset in the bodies file; nil when the body is in the chunk's row (before v12).
        var at: Int64?
        var length: Int
        var namesIDs: Bool
    }

    let entryID: Int64
    let path: String
    private let spans: [Int: Span]
    private let descriptor: Int32
    /// Why the file could not be opened (each body in it is then unreadable, with this reason).
    private let openFailure: String?

    init(entryID: Int64, path: String, spans: [Int: Span]) {
        self.entryID = entryID
        self.path = path
        self.spans = spans
        if spans.values.contains(where: { $0.at != nil }) {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            openFailure = descriptor < 0 ? String(cString: strerror(errno)) : nil
        } else {
            descriptor = -1
            openFailure = nil
        }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// The body of the chunk whose first position is `first`, and whether it may name
    /// contacts by id; nil when its body is in its row (the journal reads it).
    func body(first: Int) throws -> (body: ByteBuffer, namesIDs: Bool)? {
        guard let span = spans[first], let offset = span.at else { return nil }
        if let openFailure {
            throw ChunkBodyFile.Unreadable(
                path: path, entryID: entryID, offset: offset, length: span.length, reason: openFailure)
        }
        let body = try ChunkBodyFile.readBuffer(
            descriptor, path: path, entryID: entryID, at: offset, length: span.length)
        return (body, span.namesIDs)
    }
}
