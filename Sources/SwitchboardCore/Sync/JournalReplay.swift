import Foundation

/// Sends again every journal entry left `pending` or `sending` (after a crash, a kill or a
/// cut network): on start and on `switchboard journal replay`. Only contacts without an
/// outcome are resent, and every resend is safe: upserts are keyed, removes and deletes
/// are idempotent, and a Reply.io create that finds the contact already there is `ignored`.
public struct JournalReplay: Sendable {
    public let store: Store
    public let accounts: [Account]
    public let makeClient: @Sendable (Account) throws -> any VendorClient
    public let environment: SyncEnvironment

    public init(
        store: Store, accounts: [Account], environment: SyncEnvironment = .live,
        makeClient: @escaping @Sendable (Account) throws -> any VendorClient
    ) {
        self.store = store
        self.accounts = accounts
        self.environment = environment
        self.makeClient = makeClient
    }

    /// What a replay did.
    public struct Report: Sendable, Equatable {
        /// The replayed entries as they settled, oldest first.
        public var settled: [JournalEntry]
        /// Entries left as they were because the accounts file has no account of that name.
        public var unknownAccounts: [String: Int]
    }

    /// Replays each account's unsettled entries in order, the accounts side by side.
    public func run() async throws -> Report {
        let entries = try await store.journal.unsettledEntries()
        let byAccount = Dictionary(grouping: entries, by: \.account)
        var unknown: [String: Int] = [:]
        var work: [(Account, [JournalEntry])] = []
        for (name, entries) in byAccount.sorted(by: { $0.key < $1.key }) {
            if let account = accounts.first(where: { $0.name == name }) {
                work.append((account, entries))
            } else {
                unknown[name] = entries.count
            }
        }
        let settled = try await withThrowingTaskGroup(of: [JournalEntry].self) { group in
            for (account, entries) in work {
                let engine = SyncEngine(store: store, client: try makeClient(account), environment: environment)
                group.addTask {
                    var settled: [JournalEntry] = []
                    for entry in entries { settled.append(try await engine.send(entryID: entry.id!)) }
                    return settled
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        return Report(settled: settled.sorted { ($0.id ?? 0) < ($1.id ?? 0) }, unknownAccounts: unknown)
    }
}
