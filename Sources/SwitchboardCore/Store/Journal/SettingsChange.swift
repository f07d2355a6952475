import Foundation
import GRDB

/// What a configuration create or update sets: only the fields that are not nil are sent.
/// Journaled with the change (`ChangeAction.createConfiguration`, `.updateConfiguration`).
public struct ConfigurationDraft: Codable, Sendable, Hashable {
    public var name: String?
    /// The default IANA time zone of the calling windows.
    public var timezone: String?
    /// The default calling windows; an empty list means no calls.
    public var windows: [ScheduleWindow]?
    public var retryLimit: Int?
    /// The country code national numbers get (`+1`).
    public var countryCode: String?
    public var agentID: String?
    public var agentNumber: String?

    public init(
        name: String? = nil, timezone: String? = nil, windows: [ScheduleWindow]? = nil, retryLimit: Int? = nil,
        countryCode: String? = nil, agentID: String? = nil, agentNumber: String? = nil
    ) {
        self.name = name
        self.timezone = timezone
        self.windows = windows
        self.retryLimit = retryLimit
        self.countryCode = countryCode
        self.agentID = agentID
        self.agentNumber = agentNumber
    }

    /// True when it sets nothing.
    public var isEmpty: Bool { self == ConfigurationDraft() }
}

/// A settings change's payload as the journal keeps it (column `settings`, migration
/// "v4 settings changes"): what to send, then what the vendor answered. Never a credential.
public struct SettingsChange: Codable, Sendable, Hashable {
    /// Configuration create and update: the fields to set.
    public var configuration: ConfigurationDraft?
    /// `setConcurrency`: the account's new limit on calls at once.
    public var concurrencyLimit: Int?
    /// Configuration create: the ids of configurations with the same name that existed
    /// before the first send (read then). A resend looks for one with that name and
    /// another id: the first send made it and its answer was lost, so it is not made twice.
    public var existingIDs: [String]?
    /// The configuration the change made or changed, once the vendor said.
    public var configurationID: String?
    /// What the vendor answered, in words ("created configuration …", "already deleted: …").
    public var outcome: String?

    public init(configuration: ConfigurationDraft? = nil, concurrencyLimit: Int? = nil) {
        self.configuration = configuration
        self.concurrencyLimit = concurrencyLimit
    }
}

extension ChangeAction {
    /// True for the account settings changes: configurations and the concurrency limit.
    /// One request, no contacts, no campaign.
    public var isSettingsAction: Bool {
        switch self {
        case .createConfiguration, .updateConfiguration, .deleteConfiguration, .setConcurrency: true
        default: false
        }
    }
}

extension Change {
    /// A configuration create: `campaignID` carries the new configuration's name (what a
    /// resend looks it up by).
    public static func createConfiguration(
        account: String, _ draft: ConfigurationDraft, idempotencyKey: String = UUID().uuidString
    ) -> Change {
        Change(
            account: account, campaignID: draft.name ?? "", action: .createConfiguration,
            settings: SettingsChange(configuration: draft), idempotencyKey: idempotencyKey)
    }

    /// A configuration update: `campaignID` carries the configuration's id.
    public static func updateConfiguration(
        account: String, id: String, _ draft: ConfigurationDraft, idempotencyKey: String = UUID().uuidString
    ) -> Change {
        Change(
            account: account, campaignID: id, action: .updateConfiguration,
            settings: SettingsChange(configuration: draft), idempotencyKey: idempotencyKey)
    }

    /// A configuration delete: `campaignID` carries the configuration's id.
    public static func deleteConfiguration(account: String, id: String, idempotencyKey: String = UUID().uuidString)
        -> Change
    {
        Change(
            account: account, campaignID: id, action: .deleteConfiguration, settings: SettingsChange(),
            idempotencyKey: idempotencyKey)
    }

    /// The account's concurrency limit; `campaignID` is empty (the setting is the account's).
    public static func setConcurrency(account: String, limit: Int, idempotencyKey: String = UUID().uuidString)
        -> Change
    {
        Change(
            account: account, campaignID: "", action: .setConcurrency,
            settings: SettingsChange(concurrencyLimit: limit), idempotencyKey: idempotencyKey)
    }
}

extension Journal {
    /// Writes what the vendor answered (or what a create found before sending) into the
    /// entry's settings payload, durably, before the engine goes on.
    func updateSettings(_ id: Int64, at date: Date, _ change: @Sendable (inout SettingsChange) -> Void) async throws
        -> SettingsChange
    {
        try await store.pool.write { db in
            guard var entry = try JournalEntry.fetchOne(db, key: id) else { throw JournalError.noEntry(id) }
            var settings = entry.settings ?? SettingsChange()
            change(&settings)
            entry.settings = settings
            entry.updatedAt = date
            try entry.update(db)
            return settings
        }
    }
}

/// How the sync engine sends a settings change. Every resend is safe: an update and the
/// limit are set to the same values again, a delete that finds the configuration gone is
/// done, and a create first looks for the configuration an earlier send made.
extension SyncEngine {
    func applySettings(_ entry: JournalEntry) async throws {
        guard let id = entry.id else { return }
        let journal = store.journal
        let now = environment.now
        // The stored payload as it is now: an earlier attempt may have added to it.
        let settings = try await journal.entry(id)?.settings ?? entry.settings ?? SettingsChange()
        switch entry.action {
        case .createConfiguration:
            guard let draft = settings.configuration, let name = draft.name, !name.isEmpty else {
                throw VendorError.invalidRequest("a configuration is created with a name; the journal entry has none")
            }
            if let existing = settings.existingIDs {
                let mine = try await client.configurations().first { $0.name == name && !existing.contains($0.id) }
                if let mine {
                    _ = try await journal.updateSettings(id, at: now()) {
                        $0.configurationID = mine.id
                        $0.outcome = "configuration \(mine.id) was already made by an earlier send"
                    }
                    return
                }
            } else {
                let same = try await client.configurations().filter { $0.name == name }.map(\.id)
                _ = try await journal.updateSettings(id, at: now()) { $0.existingIDs = same }
            }
            let made = try await client.createConfiguration(draft)
            _ = try await journal.updateSettings(id, at: now()) {
                $0.configurationID = made.id
                $0.outcome = "created configuration \(made.id)"
            }
        case .updateConfiguration:
            guard let draft = settings.configuration, !draft.isEmpty else {
                throw VendorError.invalidRequest("the journal entry has no configuration fields to send")
            }
            let changed = try await client.updateConfiguration(id: entry.campaignID, draft)
            _ = try await journal.updateSettings(id, at: now()) {
                $0.configurationID = changed.id
                $0.outcome = "updated configuration \(changed.id)"
            }
        case .deleteConfiguration:
            let outcome: String
            do {
                try await client.deleteConfiguration(id: entry.campaignID)
                outcome = "deleted configuration \(entry.campaignID)"
            } catch let error as VendorError where error.status == 404 {
                outcome = "configuration \(entry.campaignID) was already gone: \(error.message)"
            }
            _ = try await journal.updateSettings(id, at: now()) {
                $0.configurationID = entry.campaignID
                $0.outcome = outcome
            }
        case .setConcurrency:
            guard let limit = settings.concurrencyLimit else {
                throw VendorError.invalidRequest("the journal entry has no concurrency limit to send")
            }
            let answer = try await client.setConcurrencyLimit(limit)
            let active = answer.activeCalls.map { ", \($0) calls active" } ?? ""
            _ = try await journal.updateSettings(id, at: now()) {
                $0.outcome = "concurrency limit set to \(answer.limit)\(active)"
            }
        default:
            throw VendorError.invalidRequest("\(entry.action.rawValue) is not a settings change")
        }
    }
}
