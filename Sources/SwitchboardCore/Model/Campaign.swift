/// A campaign's lifecycle state: vendor word kept, plus a neutral reading.
public enum CampaignState: Sendable, Hashable, Codable, CustomStringConvertible {
    case active
    case paused
    case closed
    case draft
    /// A value the vendor sent that Switchboard does not know, kept as sent.
    case unknown(String)

    public var description: String {
        switch self {
        case .active: "active"
        case .paused: "paused"
        case .closed: "closed"
        case .draft: "draft"
        case .unknown(let raw): raw
        }
    }
}

/// A campaign as the console shows it, whatever the vendor.
public struct Campaign: Sendable, Hashable, Codable, Identifiable {
    /// The vendor's identifier for the campaign (UUID, sequence id, ...).
    public var id: String
    public var name: String
    public var state: CampaignState
    /// The operator's own key where the vendor has one (Anyreach `external_id`).
    public var externalID: String?
    public var createdAt: String?
    public var updatedAt: String?

    public init(
        id: String, name: String, state: CampaignState, externalID: String? = nil,
        createdAt: String? = nil, updatedAt: String? = nil
    ) {
        self.id = id
        self.name = name
        self.state = state
        self.externalID = externalID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
