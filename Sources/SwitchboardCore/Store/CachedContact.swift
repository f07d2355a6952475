import Foundation
import GRDB

/// A contact of one campaign as Switchboard knows it (table `contact`): what the vendor
/// last showed, or, for vendors with no listing route (Replify), what was last sent and
/// what the vendor answered.
public struct CachedContact: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "contact"

    public var account: String
    public var campaignID: String
    /// The contact's key in this campaign: `id:` vendor id, else `ext:` external id, else
    /// `email:` or `phone:` (see `CachedContact.key(for:)`).
    public var key: String
    public var vendorID: String?
    public var externalID: String?
    public var email: String?
    /// The first phone number.
    public var phone: String?
    /// The vendor's status word, when known.
    public var status: String?
    /// The whole contact, every field, as JSON.
    public var contact: Contact
    /// When a vendor listing last showed it.
    public var lastSeenAt: Date?
    /// When Switchboard last sent it.
    public var lastSentAt: Date?
    /// The vendor's answer to the last send (`created`, `updated`, `ignored`, `failed`, ...).
    public var lastResult: String?
    /// The vendor's words about the last send, when it had any.
    public var lastMessage: String?

    /// The columns, for queries.
    public enum Columns {
        public static let account = Column(CodingKeys.account)
        public static let campaignID = Column(CodingKeys.campaignID)
        public static let key = Column(CodingKeys.key)
        public static let vendorID = Column(CodingKeys.vendorID)
        public static let externalID = Column(CodingKeys.externalID)
        public static let email = Column(CodingKeys.email)
        public static let status = Column(CodingKeys.status)
        public static let lastSentAt = Column(CodingKeys.lastSentAt)
        public static let lastResult = Column(CodingKeys.lastResult)
        public static let lastMessage = Column(CodingKeys.lastMessage)
    }

    /// Reads a row column by column, the contact with `JSONReader` (much faster than
    /// `Decodable`, for the console's pages and the importer's reads).
    public init(row: Row) throws {
        account = row[Columns.account]
        campaignID = row[Columns.campaignID]
        key = row[Columns.key]
        vendorID = row[Columns.vendorID]
        externalID = row[Columns.externalID]
        email = row[Columns.email]
        phone = row["phone"]
        status = row[Columns.status]
        contact = try row.withUnsafeData(named: "contact") { data in
            guard let data else { throw JSONReader.Failure(reason: "no contact", offset: 0) }
            return try data.withUnsafeBytes { raw in
                var reader = JSONReader(raw.bindMemory(to: UInt8.self))
                return try Contact(reading: &reader)
            }
        }
        lastSeenAt = row["lastSeenAt"]
        lastSentAt = row[Columns.lastSentAt]
        lastResult = row[Columns.lastResult]
        lastMessage = row[Columns.lastMessage]
    }

    /// The cache row for `contact` in a campaign.
    public init(account: String, campaignID: String, contact: Contact) {
        self.account = account
        self.campaignID = campaignID
        key = Self.key(for: contact)
        vendorID = contact.vendorID
        externalID = contact.externalID
        email = contact.email
        phone = contact.phoneNumbers.first
        status = contact.status?.raw
        self.contact = contact
    }

    /// The strongest key the contact has.
    public static func key(for contact: Contact) -> String {
        keys(for: contact).first ?? "none:"
    }

    /// Every key the contact could have been cached under, strongest first: when a vendor
    /// id arrives, the row cached under the external id is replaced rather than doubled.
    static func keys(for contact: Contact) -> [String] {
        var keys: [String] = []
        if let id = contact.vendorID, !id.isEmpty { keys.append("id:" + id) }
        if let external = contact.externalID, !external.isEmpty { keys.append("ext:" + external) }
        return keys + contactDetailKeys(for: contact)
    }

    /// The keys of `keys(for:)` that come from the contact's details (email, first phone),
    /// not from an id: a row cached under an `id:` or `ext:` key holds that id in its
    /// `vendorID` or `externalID` column too, so those are found by column.
    static func contactDetailKeys(for contact: Contact) -> [String] {
        var keys: [String] = []
        if let email = contact.email, !email.isEmpty { keys.append("email:" + email.lowercased()) }
        if let phone = contact.phoneNumbers.first, !phone.isEmpty { keys.append("phone:" + phone) }
        return keys
    }
}
