extension CampaignLark.Workspace {
    /// `POST /contacts/search`: contacts with the status and every one of the tags asked
    /// for, sorted by `sort_by` (default `created_at`) in `sort_order` (default `desc`),
    /// then by id, one page at a time.
    func search(_ request: CampaignLark.SearchRequest) throws -> CampaignLark.PageAnswer<CampaignLark.ContactAnswer> {
        let (page, limit) = try CampaignLark.paging(page: request.page, limit: request.limit)
        var status: CampaignLark.ContactStatus?
        if let raw = request.status {
            guard let parsed = CampaignLark.ContactStatus(rawValue: raw) else { throw CampaignLarkError.invalidStatus }
            status = parsed
        }
        let sortBy = request.sortBy ?? "created_at"
        guard ["created_at", "updated_at"].contains(sortBy) else {
            throw CampaignLarkError.badRequest("sort_by must be created_at or updated_at.")
        }
        let order = (request.sortOrder ?? "desc").lowercased()
        guard ["asc", "desc"].contains(order) else {
            throw CampaignLarkError.badRequest("sort_order must be asc or desc.")
        }
        let tags = Set(request.tags ?? [])
        let matching = contacts.filter { contact in
            (status == nil || contact.status == status) && tags.isSubset(of: contact.tagIDs)
        }
        let sorted = matching.sorted { left, right in
            let (a, b) = sortBy == "created_at" ? (left.createdAt, right.createdAt) : (left.updatedAt, right.updatedAt)
            if a != b { return order == "asc" ? a < b : a > b }
            return left.id < right.id
        }
        return CampaignLark.PageAnswer(
            sorted.map { CampaignLark.ContactAnswer($0, in: self) }, page: page, limit: limit)
    }

    /// `GET /contacts/by-email`: the contact with this address, in any case.
    func contact(email: String) throws -> CampaignLark.ContactAnswer {
        guard let index = contactIndex(email: email) else { throw CampaignLarkError.contactNotFound }
        return CampaignLark.ContactAnswer(contacts[index], in: self)
    }

    /// `GET /campaigns`: newest first, optionally of one status.
    func campaignPage(status: CampaignLark.CampaignStatus?, page: Int, limit: Int)
        -> CampaignLark.PageAnswer<CampaignLark.Campaign>
    {
        let listed = campaigns.filter { status == nil || $0.status == status }.sorted { left, right in
            left.createdAt != right.createdAt ? left.createdAt > right.createdAt : left.id < right.id
        }
        return CampaignLark.PageAnswer(listed, page: page, limit: limit)
    }
}
