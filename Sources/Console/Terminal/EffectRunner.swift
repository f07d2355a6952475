import Foundation
import Logging
import Synchronization
import SwitchboardCore

/// Runs effects as tasks, never on the terminal thread, and posts their results to the
/// inbox. Observations are store `values(in:)` sequences iterated in a task (never
/// delivered on the main actor, which never runs while the terminal thread sits in
/// `poll()`); a new observation of the same kind replaces the old one.
final class EffectRunner: Sendable {
    let clients: [String: any VendorClient]
    /// The accounts the clients are for, for the start-up journal replay.
    private let accounts: [Account]
    /// Accounts in read-only mode: the start-up replay leaves their unsent changes alone.
    private let readonlyAccounts: Set<String>
    let store: Store
    let inbox: Inbox
    let logger: Logger
    private let observations = Mutex<[Observation: Task<Void, Never>]>([:])
    /// The contacts table's windows, cut from a larger observed block.
    private let windows: ContactWindows
    /// The bulk import's header read or dry run in progress.
    let importChecks = ImportChecks()

    enum Observation: Hashable {
        case campaigns, samples, contactCount, statuses, contacts, matchCount, history
        /// The journal screen and the results screen.
        case journal, results

        /// What a campaign screen follows, stopped when it closes.
        static let campaign: [Observation] = [.samples, .contactCount, .statuses, .contacts, .matchCount, .history]
    }

    init(
        clients: [String: any VendorClient], accounts: [Account] = [], readonlyAccounts: Set<String> = [], store: Store,
        inbox: Inbox, logger: Logger
    ) {
        self.accounts = accounts.filter { clients[$0.name] != nil && !readonlyAccounts.contains($0.name) }
        self.readonlyAccounts = readonlyAccounts
        self.clients = clients
        self.store = store
        self.inbox = inbox
        self.logger = logger
        windows = ContactWindows(inbox: inbox) { error in
            logger.warning("store observation failed", metadata: ["error": "\(error)"])
        }
    }

    func run(_ effects: [Effect]) {
        // One stats refresh of several campaigns (the campaign list's tick) is one task:
        // the requests go out together, their samples are written in one transaction and
        // their answers reach the terminal thread with one wake-up.
        var stats: [String: [String]] = [:]
        for effect in effects {
            if case .fetchStats(let account, let campaignID) = effect {
                stats[account, default: []].append(campaignID)
            } else {
                run(effect)
            }
        }
        for (account, campaignIDs) in stats { fetchStats(account: account, campaignIDs: campaignIDs) }
    }

    func run(_ effect: Effect) {
        switch effect {
        case .fetchCampaigns(let account):
            request(account) { client, store in
                let campaigns = try await client.campaigns(nameContains: nil, states: [])
                try await store.saveCampaigns(campaigns, account: account, seenAt: Date())
                return .campaignsFetched(account: account, .success(campaigns.count), at: Date())
            } failed: {
                .campaignsFetched(account: account, .failure($0), at: Date())
            }
        case .fetchStats(let account, let campaignID):
            fetchStats(account: account, campaignIDs: [campaignID])
        case .fetchContacts(let account, let campaignID, let offset, let limit):
            request(account) { client, store in
                let page = try await client.contacts(campaignID: campaignID, status: nil, limit: limit, offset: offset)
                try await store.saveContacts(page.contacts, account: account, campaignID: campaignID, seenAt: Date())
                let fetched = ContactsFetched(total: page.total, nextOffset: page.nextOffset)
                return .contactsFetched(account: account, campaignID: campaignID, .success(fetched))
            } failed: {
                .contactsFetched(account: account, campaignID: campaignID, .failure($0))
            }
        case .observeCampaigns(let account):
            observe(.campaigns, store.observeCampaigns(account: account)) {
                .campaignsObserved(account: account, $0)
            }
        case .observeCampaign(let account, let campaignID):
            observe(.samples, store.observeStats(account: account, campaignID: campaignID, limit: AppState.sampleLimit)) {
                .samplesObserved(account: account, campaignID: campaignID, $0)
            }
            observe(.contactCount, store.observeContactCount(account: account, campaignID: campaignID)) {
                .contactCountObserved(account: account, campaignID: campaignID, $0)
            }
            observe(.statuses, store.observeContactStatuses(account: account, campaignID: campaignID)) {
                .contactStatusesObserved(account: account, campaignID: campaignID, $0)
            }
        case .observeContacts(let account, let campaignID, let filter, let offset, let limit):
            let store = store
            windows.show(
                scope: ContactWindows.Scope(account: account, campaignID: campaignID, filter: filter), offset: offset,
                limit: limit,
                observe: {
                    store.observeContacts(account: account, campaignID: campaignID, filter: filter, offset: $0, limit: $1)
                },
                deliver: { .contactsObserved(account: account, campaignID: campaignID, filter: filter, offset: $0, $1) })
        case .observeMatchCount(let account, let campaignID, let filter):
            guard !filter.isEmpty else { return stop([.matchCount]) }
            observe(.matchCount, store.observeContactCount(account: account, campaignID: campaignID, filter: filter)) {
                .matchCountObserved(account: account, campaignID: campaignID, filter: filter, $0)
            }
        case .observeHistory(let account, let campaignID, let key, let keys):
            let history = store.journal.observeHistory(
                account: account, campaignID: campaignID, keys: keys, limit: AppState.historyLimit)
            observe(.history, history) {
                .historyObserved(account: account, campaignID: campaignID, key: key, $0)
            }
        case .stopObservingHistory:
            stop([.history])
        case .stopObservingCampaign:
            windows.stop()
            stop(Observation.campaign)
        case .replayJournal:
            let (store, inbox, logger, clients, accounts) = (store, inbox, logger, clients, accounts)
            let readonlyAccounts = readonlyAccounts
            Task {
                do {
                    let report = try await JournalReplay(store: store, accounts: accounts) { account in
                        guard let client = clients[account.name] else { throw Failure("no client for \(account.name)") }
                        return client
                    }.run()
                    let settled = Dictionary(grouping: report.settled, by: \.state).mapValues(\.count)
                    logger.info("journal replayed", metadata: ["entries": "\(report.settled.count)"])
                    inbox.post(.replayFinished(.success(ReplaySummary(settled: settled, unknownAccounts: report.unknownAccounts.filter { !readonlyAccounts.contains($0.key) }))))
                } catch {
                    logger.warning("journal replay failed", metadata: ["error": "\(error)"])
                    inbox.post(.replayFinished(.failure(Failure(String(describing: error)))))
                }
            }
        case .campaignSetup(let effect):
            run(effect)
        case .change(let effect):
            run(effect)
        case .bulkImport(let effect):
            run(effect)
        case .quit:
            cancelAll()
        }
    }

    func stop(_ kinds: [Observation]) {
        observations.withLock { tasks in
            for kind in kinds { tasks.removeValue(forKey: kind)?.cancel() }
        }
    }

    /// Stops every observation.
    func cancelAll() {
        windows.stop()
        observations.withLock { tasks in
            for task in tasks.values { task.cancel() }
            tasks = [:]
        }
    }

    /// Stats of `campaignIDs`, asked at once; the samples that came back are stored in one
    /// write, then every answer is posted together.
    func fetchStats(account: String, campaignIDs: [String]) {
        guard let client = clients[account] else {
            inbox.post(campaignIDs.map {
                .statsFetched(account: account, campaignID: $0, .failure(Failure("no client for account \(account)")), at: Date())
            })
            return
        }
        let (store, inbox, logger) = (store, inbox, logger)
        Task {
            let answers = await withTaskGroup(of: (String, Result<StatusCounts, Failure>).self) { group in
                for campaignID in campaignIDs {
                    group.addTask {
                        do {
                            return (campaignID, .success(try await client.stats(campaignID: campaignID)))
                        } catch {
                            let message = String(describing: error)
                            logger.warning("request failed", metadata: ["account": "\(account)", "error": "\(message)"])
                            return (campaignID, .failure(Failure(message)))
                        }
                    }
                }
                var answers: [(String, Result<StatusCounts, Failure>)] = []
                for await answer in group { answers.append(answer) }
                return answers
            }
            let now = Date()
            let samples = answers.compactMap { id, result in (try? result.get()).map { (campaignID: id, counts: $0) } }
            do {
                try await store.recordStats(samples, account: account, takenAt: now)
            } catch {
                logger.warning("stats samples not stored", metadata: ["account": "\(account)", "error": "\(error)"])
            }
            inbox.post(answers.map { .statsFetched(account: account, campaignID: $0.0, $0.1, at: now) })
        }
    }

    func request(
        _ account: String, _ work: @escaping @Sendable (any VendorClient, Store) async throws -> Msg,
        failed: @escaping @Sendable (Failure) -> Msg
    ) {
        guard let client = clients[account] else {
            inbox.post(failed(Failure("no client for account \(account)")))
            return
        }
        let (store, inbox, logger) = (store, inbox, logger)
        Task {
            do {
                inbox.post(try await work(client, store))
            } catch {
                let message = String(describing: error)
                logger.warning("request failed", metadata: ["account": "\(account)", "error": "\(message)"])
                inbox.post(failed(Failure(message)))
            }
        }
    }

    func observe<Values: AsyncSequence & Sendable>(
        _ kind: Observation, _ values: Values, _ message: @escaping @Sendable (Values.Element) -> Msg
    ) where Values.Element: Sendable {
        let (inbox, logger) = (inbox, logger)
        let task = Task {
            do {
                for try await value in values { inbox.post(message(value)) }
            } catch is CancellationError {
                return
            } catch {
                logger.warning("store observation failed", metadata: ["error": "\(error)"])
            }
        }
        observations.withLock { tasks in
            tasks.removeValue(forKey: kind)?.cancel()
            tasks[kind] = task
        }
    }
}
