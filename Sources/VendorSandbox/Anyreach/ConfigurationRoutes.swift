import Hummingbird

extension AnyreachVendor {
    /// Configurations: create, list, get, PATCH, delete.
    func addConfigurationRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.post("campaign/configurations") { request, context in
            try authentication.authorize(request, needs: .manageCampaigns)
            let fields = try await parsing.body(ConfigurationFields.self, of: request, context: context)
            return try await write { try $0.createConfiguration(fields) }
        }
        group.get("campaign/configurations") { request, _ in
            try authentication.authorize(request, needs: .readCampaigns)
            return try await read { ConfigurationList(configurations: $0.configurations) }
        }
        group.get("campaign/configurations/:config_id") { request, context in
            let id = try context.parameters.require("config_id")
            try authentication.authorize(request, needs: .readCampaigns)
            return try await read { $0.configurations[try $0.configurationIndex(id)] }
        }
        group.patch("campaign/configurations/:config_id") { request, context in
            let id = try context.parameters.require("config_id")
            try authentication.authorize(request, needs: .manageCampaigns)
            let fields = try await parsing.body(ConfigurationFields.self, of: request, context: context)
            return try await write { try $0.changeConfiguration(id, fields) }
        }
        group.delete("campaign/configurations/:config_id") { request, context in
            let id = try context.parameters.require("config_id")
            try authentication.authorize(request, needs: .manageCampaigns)
            return try await write { try $0.deleteConfiguration(id) }
        }
    }
}
