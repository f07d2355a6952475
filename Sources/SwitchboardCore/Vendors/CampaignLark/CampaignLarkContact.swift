/// A tag: an integer id (what the upsert sends) and its name.
public struct CampaignLarkTag: Codable, Sendable, Hashable {
    public var id: Int
    public var name: String?

    public init(id: Int, name: String? = nil) {
        self.id = id
        self.name = name
    }

    enum CodingKeys: String, CodingKey {
        case id, name
    }

    public init(from decoder: Decoder) throws {
        // A contact may list its tags as bare ids.
        if let id = try? decoder.singleValueContainer().decode(Int.self) {
            self.init(id: id)
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(Int.self, forKey: .id), name: try container.decodeIfPresent(String.self, forKey: .name))
    }
}

/// A contact as CampaignLark returns it: field values under `data`, keyed by merge tag
/// (`email_address` among them).
public struct CampaignLarkContact: Codable, Sendable, Hashable {
    /// Delivery counters the vendor keeps per contact.
    public struct Statistics: Codable, Sendable, Hashable {
        public var totalOpens: Int?
        public var totalClicks: Int?
        public var totalBounces: Int?
        public var totalDelivered: Int?

        enum CodingKeys: String, CodingKey {
            case totalOpens = "total_opens"
            case totalClicks = "total_clicks"
            case totalBounces = "total_bounces"
            case totalDelivered = "total_delivered"
        }
    }

    public var id: String
    public var status: CampaignLarkContactStatus
    public var tags: [CampaignLarkTag]
    public var data: [String: JSONValue]
    public var statistics: Statistics?
    public var createdAt: String?
    public var updatedAt: String?

    enum CodingKeys: String, CodingKey {
        case id, status, tags, data, statistics
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try CampaignLarkFlexibleID.decode(container, .id) ?? ""
        status = try container.decodeIfPresent(CampaignLarkContactStatus.self, forKey: .status) ?? .unknown("")
        tags = try container.decodeIfPresent([CampaignLarkTag].self, forKey: .tags) ?? []
        data = try container.decodeIfPresent([String: JSONValue].self, forKey: .data) ?? [:]
        statistics = try container.decodeIfPresent(Statistics.self, forKey: .statistics)
        createdAt = try container.decodeIfPresent(String.self, forKey: .createdAt)
        updatedAt = try container.decodeIfPresent(String.self, forKey: .updatedAt)
    }

    /// The contact's email, from `data.email_address`.
    public var emailAddress: String? { data["email_address"]?.stringValue }
}

/// The body of `POST /contacts/upsert`: the contact is found by `email_address`.
/// Unset fields are not sent.
public struct CampaignLarkUpsertInput: Codable, Sendable, Hashable {
    public var emailAddress: String
    /// Field values keyed by merge tag; each key must be a workspace merge tag.
    public var fields: [String: JSONValue]?
    /// Tag ids; on a full replace they replace the contact's tags.
    public var tags: [Int]?
    /// Defaults to `SUBSCRIBED` on create or full replace; kept on partial update.
    public var status: CampaignLarkContactStatus?
    /// When true only the given fields are merged; tags and status left out are kept.
    public var partialUpdate: Bool?

    public init(
        emailAddress: String, fields: [String: JSONValue]? = nil, tags: [Int]? = nil,
        status: CampaignLarkContactStatus? = nil, partialUpdate: Bool? = nil
    ) {
        self.emailAddress = emailAddress
        self.fields = fields
        self.tags = tags
        self.status = status
        self.partialUpdate = partialUpdate
    }

    enum CodingKeys: String, CodingKey {
        case fields, tags, status
        case emailAddress = "email_address"
        case partialUpdate = "partial_update"
    }
}

/// The body of `POST /contacts/search`; unset filters are not sent.
public struct CampaignLarkSearch: Codable, Sendable, Hashable {
    /// 1-based page number.
    public var page: Int?
    /// Contacts per page, 10 to 250.
    public var limit: Int?
    public var status: CampaignLarkContactStatus?
    /// Tag ids the contacts must carry.
    public var tags: [Int]?
    public var sortBy: CampaignLarkSortField?
    public var sortOrder: CampaignLarkSortOrder?

    public init(
        page: Int? = nil, limit: Int? = nil, status: CampaignLarkContactStatus? = nil, tags: [Int]? = nil,
        sortBy: CampaignLarkSortField? = nil, sortOrder: CampaignLarkSortOrder? = nil
    ) {
        self.page = page
        self.limit = limit
        self.status = status
        self.tags = tags
        self.sortBy = sortBy
        self.sortOrder = sortOrder
    }

    enum CodingKeys: String, CodingKey {
        case page, limit, status, tags
        case sortBy = "sort_by"
        case sortOrder = "sort_order"
    }
}
