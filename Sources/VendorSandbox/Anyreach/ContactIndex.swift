/// Where each contact sits in `AnyreachState.contacts`, by id and by campaign and
/// `external_id`, so an upsert finds its matches without scanning every contact (a bulk
/// import of a million contacts sends a thousand upserts).
///
/// The upsert is the only change that adds contacts or changes their ids; every other
/// change to the list (a delete) changes its length, and the index rebuilds itself on its
/// next use when the length it was built for differs.
struct ContactIndex: Sendable {
    struct ExternalKey: Hashable, Sendable {
        var campaignID: String?
        var externalID: String
    }

    private(set) var byID: [String: Int] = [:]
    private(set) var byExternalID: [ExternalKey: Int] = [:]
    private var indexedCount = -1

    /// Rebuilds the index unless it was built for a list of this length.
    mutating func refresh(for contacts: [Contact]) {
        guard indexedCount != contacts.count else { return }
        byID = Dictionary(minimumCapacity: contacts.count)
        byExternalID = Dictionary(minimumCapacity: contacts.count)
        for (index, contact) in contacts.enumerated() {
            byID[contact.id] = index
            if let externalID = contact.externalID {
                byExternalID[ExternalKey(campaignID: contact.campaignID, externalID: externalID)] = index
            }
        }
        indexedCount = contacts.count
    }

    /// Records a contact appended at `index`.
    mutating func added(_ contact: Contact, at index: Int) {
        byID[contact.id] = index
        if let externalID = contact.externalID {
            byExternalID[ExternalKey(campaignID: contact.campaignID, externalID: externalID)] = index
        }
        indexedCount = index + 1
    }

    /// Records that the contact at `index` now has `externalID` instead of `old`.
    mutating func moved(externalID old: String?, to new: String?, campaignID: String?, at index: Int) {
        guard old != new else { return }
        if let old, byExternalID[ExternalKey(campaignID: campaignID, externalID: old)] == index {
            byExternalID[ExternalKey(campaignID: campaignID, externalID: old)] = nil
        }
        if let new { byExternalID[ExternalKey(campaignID: campaignID, externalID: new)] = index }
    }
}
