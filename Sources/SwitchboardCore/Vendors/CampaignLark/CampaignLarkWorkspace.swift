/// A workspace field: its label, the merge tag that addresses it, its type and whether
/// a create or full replace must give it.
public struct CampaignLarkField: Codable, Sendable, Hashable {
    public var id: String?
    public var label: String?
    public var mergeTag: String
    public var type: CampaignLarkFieldType?
    public var required: Bool

    public init(id: String? = nil, label: String? = nil, mergeTag: String, type: CampaignLarkFieldType? = nil, required: Bool = false) {
        self.id = id
        self.label = label
        self.mergeTag = mergeTag
        self.type = type
        self.required = required
    }

    enum CodingKeys: String, CodingKey {
        case id, label, type, required
        case mergeTag = "merge_tag"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try CampaignLarkFlexibleID.decode(container, .id)
        label = try container.decodeIfPresent(String.self, forKey: .label)
        mergeTag = try container.decodeIfPresent(String.self, forKey: .mergeTag) ?? ""
        type = try container.decodeIfPresent(CampaignLarkFieldType.self, forKey: .type)
        required = try container.decodeIfPresent(Bool.self, forKey: .required) ?? false
    }
}

/// A merge tag the workspace knows (`first_name`), with its label when the vendor gives one.
public struct CampaignLarkMergeTag: Codable, Sendable, Hashable {
    public var tag: String
    public var label: String?

    public init(tag: String, label: String? = nil) {
        self.tag = tag
        self.label = label
    }

    enum CodingKeys: String, CodingKey {
        case tag = "merge_tag"
        case label
        case name
    }

    public init(from decoder: Decoder) throws {
        // Partly documented: a bare string, or an object naming the tag.
        if let tag = try? decoder.singleValueContainer().decode(String.self) {
            self.init(tag: tag)
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let label = try container.decodeIfPresent(String.self, forKey: .label)
        let tag = try container.decodeIfPresent(String.self, forKey: .tag)
            ?? container.decodeIfPresent(String.self, forKey: .name) ?? ""
        self.init(tag: tag, label: label)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tag, forKey: .tag)
        try container.encodeIfPresent(label, forKey: .label)
    }
}

/// A campaign as `GET /campaigns` returns it (partly documented: id, name, status, times).
public struct CampaignLarkCampaign: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    public var status: CampaignLarkCampaignStatus
    public var createdAt: String?
    public var updatedAt: String?

    public init(id: String, name: String, status: CampaignLarkCampaignStatus, createdAt: String? = nil, updatedAt: String? = nil) {
        self.id = id
        self.name = name
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, name, status
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try CampaignLarkFlexibleID.decode(container, .id) ?? ""
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? ""
        status = try container.decodeIfPresent(CampaignLarkCampaignStatus.self, forKey: .status) ?? .unknown("")
        createdAt = try container.decodeIfPresent(String.self, forKey: .createdAt)
        updatedAt = try container.decodeIfPresent(String.self, forKey: .updatedAt)
    }
}
