import Foundation
import SwitchboardCore

extension EffectRunner {
    /// Configuration and concurrency changes go through the journal and the sync engine,
    /// never straight to the vendor: `SyncEngine.submit` writes the entry before anything
    /// is sent, so a cut link or a kill leaves it for replay.
    func run(_ effect: SettingsEffect) {
        switch effect {
        case .preview(let account, let change):
            request(account) { client, _ in
                guard let describing = client as? any SettingsRequestDescribing,
                    let preview = describing.settingsRequest(change)
                else {
                    return .campaignSetup(
                        .settings(
                            .previewed(
                                account: account, .failure(Failure("\(client.vendor.displayName) has no such setting")))
                        ))
                }
                return .campaignSetup(.settings(.previewed(account: account, .success(preview))))
            } failed: {
                .campaignSetup(.settings(.previewed(account: account, .failure($0))))
            }
        case .submit(let account, let change, let name):
            request(account) { client, store in
                let entry = try await SyncEngine(store: store, client: client).submit(change)
                let settled = SettledSettings(
                    journalID: entry.id ?? 0, state: entry.state, reason: entry.reason, outcome: entry.settings?.outcome
                )
                return .campaignSetup(
                    .settings(.settled(account: account, action: change.action, name: name, .success(settled))))
            } failed: {
                .campaignSetup(.settings(.settled(account: account, action: change.action, name: name, .failure($0))))
            }
        }
    }
}
