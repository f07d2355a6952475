import Foundation
import Logging
import SwitchboardCore

/// The log: `switchboard.log` in the data directory (mode 0600), never the terminal, where
/// the console's screen and a script's output must stay clean. Messages carry account
/// names and vendor answers, never credentials (`Secret` prints as `<redacted>`).
final class FileLog: @unchecked Sendable {
    /// The log file's name inside the data directory.
    static let fileName = "switchboard.log"

    private let lock = NSLock()
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Routes swift-log to the file in `directory`; when it cannot be opened, logs go nowhere.
    /// `SWITCHBOARD_LOG_LEVEL` (trace ... critical) sets the level, `info` by default.
    static func bootstrap(directory: String, environment: [String: String]) {
        let level = environment["SWITCHBOARD_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        let log = open(directory: directory)
        LoggingSystem.bootstrap { label in
            guard let log else { return SwiftLogNoOpLogHandler() }
            var handler = FileLogHandler(label: label, log: log)
            handler.logLevel = level
            return handler
        }
    }

    private static func open(directory: String) -> FileLog? {
        if !FileManager.default.fileExists(atPath: directory) {
            try? FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let descriptor = Foundation.open(directory + "/" + fileName, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
        fchmod(descriptor, 0o600)
        return FileLog(descriptor: descriptor)
    }

    func write(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        lock.withLock { _ = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) } }
    }
}

/// One line per message: time, level, label, message, metadata.
struct FileLogHandler: LogHandler {
    let label: String
    let log: FileLog
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    init(label: String, log: FileLog) {
        self.label = label
        self.log = log
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let time = Date().formatted(.iso8601)
        log.write("\(time) \(event.level) \(label): \(event.message)\(fields.isEmpty ? "" : " " + fields)")
    }
}
