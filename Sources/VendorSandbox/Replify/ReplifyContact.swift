/// A contact stored in a Replify campaign, with the fields the vendor documents.
struct ReplifyContact: Encodable, Equatable, Sendable {
    var firstName: String?
    var lastName: String?
    /// Lowercased, as contacts are matched by it.
    var email: String?
    /// Digits only, the form the vendor answers with.
    var phone: String?
    var status: String?
    var contactMetadata: [String: JSONValue]
    var externalIdKey: String?
    var externalIdValue: String?
}

/// A campaign and its contacts; `organization` says which account owns it.
struct ReplifyCampaign: Encodable, Equatable, Sendable {
    let id: String
    let organization: String
    var contacts: [ReplifyContact]
}

/// An API key and the campaigns it may reach.
struct ReplifyAPIKey: Encodable, Equatable, Sendable {
    let key: String
    let campaigns: [String]
}
