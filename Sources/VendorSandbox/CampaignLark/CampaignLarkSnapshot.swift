/// Everything the CampaignLark sandbox stores, as `GET /_sandbox/state` shows it: each
/// workspace with its contacts in the API's shape (keys left out).
struct CampaignLarkSnapshot: Encodable, Sendable {
    struct WorkspaceSnapshot: Encodable, Sendable {
        let id: String
        let name: String
        let fields: [CampaignLark.Field]
        let tags: [CampaignLark.Tag]
        let contacts: [CampaignLark.ContactAnswer]
        let campaigns: [CampaignLark.Campaign]
        let automations: [CampaignLark.AutomationEvent]
    }

    let simulatedTime: String
    let workspaces: [WorkspaceSnapshot]

    init(_ state: CampaignLarkState) {
        simulatedTime = Timestamp.string(state.now)
        workspaces = state.workspaces.map { workspace in
            WorkspaceSnapshot(
                id: workspace.id, name: workspace.name, fields: workspace.fields, tags: workspace.tags,
                contacts: workspace.contacts.map { CampaignLark.ContactAnswer($0, in: workspace) },
                campaigns: workspace.campaigns, automations: workspace.automations)
        }
    }

    enum CodingKeys: String, CodingKey {
        case workspaces
        case simulatedTime = "simulated_time"
    }
}
