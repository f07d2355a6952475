import Foundation

/// A user-defined field of a contact: `{"key": "leadSource", "value": "Conference"}`.
struct ReplyIOCustomField: Encodable, Equatable, Sendable {
    var key: String
    var value: String?

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(value, forKey: .value)
    }

    enum CodingKeys: String, CodingKey {
        case key, value
    }
}

/// A contact's place in one sequence; the name is looked up when answering.
struct ReplyIOEnrollment: Equatable, Sendable {
    var sequenceID: Int
    var status: ReplyIOEnrollmentStatus
    var currentStep: Int
    var addingDate: Date
    var emailAccountID: Int?
    var linkedInAccountID: Int?
}

/// A stored Reply.io contact: every field of the create document plus what the vendor adds.
struct ReplyIOContact: Equatable, Sendable {
    var id: Int
    var email: String?
    var firstName: String?
    var lastName: String?
    var phone: String?
    var phone2: String?
    var title: String?
    var company: String?
    var companySize: ReplyIOCompanySize
    var industry: String?
    var city: String?
    var state: String?
    var country: String?
    var timeZoneID: String?
    var linkedInURL: String?
    var linkedInSalesNavigatorURL: String?
    var linkedInRecruiterURL: String?
    var notes: String?
    var ownerUserID: Int
    var accountID: Int?
    var isOptedOut: Bool
    var customFields: [ReplyIOCustomField]
    var sequences: [ReplyIOEnrollment]
    var listIDs: [Int]
    var addingDate: Date
    var createdAt: Date
    var lastModifiedAt: Date

    /// The email's domain, as the vendor derives it.
    var domain: String? {
        guard let email, let at = email.lastIndex(of: "@") else { return nil }
        return String(email[email.index(after: at)...]).lowercased()
    }

    /// What the vendor's phone validation makes of `phone`: valid when it has 7 to 15 digits
    /// and nothing but digits, spaces, `+`, `-`, `.` and brackets.
    var phoneStatus: ReplyIOPhoneStatus {
        guard let phone, !phone.isEmpty else { return .notValidated }
        let digits = phone.filter { ("0"..."9").contains($0) }.count
        let allowed = phone.allSatisfy { ("0"..."9").contains($0) || " +-.()".contains($0) }
        return allowed && (7...15).contains(digits) ? .valid : .invalid
    }
}
