/// The permissions an Anyreach credential can carry.
enum Scope: String, Sendable, Codable {
    case campaignsRead = "campaigns:read"
    case campaignsManage = "campaigns:manage"
    case concurrencyRead = "concurrency:read"
    case concurrencyManage = "concurrency:manage"
}

/// What a route asks of the caller's scopes: any one of `accepted`, named by `required` in the 403.
struct ScopeRequirement: Sendable {
    let accepted: Set<Scope>
    let required: Scope

    static let readCampaigns = ScopeRequirement(
        accepted: [.campaignsRead, .campaignsManage], required: .campaignsRead)
    static let manageCampaigns = ScopeRequirement(accepted: [.campaignsManage], required: .campaignsManage)
    static let readConcurrency = ScopeRequirement(
        accepted: [.campaignsRead, .campaignsManage, .concurrencyRead, .concurrencyManage],
        required: .concurrencyRead)
    static let manageConcurrency = ScopeRequirement(
        accepted: [.campaignsManage, .concurrencyManage], required: .concurrencyManage)
}

/// A credential the sandbox knows: an org key (`ak_`) carries its organization, a personal
/// token (`pat_`) names its organization in `X-Anyreach-Org` and must be a member of it.
struct AccessToken: Sendable, Equatable {
    let token: String
    let organizations: [String]
    let scopes: Set<Scope>

    var isPersonal: Bool { token.hasPrefix("pat_") }
}
