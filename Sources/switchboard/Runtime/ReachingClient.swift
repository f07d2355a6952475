import NIOCore
import SwitchboardCore

/// A vendor client whose every call goes through `VendorReach`: retried while the vendor
/// gives no answer, refusals noted. The sync engine and replay send through it.
struct ReachingClient: VendorClient {
    let inner: any VendorClient
    let reach: VendorReach

    var vendor: Vendor { inner.vendor }
    var capabilities: VendorCapabilities { inner.capabilities }
    var maxContactsPerRequest: Int { inner.maxContactsPerRequest }

    func campaigns(nameContains: String?, states: [CampaignState]) async throws -> [Campaign] {
        try await reach.read { try await inner.campaigns(nameContains: nameContains, states: states) }
    }

    func campaign(id: String) async throws -> Campaign {
        try await reach.read { try await inner.campaign(id: id) }
    }

    func contacts(campaignID: String, status: String?, limit: Int, offset: Int) async throws -> ContactPage {
        try await reach.read {
            try await inner.contacts(campaignID: campaignID, status: status, limit: limit, offset: offset)
        }
    }

    func contact(campaignID: String, contactID: String) async throws -> Contact {
        try await reach.read { try await inner.contact(campaignID: campaignID, contactID: contactID) }
    }

    func deleteContact(campaignID: String, contactID: String) async throws {
        try await reach.call { try await inner.deleteContact(campaignID: campaignID, contactID: contactID) }
    }

    func upsert(_ request: UpsertRequest) async throws -> UpsertReport {
        try await reach.call { try await inner.upsert(request) }
    }

    func upsertBody(campaignID: String, body: ByteBuffer, sentIDs: [String?]) async throws -> ChunkOutcomes {
        try await reach.call { try await inner.upsertBody(campaignID: campaignID, body: body, sentIDs: sentIDs) }
    }

    func stats(campaignID: String) async throws -> StatusCounts {
        try await reach.read { try await inner.stats(campaignID: campaignID) }
    }

    func perform(_ command: CampaignCommand, campaignID: String) async throws -> Campaign {
        try await reach.call { try await inner.perform(command, campaignID: campaignID) }
    }

    /// Sent once: a lost answer may mean the campaign was made. The sync engine looks it
    /// up by its external id before any resend (its retry, or `journal replay`).
    func createCampaign(_ draft: CampaignDraft) async throws -> Campaign {
        try await reach.call(retrying: false) { try await inner.createCampaign(draft) }
    }

    func updateCampaign(id: String, _ draft: CampaignDraft) async throws -> Campaign {
        try await reach.call { try await inner.updateCampaign(id: id, draft) }
    }

    func configurations() async throws -> [CampaignConfiguration] {
        try await reach.read { try await inner.configurations() }
    }

    func concurrencyLimit() async throws -> ConcurrencyLimit {
        try await reach.read { try await inner.concurrencyLimit() }
    }

    /// Sent once: a lost answer may mean the configuration was made. The sync engine
    /// looks for it by name before any resend.
    func createConfiguration(_ draft: ConfigurationDraft) async throws -> CampaignConfiguration {
        try await reach.call(retrying: false) { try await inner.createConfiguration(draft) }
    }

    func updateConfiguration(id: String, _ draft: ConfigurationDraft) async throws -> CampaignConfiguration {
        try await reach.call { try await inner.updateConfiguration(id: id, draft) }
    }

    func deleteConfiguration(id: String) async throws {
        try await reach.call { try await inner.deleteConfiguration(id: id) }
    }

    func setConcurrencyLimit(_ limit: Int) async throws -> ConcurrencyLimit {
        try await reach.call { try await inner.setConcurrencyLimit(limit) }
    }
}
