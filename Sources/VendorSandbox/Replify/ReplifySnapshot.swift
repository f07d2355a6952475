/// Everything the Replify sandbox stores, as `GET /_sandbox/state` shows it under `replify`.
struct ReplifySnapshot: Encodable, Sendable {
    let apiKeys: [ReplifyAPIKey]
    let campaigns: [ReplifyCampaign]
    let calls: [ReplifyCall]

    init(_ state: ReplifyState) {
        apiKeys = state.apiKeys
        campaigns = state.campaigns
        calls = state.calls
    }
}
