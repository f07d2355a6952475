/// Everything the Anyreach sandbox stores, as `GET /_sandbox/state` shows it.
struct AnyreachSnapshot: Encodable, Sendable {
    let organizationID: String
    let simulatedTime: String
    let concurrencyLimit: Int
    let activeCalls: Int
    let campaigns: [Campaign]
    let contacts: [Contact]
    let configurations: [Configuration]

    init(_ state: AnyreachState) {
        organizationID = state.organizationID
        simulatedTime = Timestamp.string(state.now)
        concurrencyLimit = state.concurrencyLimit
        activeCalls = state.activeCallCount
        campaigns = state.campaigns
        contacts = state.contacts
        configurations = state.configurations
    }

    enum CodingKeys: String, CodingKey {
        case campaigns, contacts, configurations
        case organizationID = "organization_id"
        case simulatedTime = "simulated_time"
        case concurrencyLimit = "concurrency_limit"
        case activeCalls = "active_calls"
    }
}
