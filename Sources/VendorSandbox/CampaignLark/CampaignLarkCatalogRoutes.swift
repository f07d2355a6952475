import Hummingbird

extension CampaignLarkVendor {
    /// The workspace's vocabulary: `GET /tags`, `GET /fields`, `GET /merge-tags`.
    func addCatalogRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.get("tags") { request, _ in
            try await read(in: try await admit(request)) { CampaignLark.DataAnswer(data: $0.tags) }
        }
        group.get("fields") { request, _ in
            try await read(in: try await admit(request)) { CampaignLark.DataAnswer(data: $0.fields) }
        }
        group.get("merge-tags") { request, _ in
            try await read(in: try await admit(request)) { CampaignLark.DataAnswer(data: $0.mergeTags) }
        }
    }
}
