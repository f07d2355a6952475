/// What an upsert does to each contact it carries.
public enum UpsertAction: String, Sendable, Codable, CaseIterable {
    /// Update contacts that match, add the rest.
    case upsert
    /// Update contacts that match, ignore the rest.
    case updateOnly
    /// Remove the contacts that match.
    case remove
}

/// A batch of contacts to send to one campaign. The sync engine splits it into the
/// vendor's request size; the client sends one request per chunk.
public struct UpsertRequest: Sendable, Hashable, Codable {
    public var campaignID: String
    public var action: UpsertAction
    /// When true, only the fields present on each contact are changed; when false the
    /// contact's vendor record is replaced by what is sent.
    public var partial: Bool
    public var contacts: [Contact]

    public init(campaignID: String, action: UpsertAction = .upsert, partial: Bool = false, contacts: [Contact]) {
        self.campaignID = campaignID
        self.action = action
        self.partial = partial
        self.contacts = contacts
    }
}

/// What became of one contact of an upsert.
public struct UpsertOutcome: Sendable, Hashable, Codable {
    public enum Result: Sendable, Hashable, Codable {
        case created
        case updated
        /// Created or updated: the vendor's answer counts the two but does not say which contact was which.
        case upserted
        case removed
        case ignored(reason: String?)
        /// The vendor refused this contact; `reason` is the vendor's own words.
        case failed(reason: String)
    }

    /// The contact's position in the request it came from.
    public var index: Int
    /// The vendor's id for the contact, when the answer carried one.
    public var vendorID: String?
    public var result: Result
    /// Warnings the vendor attached that do not fail the contact.
    public var warnings: [String]

    public init(index: Int, vendorID: String? = nil, result: Result, warnings: [String] = []) {
        self.index = index
        self.vendorID = vendorID
        self.result = result
        self.warnings = warnings
    }
}

/// The whole answer to one upsert: an outcome per contact, in request order.
public struct UpsertReport: Sendable, Hashable, Codable {
    public var outcomes: [UpsertOutcome]
    /// Warnings about the request as a whole.
    public var warnings: [String]

    public init(outcomes: [UpsertOutcome], warnings: [String] = []) {
        self.outcomes = outcomes
        self.warnings = warnings
    }

    public var failedCount: Int {
        outcomes.filter { if case .failed = $0.result { true } else { false } }.count
    }
}
