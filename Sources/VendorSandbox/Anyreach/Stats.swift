/// The stats answer documented in anyreach-campaigns-api.md; `locked` and `error` are
/// added so the counts sum to `total`.
struct CampaignStats: Encodable, Sendable, Equatable {
    struct ContactCounts: Encodable, Sendable, Equatable {
        var total = 0
        var pending = 0
        var locked = 0
        var inProgress = 0
        var completed = 0
        var exhausted = 0
        var error = 0

        enum CodingKeys: String, CodingKey {
            case total, pending, locked, completed, exhausted, error
            case inProgress = "in_progress"
        }
    }

    struct AttemptCounts: Encodable, Sendable, Equatable {
        var total = 0
        var averagePerContact = 0.0

        enum CodingKeys: String, CodingKey {
            case total
            case averagePerContact = "average_per_contact"
        }
    }

    let campaignID: String
    let status: CampaignStatus
    let contacts: ContactCounts
    let attempts: AttemptCounts
    let activeCalls: Int
    let concurrencyLimit: Int

    enum CodingKeys: String, CodingKey {
        case status, contacts, attempts
        case campaignID = "campaign_id"
        case activeCalls = "active_calls"
        case concurrencyLimit = "concurrency_limit"
    }
}

extension AnyreachState {
    /// Stats of the campaign with this UUID; the vendor resolves stats by UUID only.
    func stats(ofCampaign id: String) throws -> CampaignStats {
        guard let campaign = campaigns.first(where: { $0.id == id.lowercased() }) else {
            throw AnyreachError.campaignNotFound
        }
        var counts = CampaignStats.ContactCounts()
        var attempts = CampaignStats.AttemptCounts()
        for contact in contacts where contact.campaignID == campaign.id {
            counts.total += 1
            attempts.total += contact.attempts.count
            switch contact.status {
            case .pending: counts.pending += 1
            case .locked: counts.locked += 1
            case .inProgress: counts.inProgress += 1
            case .completed: counts.completed += 1
            case .exhausted: counts.exhausted += 1
            case .error: counts.error += 1
            }
        }
        if counts.total > 0 {
            attempts.averagePerContact = Double(attempts.total) / Double(counts.total)
        }
        return CampaignStats(
            campaignID: campaign.id, status: campaign.status, contacts: counts, attempts: attempts,
            activeCalls: counts.inProgress, concurrencyLimit: concurrencyLimit)
    }
}
