import Hummingbird

extension CampaignLarkVendor {
    /// `GET /campaigns?page=&limit=&status=`.
    func addCampaignRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.get("campaigns") { request, _ in
            let workspace = try await admit(request)
            let query = request.uri.queryParameters
            let (page, limit) = try CampaignLark.paging(
                page: try Self.integer("page", query.get("page")), limit: try Self.integer("limit", query.get("limit")))
            let status = try query.get("status").map { raw in
                guard let status = CampaignLark.CampaignStatus(rawValue: raw) else {
                    throw CampaignLarkError.invalidStatus
                }
                return status
            }
            return try await read(in: workspace) { $0.campaignPage(status: status, page: page, limit: limit) }
        }
    }

    /// An integer query parameter, nil when absent.
    private static func integer(_ name: String, _ text: String?) throws -> Int? {
        guard let text else { return nil }
        guard let value = Int(text) else { throw CampaignLarkError.badRequest("\(name) must be an integer.") }
        return value
    }
}
