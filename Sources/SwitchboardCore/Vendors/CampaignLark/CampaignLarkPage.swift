/// CampaignLark's success envelope `{"data": ...}`.
struct CampaignLarkData<Value: Decodable & Sendable>: Decodable, Sendable {
    var data: Value
}

/// Where a paged answer stands: `{current_page, per_page, total_pages, total_count}`,
/// each part optional.
public struct CampaignLarkPagination: Codable, Sendable, Hashable {
    public var currentPage: Int?
    public var perPage: Int?
    public var totalPages: Int?
    public var totalCount: Int?

    public init(currentPage: Int? = nil, perPage: Int? = nil, totalPages: Int? = nil, totalCount: Int? = nil) {
        self.currentPage = currentPage
        self.perPage = perPage
        self.totalPages = totalPages
        self.totalCount = totalCount
    }

    enum CodingKeys: String, CodingKey {
        case currentPage = "current_page"
        case perPage = "per_page"
        case totalPages = "total_pages"
        case totalCount = "total_count"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        currentPage = try? container.decodeIfPresent(Int.self, forKey: .currentPage)
        perPage = try? container.decodeIfPresent(Int.self, forKey: .perPage)
        totalPages = try? container.decodeIfPresent(Int.self, forKey: .totalPages)
        totalCount = try? container.decodeIfPresent(Int.self, forKey: .totalCount)
    }

    /// This pagination with the parts it lacks taken from `other`.
    func filling(from other: CampaignLarkPagination?) -> CampaignLarkPagination {
        guard let other else { return self }
        return CampaignLarkPagination(
            currentPage: currentPage ?? other.currentPage, perPage: perPage ?? other.perPage,
            totalPages: totalPages ?? other.totalPages, totalCount: totalCount ?? other.totalCount)
    }
}

/// One page of a CampaignLark list. The documents give the pagination keys but not where
/// they sit, so this reads them tolerantly: `data` is the list, or an object holding the
/// list (under `items`, `results`, `contacts`, `campaigns`, `tags`, `fields`, `merge_tags`
/// or `data`); the pagination keys may sit at the root, inside `data`, or in a
/// `pagination` or `meta` object at either place.
public struct CampaignLarkPage<Item: Decodable & Sendable & Hashable>: Decodable, Sendable, Hashable {
    public var items: [Item]
    public var pagination: CampaignLarkPagination

    public init(items: [Item], pagination: CampaignLarkPagination = CampaignLarkPagination()) {
        self.items = items
        self.pagination = pagination
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static var listKeys: [String] { ["items", "results", "contacts", "campaigns", "tags", "fields", "merge_tags", "data"] }

    public init(from decoder: Decoder) throws {
        let root = try decoder.container(keyedBy: Key.self)
        var pagination = Self.pagination(in: root, decoder: decoder)
        let data = Key("data")
        if (try? root.decode([JSONValue].self, forKey: data)) != nil {
            items = try root.decode([Item].self, forKey: data)
        } else {
            let inner = try root.nestedContainer(keyedBy: Key.self, forKey: data)
            guard let listKey = Self.listKeys.map(Key.init).first(where: { (try? inner.decode([JSONValue].self, forKey: $0)) != nil })
            else {
                throw DecodingError.keyNotFound(
                    Key("items"), .init(codingPath: inner.codingPath, debugDescription: "no list in data"))
            }
            items = try inner.decode([Item].self, forKey: listKey)
            pagination = pagination.filling(from: Self.pagination(in: inner, decoder: try root.superDecoder(forKey: data)))
        }
        self.pagination = pagination
    }

    private static func pagination(in container: KeyedDecodingContainer<Key>, decoder: Decoder) -> CampaignLarkPagination {
        var found = (try? CampaignLarkPagination(from: decoder)) ?? CampaignLarkPagination()
        for name in ["pagination", "meta"] {
            found = found.filling(from: try? container.decodeIfPresent(CampaignLarkPagination.self, forKey: Key(name)))
        }
        return found
    }

    /// Whether a later page exists: from the page counts when given, else from the total,
    /// else from a full page (`items.count == requestedLimit`).
    public func hasMore(requestedLimit: Int) -> Bool {
        if let current = pagination.currentPage, let pages = pagination.totalPages { return current < pages }
        if let current = pagination.currentPage, let total = pagination.totalCount {
            let size = pagination.perPage ?? requestedLimit
            return current * size < total
        }
        return !items.isEmpty && items.count >= requestedLimit
    }
}
