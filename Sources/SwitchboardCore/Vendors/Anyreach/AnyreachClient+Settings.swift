/// Anyreach's configuration create, update and delete and the concurrency limit through
/// the vendor-neutral protocol, so the sync engine can send them from the journal.
extension AnyreachClient {
    public func createConfiguration(_ draft: ConfigurationDraft) async throws -> CampaignConfiguration {
        try await createConfiguration(AnyreachConfigurationInput(draft)).neutral
    }

    public func updateConfiguration(id: String, _ draft: ConfigurationDraft) async throws -> CampaignConfiguration {
        try await updateConfiguration(id, AnyreachConfigurationInput(draft)).neutral
    }

    public func deleteConfiguration(id: String) async throws {
        let _: AnyreachDeleted = try await deleteConfiguration(id)
    }

    public func setConcurrencyLimit(_ limit: Int) async throws -> ConcurrencyLimit {
        let answer = try await setConcurrency(limit)
        return ConcurrencyLimit(limit: answer.concurrencyLimit, activeCalls: answer.activeCalls)
    }
}

extension AnyreachConfigurationInput {
    /// The body for a draft: only the fields it sets.
    public init(_ draft: ConfigurationDraft) {
        self.init(
            name: draft.name, defaultTimezone: draft.timezone,
            defaultWindows: draft.windows?.map { AnyreachWindow(days: $0.days, start: $0.start, end: $0.end) },
            retryLimit: draft.retryLimit, defaultCountryCode: draft.countryCode, agentID: draft.agentID,
            agentNumber: draft.agentNumber)
    }
}

extension AnyreachClient: SettingsRequestDescribing {
    /// The route and body a settings change goes out as (`anyreach-campaigns-api.md`).
    public func settingsRequest(_ change: Change) -> RequestPreview? {
        let base = "/campaign/configurations"
        switch change.action {
        case .createConfiguration:
            let body = AnyreachConfigurationInput(change.settings?.configuration ?? ConfigurationDraft())
            return RequestPreview(method: "POST", path: base, body: Self.indented(body))
        case .updateConfiguration:
            let body = AnyreachConfigurationInput(change.settings?.configuration ?? ConfigurationDraft())
            return RequestPreview(method: "PATCH", path: base + "/" + change.campaignID, body: Self.indented(body))
        case .deleteConfiguration:
            return RequestPreview(method: "DELETE", path: base + "/" + change.campaignID, body: "")
        case .setConcurrency:
            let body = AnyreachConcurrencyInput(concurrencyLimit: change.settings?.concurrencyLimit ?? 0)
            return RequestPreview(method: "PUT", path: "/campaign/concurrency-settings", body: Self.indented(body))
        default:
            return nil
        }
    }
}
