import Foundation
import GRDB

/// The local SQLite database: the cache of what the console has seen and the journal of
/// every change. One file, in WAL mode, readable while the engine writes.
///
/// The file and its `-wal` and `-shm` companions are mode 0600 in a 0700 directory: they
/// hold personal data (never credentials: accounts are stored by name only).
public struct Store: Sendable {
    /// The database file name inside the data directory.
    public static let fileName = "switchboard.sqlite"
    /// The page size a new database file is made with.
    public static let pageSize = 16384

    /// The connection pool: one writer, concurrent readers.
    public let pool: DatabasePool
    /// The database file's path.
    public let path: String

    /// Opens (creating if needed) `switchboard.sqlite` in `directory` (default: `DataDirectory.path()`).
    public static func open(directory: String? = nil) throws -> Store {
        let directory = directory ?? DataDirectory.path()
        try SecureFile.createDirectory(directory)
        return try open(path: directory + "/" + fileName)
    }

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    public static func open(path: String) throws -> Store {
        try createPrivateFile(path)
        var configuration = Configuration()
        configuration.label = "switchboard.store"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            // 16 KiB pages for a new file (an existing one keeps its size: WAL mode fixes it). A
            // bulk import writes tens of MB of chunk rows and outcomes, and each page costs two
            // writes into the WAL and one more at the checkpoint; 1M-contact import, two runs
            // each: 1.47-1.48 us a contact with 4 KiB pages, 1.34-1.36 with 16 KiB, 1.37 with 64 KiB.
            try db.execute(sql: "PRAGMA page_size = \(pageSize)")
            // Statement journals (a statement that fires a trigger, or writes many rows, keeps
            // one to undo itself) stay in memory: as temporary files they cost a contact
            // insert about 20 µs more, and no personal data goes to a temporary file.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        // GRDB sets synchronous = NORMAL after prepareDatabase; the journal must survive power loss.
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        try StoreMigrations.migrator.migrate(pool)
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            chmod(path + suffix, 0o600)
        }
        return Store(pool: pool, path: path)
    }

    /// The journal of changes kept in this store.
    public var journal: Journal { Journal(store: self) }

    /// Creates the file 0600 before SQLite opens it: SQLite gives `-wal` and `-shm` the
    /// database file's mode, so they are born private too.
    private static func createPrivateFile(_ path: String) throws {
        let descriptor = Foundation.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        fchmod(descriptor, 0o600)
        close(descriptor)
    }
}
