/// Anyreach's campaign create and update, configurations and concurrency through the
/// vendor-neutral protocol.
extension AnyreachClient {
    public func createCampaign(_ draft: CampaignDraft) async throws -> Campaign {
        try await createCampaign(AnyreachCampaignInput(draft)).neutral
    }

    public func updateCampaign(id: String, _ draft: CampaignDraft) async throws -> Campaign {
        try await updateCampaign(id, AnyreachCampaignInput(draft)).neutral
    }

    public func configurations() async throws -> [CampaignConfiguration] {
        try await listConfigurations().map(\.neutral)
    }

    public func concurrencyLimit() async throws -> ConcurrencyLimit {
        let answer = try await concurrency()
        return ConcurrencyLimit(limit: answer.concurrencyLimit, activeCalls: answer.activeCalls)
    }
}

extension AnyreachCampaignInput {
    init(_ draft: CampaignDraft) {
        self.init(
            name: draft.name, externalID: draft.externalID, description: draft.description,
            configurationID: draft.configurationID)
    }
}

extension AnyreachConfiguration {
    var neutral: CampaignConfiguration {
        CampaignConfiguration(
            id: id, name: name, timezone: defaultTimezone,
            windows: (defaultWindows ?? []).map { ScheduleWindow(days: $0.days, start: $0.start, end: $0.end) },
            retryLimit: retryLimit, countryCode: defaultCountryCode)
    }
}
