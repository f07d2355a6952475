import Hummingbird

extension AnyreachVendor {
    /// Campaigns: create, list, get, PATCH, start, pause, close, and stats.
    func addCampaignRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.post("campaign/campaigns") { request, context in
            try authentication.authorize(request, needs: .manageCampaigns)
            let creation = try await parsing.body(CampaignCreation.self, of: request, context: context)
            return try await write { try $0.createCampaign(creation) }
        }
        group.get("campaign/campaigns") { request, _ in
            try authentication.authorize(request, needs: .readCampaigns)
            let limit = try parsing.integer("limit", of: request, in: 1...200, default: 50)
            let statuses = try parsing.values("status", of: request, as: CampaignStatus.self)
            let name = request.uri.queryParameters.get("name")
            let cursor = request.uri.queryParameters.get("cursor").flatMap { $0.isEmpty ? nil : $0 }
            return try await read {
                try $0.campaignPage(name: name, statuses: statuses, cursor: cursor, limit: limit)
            }
        }
        group.get("campaign/campaigns/:id") { request, context in
            let id = try context.parameters.require("id")
            try authentication.authorize(request, needs: .readCampaigns)
            return try await read { $0.campaigns[try $0.campaignIndex(id)] }
        }
        group.patch("campaign/campaigns/:id") { request, context in
            let id = try context.parameters.require("id")
            try authentication.authorize(request, needs: .manageCampaigns)
            let changes = try await parsing.body(CampaignChanges.self, of: request, context: context)
            return try await write { try $0.changeCampaign(id, changes) }
        }
        for transition in [CampaignTransition.start, .pause, .close] {
            group.post("campaign/campaigns/:id/\(transition.rawValue)") { request, context in
                let id = try context.parameters.require("id")
                try authentication.authorize(request, needs: .manageCampaigns)
                return try await write { try $0.transition(id, transition) }
            }
        }
        group.get("campaign/campaigns/:id/stats") { request, context in
            let id = try context.parameters.require("id")
            try authentication.authorize(request, needs: .readCampaigns)
            return try await read { try $0.stats(ofCampaign: id) }
        }
    }
}
