import Foundation
import SwitchboardCore

extension EffectRunner {
    /// Campaign changes go through the journal and the sync engine, never straight to the
    /// vendor: `SyncEngine.submit` writes the entry before anything is sent, so a cut link
    /// or a kill leaves it for replay.
    func run(_ effect: CampaignSetupEffect) {
        switch effect {
        case .settings(let effect):
            run(effect)
        case .submit(let account, let campaignID, let action, let draft):
            request(account) { client, store in
                let change = Change(account: account, campaignID: campaignID, action: action, campaign: draft)
                let entry = try await SyncEngine(store: store, client: client).submit(change)
                let settled = SettledChange(journalID: entry.id ?? 0, state: entry.state, reason: entry.reason)
                return .campaignSetup(.settled(account: account, campaignID: campaignID, action: action, .success(settled)))
            } failed: {
                .campaignSetup(.settled(account: account, campaignID: campaignID, action: action, .failure($0)))
            }
        case .fetchConfigurations(let account):
            request(account) { client, _ in
                .campaignSetup(.configurationsFetched(account: account, .success(try await client.configurations())))
            } failed: {
                .campaignSetup(.configurationsFetched(account: account, .failure($0)))
            }
        case .fetchConcurrency(let account):
            request(account) { client, _ in
                .campaignSetup(.concurrencyFetched(account: account, .success(try await client.concurrencyLimit())))
            } failed: {
                .campaignSetup(.concurrencyFetched(account: account, .failure($0)))
            }
        }
    }
}
