/// What each vendor accepts of an imported contact, from the vendor documents.
extension Vendor {
    /// The status word as the vendor spells it, with its neutral bucket, or why the vendor
    /// would not take it. Words are matched without regard to case.
    public func importStatus(_ word: String) -> Result<ContactStatus, ImportStatusError> {
        switch self {
        case .anyreach:
            let status = AnyreachContactStatus(rawValue: word.lowercased())
            if case .unknown = status { return .failure(ImportStatusError(word: word, vendor: self)) }
            return .success(ContactStatus(raw: status.rawValue, normalized: status.normalized))
        case .campaignlark:
            let status = CampaignLarkContactStatus(rawValue: word.uppercased())
            guard status.isAcceptedOnUpsert else { return .failure(ImportStatusError(word: word, vendor: self)) }
            return .success(ContactStatus(raw: status.rawValue, normalized: status.normalized))
        case .replify:
            // Replify documents `completed` and `disqualified` and allows any other word.
            switch ReplifyContactStatus(rawValue: word.lowercased()) {
            case .completed: return .success(ContactStatus(raw: "completed", normalized: .completed))
            case .disqualified: return .success(ContactStatus(raw: "disqualified", normalized: .failed))
            case .unknown: return .success(ContactStatus(raw: word, normalized: .unknown))
            }
        case .replyio:
            let status = ReplyIOContactSequenceStatus(rawValue: word)
            if case .unknown = status { return .failure(ImportStatusError(word: word, vendor: self)) }
            return .success(ContactStatus(raw: status.rawValue, normalized: status.normalized))
        }
    }

    /// The status words the vendor takes on import.
    public var importStatusWords: [String] {
        switch self {
        case .anyreach: ["pending", "locked", "in_progress", "completed", "exhausted", "error"]
        case .campaignlark: ["SUBSCRIBED", "UNSUBSCRIBED", "UNCONFIRMED", "CLEANED", "COMPLAINED"]
        case .replify: ["completed", "disqualified", "any other word (kept, no effect)"]
        case .replyio: ["Active", "Paused", "Finished"]
        }
    }

    /// Why the vendor could not take `contact` on an upsert, or nil when it has what the
    /// vendor needs to identify it.
    public func missingRequirement(_ contact: Contact) -> String? {
        let hasEmail = !(contact.email ?? "").isEmpty
        switch self {
        case .anyreach:
            // An id or external_id names an existing contact (to update or remove); a new one
            // without a phone is refused by Anyreach itself, in its own words.
            return contact.phoneNumbers.isEmpty && contact.vendorID == nil && (contact.externalID ?? "").isEmpty
                ? "Anyreach needs a phone number, an id or an external_id; this row has none" : nil
        case .replify:
            return hasEmail || !contact.phoneNumbers.isEmpty
                ? nil : "Replify needs an email or a phone number; this row has neither"
        case .campaignlark:
            return hasEmail ? nil : "CampaignLark needs an email address; this row has none"
        case .replyio:
            let linkedIn = ["linkedInUrl", "linkedInSalesNavigatorUrl", "linkedInRecruiterUrl"].contains { key in
                !(contact.data[key]?.stringValue ?? "").isEmpty
            }
            return hasEmail || linkedIn
                ? nil : "Reply.io needs an email or a LinkedIn URL (column linkedInUrl); this row has neither"
        }
    }
}

/// A status word the vendor would refuse.
public struct ImportStatusError: Error, Sendable, Hashable, CustomStringConvertible {
    public var word: String
    public var vendor: Vendor

    public var description: String {
        let known = vendor.importStatusWords.joined(separator: ", ")
        return "\"\(word)\" is not a status \(vendor.displayName) takes on import (\(known))"
    }
}
