import Foundation
import Logging
import SwitchboardCore

/// Contact changes, the journal and results screens: every change is journaled and sent by
/// the sync engine, never straight to the vendor.
extension EffectRunner {
    func run(_ effect: ChangeEffect) {
        switch effect {
        case .preview(let account, let request):
            guard let client = clients[account] else { return }
            let requests = (client as? any ContactFormVendor)?.requestPreview(request) ?? []
            let problem = request.contacts.lazy.compactMap { client.vendor.missingRequirement($0) }.first
            inbox.post(.change(.previewed(account: account, requests, problem: problem)))
        case .submit(let change, let summary):
            send(account: change.account) { engine in
                let entry = try await engine.submit(change)
                await self.refresh(entry, client: engine.client)
                return entry
            } summary: { _ in summary }
        case .replay(let account, let entryID):
            send(account: account) { engine in
                try await engine.send(entryID: entryID)
            } summary: { _ in "replayed" }
        case .retryFailures(let account, let entryID):
            send(account: account) { engine in
                let journal = engine.store.journal
                guard let old = try await journal.entry(entryID) else { throw JournalError.noEntry(entryID) }
                var contacts: [Contact] = []
                try await KeysetPages.forEach(
                    page: { try await journal.failedContacts(of: entryID, after: $0, limit: $1) }, key: \.position
                ) { contacts += $0.map(\.contact) }
                let change = Change(
                    account: old.account, campaignID: old.campaignID, action: old.action, partial: old.partial,
                    contacts: contacts, idempotencyKey: "console-retry-\(entryID)-\(UUID().uuidString)")
                return try await engine.submit(change)
            } summary: { entry in "retried the failed contacts of journal #\(entryID) as #\(entry.id ?? 0)" }
        case .fetchFormLists(let account):
            request(account) { client, _ in
                let lists = try await (client as? any ContactFormVendor)?.contactFormLists() ?? nil
                return .change(.formListsFetched(account: account, .success(lists)))
            } failed: {
                .change(.formListsFetched(account: account, .failure($0)))
            }
        case .exportFailures(let entryID):
            let (store, inbox) = (store, inbox)
            Task {
                do {
                    inbox.post(.change(.exported(.success(try await store.journal.exportFailures(of: entryID)))))
                } catch {
                    inbox.post(.change(.exported(.failure(Failure(String(describing: error))))))
                }
            }
        case .observeJournal(let limit):
            observe(.journal, store.journal.observeEntries(limit: limit)) { .change(.journalObserved($0)) }
        case .stopObservingJournal:
            stop([.journal])
        case .observeResults(let entryID, let filter, let offset, let limit):
            let page = store.journal.observeResults(of: entryID, filter: filter, offset: offset, limit: limit)
            observe(.results, page) {
                .change(.resultsObserved(entryID: entryID, filter: filter, offset: offset, $0))
            }
        case .stopObservingResults:
            stop([.results])
        }
    }

    /// Runs `work` with the account's sync engine and posts what the entry came to.
    private func send(
        account: String, _ work: @escaping @Sendable (SyncEngine) async throws -> JournalEntry,
        summary: @escaping @Sendable (JournalEntry) -> String
    ) {
        guard let client = clients[account] else {
            inbox.post(.change(.sent(.failure(Failure("no client for account \(account)")))))
            return
        }
        let (store, inbox, logger) = (store, inbox, logger)
        Task {
            do {
                let entry = try await work(SyncEngine(store: store, client: client))
                let first = try await store.journal.contacts(of: entry.id ?? 0, limit: 1).first
                logger.info("change sent", metadata: ["entry": "\(entry.id ?? 0)", "state": "\(entry.state.rawValue)"])
                inbox.post(.change(.sent(.success(SentChange(entry: entry, first: first, summary: summary(entry))))))
            } catch {
                logger.warning("change not sent", metadata: ["account": "\(account)", "error": "\(error)"])
                inbox.post(.change(.sent(.failure(Failure(String(describing: error))))))
            }
        }
    }

    /// After a one-contact upsert, reads the contact back where the vendor can, so the
    /// cache holds what the vendor now has (the engine cached what was sent).
    private func refresh(_ entry: JournalEntry, client: any VendorClient) async {
        guard entry.contactCount == 1, entry.action.upsertAction == .upsert, client.capabilities.contains(.getContact),
            let id = entry.id, let row = try? await store.journal.contacts(of: id, limit: 1).first,
            row.result?.isFailure == false, let vendorID = row.vendorID ?? row.contact.vendorID
        else { return }
        guard let fresh = try? await client.contact(campaignID: entry.campaignID, contactID: vendorID) else { return }
        try? await store.saveContacts([fresh], account: entry.account, campaignID: entry.campaignID, seenAt: Date())
    }

}
