import Foundation

/// Everything one Anyreach organization has stored in the sandbox, plus the simulated clock.
///
/// A value type: a request works on a copy and the store keeps it only when the request
/// succeeds, so a failed request (a 422 for one bad phone) stores nothing.
struct AnyreachState: Sendable {
    var organizationID: String
    var campaigns: [Campaign]
    var contacts: [Contact]
    var configurations: [Configuration]
    var concurrencyLimit: Int
    /// Simulated time: stamps every change and decides when scheduled contacts are due.
    var now: Date
    /// Draws the ids of everything created through the API, so runs repeat under a seed.
    var ids: SeededGenerator
    /// Finds contacts by id and `external_id` for upserts.
    var contactLookup = ContactIndex()

    static let defaultConcurrencyLimit = 10
    static let concurrencyRange = 1...10_000
    /// The retry limit of a campaign without a configuration.
    static let defaultRetryLimit = 2

    /// The index of the campaign named by UUID or `external_id`.
    func campaignIndex(_ reference: String) throws -> Int {
        let lowered = reference.lowercased()
        if let index = campaigns.firstIndex(where: { $0.id == lowered }) { return index }
        if let index = campaigns.firstIndex(where: { $0.externalID == reference }) { return index }
        throw AnyreachError.campaignNotFound
    }

    func configurationIndex(_ id: String) throws -> Int {
        let lowered = id.lowercased()
        guard let index = configurations.firstIndex(where: { $0.id == lowered }) else {
            throw AnyreachError.configurationNotFound
        }
        return index
    }

    func configuration(of campaign: Campaign) -> Configuration? {
        campaign.configurationID.flatMap { id in configurations.first { $0.id == id } }
    }

    func retryLimit(ofCampaign campaignID: String) -> Int {
        guard let campaign = campaigns.first(where: { $0.id == campaignID }) else { return Self.defaultRetryLimit }
        return configuration(of: campaign)?.retryLimit ?? Self.defaultRetryLimit
    }

    /// Contacts holding a dialer slot (locked or in progress) across the organization.
    var busyContactCount: Int {
        contacts.reduce(0) { $0 + ($1.status == .locked || $1.status == .inProgress ? 1 : 0) }
    }

    /// Calls live right now across the organization.
    var activeCallCount: Int {
        contacts.reduce(0) { $0 + ($1.status == .inProgress ? 1 : 0) }
    }
}
