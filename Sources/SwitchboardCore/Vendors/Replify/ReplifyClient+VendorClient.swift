/// Replify through the vendor-neutral protocol: upsert, update-only and remove. With no
/// read routes, the campaigns are the account's configured UUIDs and nothing else is read.
extension ReplifyClient: VendorClient {
    public var vendor: Vendor { .replify }

    public static let capabilities: VendorCapabilities = [.upsert, .updateOnly, .remove]

    public var capabilities: VendorCapabilities { Self.capabilities }

    public var maxContactsPerRequest: Int { Self.maxContactsPerUpsert }

    /// The account's configured campaign UUIDs, without a network call. Replify does not
    /// say a campaign's name or state: the name is the UUID and the state `.unknown("")`,
    /// so a state filter keeps only campaigns asked for in that unknown state.
    public func campaigns(nameContains: String?, states: [CampaignState]) async throws -> [Campaign] {
        account.campaigns.map(Self.campaign(id:)).filter { campaign in
            let nameMatches = nameContains.map { campaign.name.localizedCaseInsensitiveContains($0) } ?? true
            return nameMatches && (states.isEmpty || states.contains(campaign.state))
        }
    }

    /// A configured campaign; an id the account does not list cannot be looked up.
    public func campaign(id: String) async throws -> Campaign {
        guard account.campaigns.contains(id) else {
            throw VendorError.invalidRequest(
                "campaign \(id) is not in account \(account.name)'s `campaigns`; Replify has no route to look it up")
        }
        return Self.campaign(id: id)
    }

    static func campaign(id: String) -> Campaign {
        Campaign(id: id, name: id, state: .unknown(""))
    }

    /// Sends the contacts `maxContactsPerUpsert` at a time. A contact with neither email
    /// nor phone fails here without being sent; the others are matched to the answer by
    /// email or phone (see `ReplifyUpsertMapping`).
    public func upsert(_ request: UpsertRequest) async throws -> UpsertReport {
        let action: ReplifyAction =
            switch request.action {
            case .upsert: .upsert
            case .updateOnly: .updateOnly
            case .remove: .remove
            }
        var outcomes: [UpsertOutcome] = []
        var warnings: [String] = []
        for start in stride(from: 0, to: request.contacts.count, by: Self.maxContactsPerUpsert) {
            let chunk = request.contacts[start..<min(start + Self.maxContactsPerUpsert, request.contacts.count)]
            let inputs = chunk.map { ReplifyContactInput(neutral: $0, action: action) }
            let sendable = inputs.indices.filter { inputs[$0].isIdentifiable }
            var chunkOutcomes: [Int: UpsertOutcome] = [:]
            for index in inputs.indices where !inputs[index].isIdentifiable {
                chunkOutcomes[index] = UpsertOutcome(
                    index: start + index,
                    result: .failed(reason: "Replify identifies a contact by email or phone; this contact has neither"))
            }
            if !sendable.isEmpty {
                let sent = sendable.map { inputs[$0] }
                let answer = try await manageContacts(
                    campaign: request.campaignID, ReplifyContactsRequest(contacts: sent, action: action))
                let mapped = ReplifyUpsertMapping.report(for: sent, action: action, answer: answer)
                for outcome in mapped.outcomes {
                    let index = sendable[outcome.index]
                    chunkOutcomes[index] = UpsertOutcome(
                        index: start + index, vendorID: outcome.vendorID, result: outcome.result, warnings: outcome.warnings)
                }
                warnings += mapped.warnings
            }
            outcomes += inputs.indices.compactMap { chunkOutcomes[$0] }
        }
        return UpsertReport(outcomes: outcomes, warnings: warnings)
    }
}

/// Turns Replify's `{message, success[], errors[]}` into one outcome per contact sent.
///
/// The answer names contacts by email and (normalized) phone, not by position, so each
/// answer item claims the first unclaimed contact with the same email (case-insensitive)
/// or the same phone digits. A contact no item claims was ignored by Replify: `updateOnly`
/// skips contacts not in the campaign, and upsert does not add `completed` or
/// `disqualified` contacts. An error no contact matches is kept, word for word, as a warning.
enum ReplifyUpsertMapping {
    static func report(for inputs: [ReplifyContactInput], action: ReplifyAction, answer: ReplifyContactsResult)
        -> UpsertReport
    {
        var results: [UpsertOutcome.Result?] = Array(repeating: nil, count: inputs.count)
        var warnings: [String] = []

        func claim(email: String?, phone: String?) -> Int? {
            inputs.indices.first { results[$0] == nil && matches(inputs[$0], email: email, phone: phone) }
        }

        for item in answer.success {
            guard let index = claim(email: item.email, phone: item.phone) else { continue }
            results[index] =
                switch (action, item.action) {
                case (.remove, _): .removed
                case (_, .created?): .created
                case (_, .updated?): .updated
                default: .upserted
                }
        }
        for failure in answer.errors {
            if let index = claim(email: failure.email, phone: failure.phone) {
                results[index] = .failed(reason: failure.error)
            } else {
                warnings.append(failure.error)
            }
        }
        let outcomes = inputs.indices.map { index in
            UpsertOutcome(index: index, result: results[index] ?? .ignored(reason: unanswered(inputs[index], action)))
        }
        return UpsertReport(outcomes: outcomes, warnings: warnings)
    }

    /// Why a contact the answer does not mention was left alone.
    static func unanswered(_ input: ReplifyContactInput, _ action: ReplifyAction) -> String {
        switch (action, input.status) {
        case (.updateOnly, _):
            "not in the campaign (updateOnly ignores it)"
        case (.upsert, let status?) where status == .completed || status == .disqualified:
            "Replify does not add contacts whose status is \(status.rawValue)"
        default:
            "not mentioned in Replify's answer"
        }
    }

    static func matches(_ input: ReplifyContactInput, email: String?, phone: String?) -> Bool {
        if let email, !email.isEmpty, let mine = input.email, mine.caseInsensitiveCompare(email) == .orderedSame {
            return true
        }
        guard let phone, let mine = input.phone else { return false }
        return samePhone(mine, phone)
    }

    /// Same digits, or one ends with the other's (a country code added or dropped) when
    /// the shorter has at least seven digits.
    static func samePhone(_ a: String, _ b: String) -> Bool {
        let left = a.filter(\.isASCIIDigit)
        let right = b.filter(\.isASCIIDigit)
        guard !left.isEmpty, !right.isEmpty else { return false }
        if left == right { return true }
        let (short, long) = left.count < right.count ? (left, right) : (right, left)
        return short.count >= 7 && long.hasSuffix(short)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension ReplifyContactInput {
    /// The neutral contact in Replify's shape: the first phone number is sent; `data`
    /// becomes `contactMetadata`, except `externalIdKey`, which names the contact's
    /// `externalID` (sent as `externalIdValue`). Only the documented statuses
    /// (`completed`, `disqualified`) are sent. A removal sends only email and phone.
    init(neutral contact: Contact, action: ReplifyAction) {
        let phone = contact.phoneNumbers.first
        if action == .remove {
            self.init(email: contact.email, phone: phone)
            return
        }
        var metadata = contact.data
        let key = metadata.removeValue(forKey: "externalIdKey")?.stringValue
        let status = contact.status.map { ReplifyContactStatus(rawValue: $0.raw.lowercased()) }
        self.init(
            firstName: contact.firstName, lastName: contact.lastName, email: contact.email, phone: phone,
            status: status.flatMap { if case .unknown = $0 { nil } else { $0 } },
            contactMetadata: metadata.isEmpty ? nil : metadata, externalIdKey: key, externalIdValue: contact.externalID)
    }
}
