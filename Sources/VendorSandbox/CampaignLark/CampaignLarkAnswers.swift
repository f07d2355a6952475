extension CampaignLark {
    /// Every success body: `{"data": ...}`.
    struct DataAnswer<Value: Encodable & Sendable>: Encodable, Sendable {
        let data: Value
    }

    /// The documented page keys; the sandbox answers them in `pagination` next to `data`
    /// (the place `docs/campaignlark-wire.md` settled on).
    struct Pagination: Encodable, Equatable, Sendable {
        let currentPage: Int
        let perPage: Int
        let totalPages: Int
        let totalCount: Int

        enum CodingKeys: String, CodingKey {
            case currentPage = "current_page"
            case perPage = "per_page"
            case totalPages = "total_pages"
            case totalCount = "total_count"
        }
    }

    /// A paged answer: `{"data": [...], "pagination": {...}}`.
    struct PageAnswer<Item: Encodable & Sendable>: Encodable, Sendable {
        let data: [Item]
        let pagination: Pagination

        /// Page `page` (1-based) of `limit` items of `items`; past the last page, an empty one.
        init(_ items: [Item], page: Int, limit: Int) {
            let start = min(items.count, (page - 1) * limit)
            data = Array(items[start..<min(items.count, start + limit)])
            pagination = Pagination(
                currentPage: page, perPage: limit, totalPages: (items.count + limit - 1) / limit,
                totalCount: items.count)
        }
    }

    /// The page sizes `limit` may ask for, in search and in the campaign list.
    static let limitRange = 10...250
    /// The page size when `limit` is not sent.
    static let defaultLimit = 50

    /// Checks `page` and `limit`, filling in their defaults.
    static func paging(page: Int?, limit: Int?) throws -> (page: Int, limit: Int) {
        let page = page ?? 1
        guard page >= 1 else { throw CampaignLarkError.badRequest("page must be 1 or greater.") }
        let limit = limit ?? defaultLimit
        guard limitRange.contains(limit) else {
            throw CampaignLarkError.badRequest(
                "limit must be between \(limitRange.lowerBound) and \(limitRange.upperBound).")
        }
        return (page, limit)
    }
}
