/// The campaign a contacts route addresses: a real campaign, or `default` (no campaign).
enum ContactBucket: Equatable, Sendable {
    case campaign(id: String)
    case noCampaign

    /// The word that addresses contacts in no campaign.
    static let defaultReference = "default"

    var campaignID: String? {
        switch self {
        case .campaign(let id): id
        case .noCampaign: nil
        }
    }
}

extension AnyreachState {
    /// Resolves `{id}` of a contacts route: `default`, a campaign UUID or its `external_id`.
    func bucket(_ reference: String) throws -> ContactBucket {
        if reference == ContactBucket.defaultReference { return .noCampaign }
        return .campaign(id: campaigns[try campaignIndex(reference)].id)
    }

    /// The index of the contact named by UUID or `external_id` within a bucket.
    func contactIndex(_ reference: String, in bucket: ContactBucket) throws -> Int {
        let campaignID = bucket.campaignID
        let lowered = reference.lowercased()
        if let index = contacts.firstIndex(where: { $0.campaignID == campaignID && $0.id == lowered }) {
            return index
        }
        if let index = contacts.firstIndex(where: { $0.campaignID == campaignID && $0.externalID == reference }) {
            return index
        }
        throw AnyreachError.contactNotFound
    }
}
