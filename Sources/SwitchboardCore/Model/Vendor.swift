/// The campaign systems Switchboard speaks to.
public enum Vendor: String, CaseIterable, Codable, Sendable {
    case anyreach
    case replify
    case campaignlark
    case replyio

    /// The vendor's documented production server, used when an account names no `base_url`.
    public var defaultBaseURL: String {
        switch self {
        case .anyreach: "https://api.anyreach.ai"
        case .replify: "https://api.heylibby.com/api/v1"
        case .campaignlark: "https://api.campaignlark.com/v1"
        case .replyio: "https://api.reply.io"
        }
    }

    /// The name operators know the vendor by.
    public var displayName: String {
        switch self {
        case .anyreach: "Anyreach"
        case .replify: "Replify"
        case .campaignlark: "CampaignLark"
        case .replyio: "Reply.io"
        }
    }
}
