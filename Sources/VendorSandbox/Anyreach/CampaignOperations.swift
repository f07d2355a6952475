import Foundation

/// What start, pause and close do to a campaign.
enum CampaignTransition: String, Sendable {
    case start, pause, close

    /// The status the campaign moves to, or nil when the move makes no sense from `status`.
    func target(from status: CampaignStatus) -> CampaignStatus? {
        switch (self, status) {
        case (.start, .paused): .active
        case (.pause, .active): .paused
        case (.close, .active), (.close, .paused): .closed
        default: nil
        }
    }
}

extension AnyreachState {
    /// The most contacts a campaign create or PATCH may carry inline.
    static let inlineContactLimit = 5000

    mutating func createCampaign(_ request: CampaignCreation) throws -> CampaignAnswer {
        let name = request.name?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !name.isEmpty else { throw AnyreachError.unprocessable("Field required: name (a non-empty string)") }
        try checkInlineCount(request.contacts)
        if let externalID = request.externalID { try checkCampaignExternalID(externalID, excluding: nil) }
        if let configurationID = request.configurationID { _ = try configurationIndex(configurationID) }
        let campaign = Campaign(
            id: ids.uuid(), externalID: request.externalID, name: name, description: request.description,
            status: .active, configurationID: request.configurationID?.lowercased(), createdAt: now, updatedAt: now)
        campaigns.append(campaign)
        let result = try request.contacts.map { try upsert($0, into: .campaign(id: campaign.id)) }
        return CampaignAnswer(campaign: campaign, contactsResult: result)
    }

    mutating func changeCampaign(_ reference: String, _ changes: CampaignChanges) throws -> CampaignAnswer {
        let index = try campaignIndex(reference)
        try checkInlineCount(changes.contacts)
        var campaign = campaigns[index]
        switch changes.name {
        case .absent: break
        case .null: throw AnyreachError.unprocessable("name cannot be null")
        case .value(let name):
            let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw AnyreachError.unprocessable("name must not be empty") }
            campaign.name = trimmed
        }
        switch changes.description {
        case .absent: break
        case .null: campaign.description = nil
        case .value(let description): campaign.description = description
        }
        switch changes.externalID {
        case .absent: break
        case .null: campaign.externalID = nil
        case .value(let externalID):
            try checkCampaignExternalID(externalID, excluding: campaign.id)
            campaign.externalID = externalID
        }
        switch changes.configurationID {
        case .absent: break
        case .null: campaign.configurationID = nil
        case .value(let configurationID):
            campaign.configurationID = configurations[try configurationIndex(configurationID)].id
        }
        campaign.updatedAt = now
        campaigns[index] = campaign
        let result = try changes.contacts.map { try upsert($0, into: .campaign(id: campaign.id)) }
        return CampaignAnswer(campaign: campaigns[index], contactsResult: result)
    }

    mutating func transition(_ reference: String, _ transition: CampaignTransition) throws -> Campaign {
        let index = try campaignIndex(reference)
        let status = campaigns[index].status
        guard let target = transition.target(from: status) else {
            throw AnyreachError.badRequest(
                "Cannot \(transition.rawValue) a campaign whose status is \(status.rawValue)")
        }
        campaigns[index].status = target
        campaigns[index].updatedAt = now
        return campaigns[index]
    }

    /// One page of campaigns ordered by `created_at` then `id`, starting after `cursor`.
    func campaignPage(name: String?, statuses: [CampaignStatus], cursor: String?, limit: Int) throws -> CampaignPage {
        let needle = name?.lowercased()
        let ordered =
            campaigns
            .filter { campaign in
                (needle.map { campaign.name.lowercased().contains($0) } ?? true)
                    && (statuses.isEmpty || statuses.contains(campaign.status))
            }
            .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        var start = 0
        if let cursor {
            guard let last = CampaignCursor.campaignID(cursor),
                let anchor = campaigns.first(where: { $0.id == last })
            else { throw AnyreachError.badRequest("Invalid cursor: \(cursor)") }
            start = ordered.firstIndex { ($0.createdAt, $0.id) > (anchor.createdAt, anchor.id) } ?? ordered.count
        }
        let page = Array(ordered[start..<min(ordered.count, start + limit)])
        let more = start + page.count < ordered.count
        return CampaignPage(campaigns: page, nextCursor: more ? page.last.map { CampaignCursor.make($0.id) } : nil)
    }

    private func checkInlineCount(_ contacts: [ContactInput]?) throws {
        guard let count = contacts?.count, count > Self.inlineContactLimit else { return }
        throw AnyreachError.badRequest(
            "Too many contacts: \(count) (at most \(Self.inlineContactLimit) inline on a campaign; "
                + "upload the rest with POST /campaign/campaigns/{id}/contacts)")
    }

    private func checkCampaignExternalID(_ externalID: String, excluding id: String?) throws {
        guard externalID != ContactBucket.defaultReference else {
            throw AnyreachError.unprocessable("external_id \"default\" is reserved for contacts in no campaign")
        }
        if campaigns.contains(where: { $0.externalID == externalID && $0.id != id }) {
            throw AnyreachError.conflict("A campaign with external_id \"\(externalID)\" already exists")
        }
    }
}

/// The opaque `next_cursor`: base64 of the last campaign id on the page.
enum CampaignCursor {
    static func make(_ campaignID: String) -> String {
        Data(("after:" + campaignID).utf8).base64EncodedString()
    }

    static func campaignID(_ cursor: String) -> String? {
        guard let data = Data(base64Encoded: cursor), let text = String(data: data, encoding: .utf8),
            text.hasPrefix("after:")
        else { return nil }
        return String(text.dropFirst("after:".count))
    }
}
