import Foundation

/// Everything the CampaignLark sandbox stores: its workspaces and the simulated clock.
///
/// A value type: a request works on a copy of its workspace and the store keeps it only
/// when the request succeeds, so a 400 stores nothing.
struct CampaignLarkState: Sendable {
    var workspaces: [CampaignLark.Workspace]
    /// Simulated time: stamps every change.
    var now: Date
    /// Draws the ids of contacts created through the API, so runs repeat under a seed.
    var ids: SeededGenerator

    /// The workspace a bearer key belongs to.
    func workspaceID(forKey key: String) -> String? {
        workspaces.first { $0.apiKeys.contains(key) }?.id
    }
}
