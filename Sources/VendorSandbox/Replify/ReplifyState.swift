/// Everything the Replify sandbox stores: keys, campaigns with their contacts, and the
/// outbound calls asked for.
///
/// A value type: a request works on a copy and the store keeps it when the request succeeds.
struct ReplifyState: Sendable {
    var apiKeys: [ReplifyAPIKey]
    var campaigns: [ReplifyCampaign]
    var calls: [ReplifyCall]

    /// The key a request presents, or the documented 403 for a missing or unknown one.
    func apiKey(_ presented: String?) throws -> ReplifyAPIKey {
        guard let presented, !presented.isEmpty else { throw ReplifyError.missingKey }
        guard let key = apiKeys.first(where: { $0.key == presented }) else { throw ReplifyError.invalidKey }
        return key
    }

    /// The index of a campaign the presented key may reach: 403 for a missing or unknown
    /// key, 404 when no campaign has the id, 403 when the key may not reach it.
    func campaignIndex(_ id: String, presenting presented: String?) throws -> Int {
        let key = try apiKey(presented)
        let lowered = id.lowercased()
        guard let index = campaigns.firstIndex(where: { $0.id == lowered }) else {
            throw ReplifyError.campaignNotFound
        }
        guard key.campaigns.contains(lowered) else { throw ReplifyError.unauthorizedCampaign }
        return index
    }
}
