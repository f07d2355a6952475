import Hummingbird

extension CampaignLarkVendor {
    /// `POST /contacts/upsert`, `GET /contacts/by-email`, `POST /contacts/search`.
    func addContactRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.post("contacts/upsert") { request, context in
            let workspace = try await admit(request)
            let upsert = try await CampaignLark.body(CampaignLark.UpsertRequest.self, of: request, context: context)
            let answer = try await store.write(in: workspace) { workspace, now, ids in
                try workspace.upsert(upsert, at: now, ids: &ids)
            }
            return try JSONAnswer.response(CampaignLark.DataAnswer(data: answer))
        }
        group.get("contacts/by-email") { request, _ in
            let workspace = try await admit(request)
            guard let email = request.uri.queryParameters.get("email"), !email.isEmpty else {
                throw CampaignLarkError.badRequest("The email query parameter is required.")
            }
            return try await read(in: workspace) { CampaignLark.DataAnswer(data: try $0.contact(email: email)) }
        }
        group.post("contacts/search") { request, context in
            let workspace = try await admit(request)
            let search = try await CampaignLark.body(
                CampaignLark.SearchRequest.self, of: request, context: context, whenEmpty: CampaignLark.SearchRequest())
            return try await read(in: workspace) { try $0.search(search) }
        }
    }
}
