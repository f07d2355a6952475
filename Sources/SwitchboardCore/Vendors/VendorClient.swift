import NIOCore

/// What a vendor's API can do. The console and the CLI ask this instead of
/// switching on the vendor.
public struct VendorCapabilities: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The vendor has a route that lists campaigns.
    public static let listCampaigns = VendorCapabilities(rawValue: 1 << 0)
    /// The vendor has a route that lists a campaign's contacts.
    public static let listContacts = VendorCapabilities(rawValue: 1 << 1)
    /// One contact can be fetched by id.
    public static let getContact = VendorCapabilities(rawValue: 1 << 2)
    /// One contact can be deleted by id.
    public static let deleteContact = VendorCapabilities(rawValue: 1 << 3)
    /// Status counts for a campaign can be read.
    public static let stats = VendorCapabilities(rawValue: 1 << 4)
    /// Contacts can be upserted (matched ones updated, the rest added).
    public static let upsert = VendorCapabilities(rawValue: 1 << 5)
    /// Contacts can be updated without adding new ones.
    public static let updateOnly = VendorCapabilities(rawValue: 1 << 6)
    /// Contacts can be removed from a campaign by a key (email, phone, external id).
    public static let remove = VendorCapabilities(rawValue: 1 << 7)
    /// Campaigns can be created and updated.
    public static let manageCampaigns = VendorCapabilities(rawValue: 1 << 8)
    /// Campaigns can be started, paused and closed.
    public static let campaignLifecycle = VendorCapabilities(rawValue: 1 << 9)
    /// Contacts can live outside any campaign (the `default` campaign).
    public static let defaultCampaign = VendorCapabilities(rawValue: 1 << 10)

    private static let names: [(VendorCapabilities, String)] = [
        (.listCampaigns, "list-campaigns"), (.listContacts, "list-contacts"), (.getContact, "get-contact"),
        (.deleteContact, "delete-contact"), (.stats, "stats"), (.upsert, "upsert"), (.updateOnly, "update-only"),
        (.remove, "remove"), (.manageCampaigns, "manage-campaigns"), (.campaignLifecycle, "start-pause-close"),
        (.defaultCampaign, "default-campaign"),
    ]

    /// The capability names, in a fixed order, for listings and `--json`.
    public var names: [String] { Self.names.filter { contains($0.0) }.map(\.1) }

    /// Every capability, one flag each, in the order of `names`.
    public static var each: [VendorCapabilities] { names.map(\.0) }

    public var description: String { names.joined(separator: ", ") }
}

/// A lifecycle command for a campaign.
public enum CampaignCommand: String, Sendable, CaseIterable {
    case start, pause, close
}

/// One page of a campaign's contacts.
public struct ContactPage: Sendable, Hashable {
    public var contacts: [Contact]
    /// All contacts matching the filter, when the vendor says.
    public var total: Int?
    /// The offset to ask for next, or nil on the last page.
    public var nextOffset: Int?

    public init(contacts: [Contact], total: Int?, nextOffset: Int?) {
        self.contacts = contacts
        self.total = total
        self.nextOffset = nextOffset
    }
}

/// The vendor-neutral face of a vendor's API. Each vendor folder implements it;
/// operations a vendor lacks throw `VendorError.unsupported` and are absent from
/// `capabilities`.
public protocol VendorClient: Sendable {
    var vendor: Vendor { get }
    var capabilities: VendorCapabilities { get }
    /// The most contacts one upsert request may carry (the vendor's documented limit).
    var maxContactsPerRequest: Int { get }

    /// Every campaign (all pages), optionally filtered by name substring and states.
    func campaigns(nameContains: String?, states: [CampaignState]) async throws -> [Campaign]
    func campaign(id: String) async throws -> Campaign
    func contacts(campaignID: String, status: String?, limit: Int, offset: Int) async throws -> ContactPage
    func contact(campaignID: String, contactID: String) async throws -> Contact
    func deleteContact(campaignID: String, contactID: String) async throws
    /// Sends the request, split into requests of at most `maxContactsPerRequest`;
    /// outcomes come back in the request's order with indexes into `request.contacts`.
    func upsert(_ request: UpsertRequest) async throws -> UpsertReport
    /// One upsert request whose body is already encoded in the vendor's own format (a bulk
    /// import's journaled chunk, sent as stored), each contact's outcome mapped as `upsert`
    /// maps it and given as the journal stores it; `sentIDs` is the vendor id each contact
    /// was sent with. Vendors without a bulk lane refuse it (the default).
    func upsertBody(campaignID: String, body: ByteBuffer, sentIDs: [String?]) async throws -> ChunkOutcomes
    func stats(campaignID: String) async throws -> StatusCounts
    func perform(_ command: CampaignCommand, campaignID: String) async throws -> Campaign
    /// Creates a campaign (`manageCampaigns`).
    func createCampaign(_ draft: CampaignDraft) async throws -> Campaign
    /// Changes the fields `draft` sets (`manageCampaigns`).
    func updateCampaign(id: String, _ draft: CampaignDraft) async throws -> Campaign
    /// The configurations campaigns can use (`manageCampaigns`).
    func configurations() async throws -> [CampaignConfiguration]
    /// The account's concurrent call limit and the calls in flight (`manageCampaigns`).
    func concurrencyLimit() async throws -> ConcurrencyLimit
    /// Creates a configuration (`manageCampaigns`; sent once, never retried by the client).
    func createConfiguration(_ draft: ConfigurationDraft) async throws -> CampaignConfiguration
    /// Changes the fields `draft` sets (`manageCampaigns`).
    func updateConfiguration(id: String, _ draft: ConfigurationDraft) async throws -> CampaignConfiguration
    /// Deletes a configuration; the vendor refuses while a campaign uses it (`manageCampaigns`).
    func deleteConfiguration(id: String) async throws
    /// Sets the account's concurrent call limit (`manageCampaigns`).
    func setConcurrencyLimit(_ limit: Int) async throws -> ConcurrencyLimit
}

extension VendorClient {
    public func upsertBody(campaignID: String, body: ByteBuffer, sentIDs: [String?]) async throws -> ChunkOutcomes {
        throw VendorError.unsupported("\(vendor.displayName) takes no journaled request body")
    }

    public func campaigns(nameContains: String?, states: [CampaignState]) async throws -> [Campaign] {
        throw VendorError.unsupported("\(vendor.displayName) has no route that lists campaigns")
    }
    public func contacts(campaignID: String, status: String?, limit: Int, offset: Int) async throws -> ContactPage {
        throw VendorError.unsupported("\(vendor.displayName) has no route that lists contacts")
    }
    public func contact(campaignID: String, contactID: String) async throws -> Contact {
        throw VendorError.unsupported("\(vendor.displayName) has no route that reads one contact")
    }
    public func deleteContact(campaignID: String, contactID: String) async throws {
        throw VendorError.unsupported("\(vendor.displayName) has no route that deletes a contact")
    }
    public func stats(campaignID: String) async throws -> StatusCounts {
        throw VendorError.unsupported("\(vendor.displayName) has no stats route")
    }
    public func perform(_ command: CampaignCommand, campaignID: String) async throws -> Campaign {
        throw VendorError.unsupported("\(vendor.displayName) cannot \(command.rawValue) campaigns")
    }
    public func createCampaign(_ draft: CampaignDraft) async throws -> Campaign {
        throw VendorError.unsupported("\(vendor.displayName) cannot create campaigns")
    }
    public func updateCampaign(id: String, _ draft: CampaignDraft) async throws -> Campaign {
        throw VendorError.unsupported("\(vendor.displayName) cannot change campaigns")
    }
    public func configurations() async throws -> [CampaignConfiguration] {
        throw VendorError.unsupported("\(vendor.displayName) has no campaign configurations")
    }
    public func concurrencyLimit() async throws -> ConcurrencyLimit {
        throw VendorError.unsupported("\(vendor.displayName) has no concurrency setting")
    }
    public func createConfiguration(_ draft: ConfigurationDraft) async throws -> CampaignConfiguration {
        throw VendorError.unsupported("\(vendor.displayName) has no campaign configurations")
    }
    public func updateConfiguration(id: String, _ draft: ConfigurationDraft) async throws -> CampaignConfiguration {
        throw VendorError.unsupported("\(vendor.displayName) has no campaign configurations")
    }
    public func deleteConfiguration(id: String) async throws {
        throw VendorError.unsupported("\(vendor.displayName) has no campaign configurations")
    }
    public func setConcurrencyLimit(_ limit: Int) async throws -> ConcurrencyLimit {
        throw VendorError.unsupported("\(vendor.displayName) has no concurrency setting")
    }
}

/// Makes the right client for an account: the one place that maps a vendor to its folder.
public enum VendorRegistry {
    public static func client(for account: Account, transport: any HTTPTransport) throws -> any VendorClient {
        switch account.vendor {
        case .anyreach: return try AnyreachClient(account: account, transport: transport)
        case .replify: return ReplifyClient(account: account, transport: transport)
        case .campaignlark: return CampaignLarkClient(account: account, transport: transport)
        case .replyio: return try ReplyIOClient(account: account, transport: transport)
        }
    }

    /// What `vendor`'s client can do, without an account or a client (the README's capabilities table).
    public static func capabilities(of vendor: Vendor) -> VendorCapabilities {
        switch vendor {
        case .anyreach: AnyreachClient.capabilities
        case .replify: ReplifyClient.capabilities
        case .campaignlark: CampaignLarkClient.capabilities
        case .replyio: ReplyIOClient.capabilities
        }
    }
}
