/// A contact as the console shows and edits it, whatever the vendor.
/// Fields the neutral model has no slot for travel in `data`, unchanged.
public struct Contact: Sendable, Hashable, Codable, Identifiable {
    /// The vendor's identifier, once the vendor has assigned one.
    public var vendorID: String?
    /// The operator's own key (Anyreach `external_id`, Replify `externalIdValue`).
    public var externalID: String?
    public var firstName: String?
    public var lastName: String?
    public var email: String?
    /// Phone numbers in dial priority order.
    public var phoneNumbers: [String]
    public var status: ContactStatus?
    public var attemptCount: Int?
    /// Everything else, as the vendor holds it (string values; structured values as JSON text).
    public var data: [String: JSONValue]
    public var timezone: String?
    public var scheduledAt: String?
    public var updatedAt: String?

    public init(
        vendorID: String? = nil, externalID: String? = nil, firstName: String? = nil,
        lastName: String? = nil, email: String? = nil, phoneNumbers: [String] = [],
        status: ContactStatus? = nil, attemptCount: Int? = nil, data: [String: JSONValue] = [:],
        timezone: String? = nil, scheduledAt: String? = nil, updatedAt: String? = nil
    ) {
        self.vendorID = vendorID
        self.externalID = externalID
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phoneNumbers = phoneNumbers
        self.status = status
        self.attemptCount = attemptCount
        self.data = data
        self.timezone = timezone
        self.scheduledAt = scheduledAt
        self.updatedAt = updatedAt
    }

    /// The identity the console lists the contact under: vendor id, else external id, else email or phone.
    public var id: String {
        vendorID ?? externalID ?? email ?? phoneNumbers.first ?? ""
    }

    /// "First Last", or whichever part is known.
    public var displayName: String {
        [firstName, lastName].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
