import Foundation
import Logging
import Synchronization
import SwitchboardCore

/// The bulk import's disk and network work, off the terminal thread: path completion, the
/// header, the dry run, then the journal and the sync engine (never the vendor directly).
extension EffectRunner {
    func run(_ effect: ImportEffect) {
        let inbox = inbox
        switch effect {
        case .listPaths(let typed):
            Task {
                let result = Result { () throws(Failure) in try PathCompletion.listing(for: typed) }
                inbox.post(.bulkImport(.pathsListed(result)))
            }
        case .readHeader(let job, let generation):
            guard let client = clients[job.account] else { return noClient(job, generation: generation) }
            importChecks.replace {
                do {
                    inbox.post(.bulkImport(.headerRead(generation: generation, .success(try Self.header(job, vendor: client.vendor)))))
                } catch {
                    inbox.post(.bulkImport(.headerRead(generation: generation, .failure(Self.failure(error)))))
                }
            }
        case .dryRun(let job, let generation):
            guard let client = clients[job.account] else { return noClient(job, generation: generation) }
            let store = store
            importChecks.replace {
                do {
                    let source = try ContactImport(path: PathCompletion.expand(job.path), options: job.options(client.vendor))
                    var prediction = ImportPrediction()
                    var reported = ContinuousClock.now
                    _ = try await store.journalImport(source, as: job.change, dryRun: true) { batch, cached, _ in
                        prediction.add(batch, cached: cached, action: job.action)
                        // A long file reports how far it has come, a few times a second at most.
                        guard ContinuousClock.now - reported > .milliseconds(250) else { return }
                        reported = ContinuousClock.now
                        let rows = prediction.valid + prediction.rejected
                        inbox.post(.bulkImport(.checking(generation: generation, rows: rows)))
                    }
                    inbox.post(.bulkImport(.checked(generation: generation, .success(prediction))))
                } catch is CancellationError {
                    return
                } catch {
                    inbox.post(.bulkImport(.checked(generation: generation, .failure(Self.failure(error)))))
                }
            }
        case .stopChecking:
            importChecks.replace(with: nil)
        case .send(let job):
            guard let client = clients[job.account] else {
                inbox.post(.bulkImport(.finished(.failure(Failure("no client for account \(job.account)")))))
                return
            }
            let (store, logger) = (store, logger)
            Task {
                do {
                    let finished = try await Self.send(job, client: client, store: store, inbox: inbox)
                    logger.info(
                        "import sent",
                        metadata: ["entry": "\(finished.entry.id ?? 0)", "state": "\(finished.entry.state.rawValue)"])
                    inbox.post(.bulkImport(.finished(.success(finished))))
                } catch {
                    logger.warning("import stopped", metadata: ["account": "\(job.account)", "error": "\(error)"])
                    inbox.post(.bulkImport(.finished(.failure(Self.failure(error)))))
                }
            }
        }
    }

    /// An error in the operator's words (a `Failure` as it is).
    static func failure(_ error: any Error) -> Failure {
        (error as? Failure) ?? Failure(String(describing: error))
    }

    private func noClient(_ job: ImportJob, generation: Int) {
        let failure = Failure("no client for account \(job.account)")
        inbox.post(.bulkImport(.headerRead(generation: generation, .failure(failure))))
        inbox.post(.bulkImport(.checked(generation: generation, .failure(failure))))
    }

    /// The CSV header with its auto-mapping; a JSON file is read whole to see that it parses.
    static func header(_ job: ImportJob, vendor: Vendor) throws -> ImportHeader {
        let path = PathCompletion.expand(job.path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw Failure("\(job.path) is a directory; name a CSV or JSON file (Tab lists what is in it)")
        }
        switch ImportFormat(path: path) {
        case .json:
            _ = try ContactImport(path: path, options: job.options(vendor))
            return ImportHeader(path: job.path, format: .json, columns: [], fields: [])
        case .csv:
            let columns = try ContactImport.header(path: path)
            return ImportHeader(
                path: job.path, format: .csv, columns: columns, fields: ColumnMapping.autoFields(header: columns))
        }
    }

    /// Journals the file's valid contacts batch by batch, then sends the entry through the
    /// sync engine, posting what is journaled, the entry's progress and each retry.
    static func send(_ job: ImportJob, client: any VendorClient, store: Store, inbox: Inbox) async throws
        -> ImportFinished
    {
        let source = try ContactImport(path: PathCompletion.expand(job.path), options: job.options(client.vendor))
        var (journaled, rejected) = (0, 0)
        let sourcePath = URL(fileURLWithPath: PathCompletion.expand(job.path)).standardizedFileURL.path
        let entryID = try await store.journalImport(source, as: job.change, sourcePath: sourcePath) { batch, _, entryID in
            journaled += batch.validCount
            rejected += batch.rejectedRows
            if let entryID {
                inbox.post(.bulkImport(.journaled(entryID: entryID, contacts: journaled, rejected: rejected)))
            }
        }
        guard let entryID else {
            throw Failure("no row of \(job.path) can be imported (\(rejected) rejected); nothing was journaled")
        }
        // The whole file is journaled: from here a stop is resumed by sending this entry again.
        inbox.post(.bulkImport(.progress(entryID: entryID, SyncProgress(done: 0, total: journaled, failed: 0, state: .pending))))
        let progress = Task {
            for try await reading in store.journal.progress(of: entryID) {
                inbox.post(.bulkImport(.progress(entryID: entryID, reading)))
            }
        }
        defer { progress.cancel() }
        let live = SyncEnvironment.live
        let environment = SyncEnvironment(now: live.now, sleep: live.sleep, jitter: live.jitter) { retry in
            inbox.post(.bulkImport(.retrying(entryID: entryID, retry)))
        }
        let entry = try await SyncEngine(store: store, client: client, environment: environment).send(entryID: entryID)
        return ImportFinished(entry: entry, rejected: rejected)
    }
}

extension ImportJob {
    /// How the file is read for the account's vendor, with the operator's mapping.
    func options(_ vendor: Vendor) throws -> ImportOptions {
        ImportOptions(
            vendor: vendor, defaultCountryCode: defaultCountryCode, overrides: try ColumnOverrides(parsing: overrides))
    }

    /// The change the file's contacts are journaled as.
    var change: Change {
        let action: ChangeAction =
            switch self.action {
            case .upsert: .upsert
            case .updateOnly: .updateOnly
            case .remove: .remove
            }
        return Change(account: account, campaignID: campaignID, action: action)
    }
}

/// The import's header read or dry run in progress: a new one replaces it, Esc stops it.
final class ImportChecks: Sendable {
    private let task = Mutex<Task<Void, Never>?>(nil)

    /// Cancels the one running, then runs `work` in its place.
    func replace(_ work: @escaping @Sendable () async -> Void) {
        replace(with: Task { await work() })
    }

    func replace(with next: Task<Void, Never>?) {
        task.withLock { current in
            current?.cancel()
            current = next
        }
    }
}

/// File-system completion for the import's path prompt, as a shell does it.
enum PathCompletion {
    /// Most matches listed for one Tab.
    static let limit = 1000

    /// `~` and `~/...` with the home directory.
    static func expand(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return NSHomeDirectory() + path.dropFirst()
    }

    /// The entries of the typed path's directory whose names start with its last part
    /// (dot files only when that part starts with a dot); directories end in `/`.
    static func listing(for typed: String) throws(Failure) -> PathListing {
        if typed == "~" { return PathListing(typed: typed, matches: ["~/"]) }
        let slash = typed.lastIndex(of: "/")
        let directory = slash.map { String(typed[...$0]) } ?? ""
        let prefix = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
        let place = directory.isEmpty ? "." : expand(directory)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: place)
        } catch {
            throw Failure("cannot list \(directory.isEmpty ? "the current directory" : directory): \(reason(error))")
        }
        var matches: [String] = []
        for name in names.sorted() where name.hasPrefix(prefix) && (prefix.hasPrefix(".") || !name.hasPrefix(".")) {
            var isDirectory: ObjCBool = false
            let full = (place.hasSuffix("/") ? place : place + "/") + name
            _ = FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory)
            matches.append(isDirectory.boolValue ? name + "/" : name)
            if matches.count == limit { break }
        }
        return PathListing(typed: typed, matches: matches)
    }

    private static func reason(_ error: any Error) -> String {
        let cocoa = error as NSError
        if let posix = cocoa.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain,
            let text = strerror(Int32(posix.code))
        {
            return String(cString: text).lowercased()
        }
        return cocoa.localizedDescription
    }
}
