/// Where each contact sits in `AnyreachState.contacts`, by id and by campaign and
/// `external_id`, so an upsert finds its matches without scanning every contact (a bulk
/// import of a million contacts sends a thousand upserts).
///
/// The upsert is the only change that adds contacts or changes their ids; every other
/// change to the list (a delete) changes its length, and the index rebuilds itself on its
/// next use when the length it was built for differs.
///
/// The keys are kept cheap to hash, as a bulk import adds a thousand contacts per request and
/// the dictionaries rehash everything as they grow: ids in the form the sandbox draws them
/// (``CanonicalID``) as two numbers instead of 36 characters, and campaigns as a small number
/// per campaign (``slot(for:)``) instead of their UUID.
struct ContactIndex: Sendable {
    /// An id as `SeededGenerator.uuid()` writes it (lowercase hex, dashes at 8-4-4-4-12), read
    /// as its 128 bits. Two such ids are equal strings exactly when their bits are equal.
    struct CanonicalID: Hashable, Sendable {
        let high: UInt64
        let low: UInt64

        /// Nil for any other text.
        init?(_ text: String) {
            var text = text
            guard let bits = text.withUTF8(Self.bits) else { return nil }
            (high, low) = bits
        }

        private static func bits(_ utf8: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64)? {
            guard utf8.count == 36 else { return nil }
            var words: (UInt64, UInt64) = (0, 0)
            var digits = 0
            for (position, byte) in utf8.enumerated() {
                if position == 8 || position == 13 || position == 18 || position == 23 {
                    guard byte == UInt8(ascii: "-") else { return nil }
                    continue
                }
                let value: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): value = byte - UInt8(ascii: "a") + 10
                default: return nil
                }
                if digits < 16 {
                    words.0 = words.0 << 4 | UInt64(value)
                } else {
                    words.1 = words.1 << 4 | UInt64(value)
                }
                digits += 1
            }
            return words
        }
    }

    struct ExternalKey: Hashable, Sendable {
        /// The campaign's ``slot(for:)``.
        var campaign: Int
        var externalID: String
    }

    private var byCanonicalID: [CanonicalID: Int] = [:]
    /// Ids in any other form (none that the sandbox draws).
    private var byOtherID: [String: Int] = [:]
    private var byExternalID: [ExternalKey: Int] = [:]
    /// A number for each campaign (nil: the `default` bucket) that has had a slot asked for.
    private var campaignSlots: [String?: Int] = [:]
    /// The campaign of the last slot asked for, and its slot: contacts come a campaign at a time.
    private var lastSlot: (campaignID: String?, slot: Int)?
    private var indexedCount = -1

    /// Rebuilds the index unless it was built for a list of this length.
    mutating func refresh(for contacts: [Contact]) {
        guard indexedCount != contacts.count else { return }
        byCanonicalID = Dictionary(minimumCapacity: contacts.count)
        byOtherID = [:]
        byExternalID = Dictionary(minimumCapacity: contacts.count)
        for (index, contact) in contacts.enumerated() {
            added(contact, at: index)
        }
        indexedCount = contacts.count
    }

    /// The small number that stands for a campaign (nil: the `default` bucket) in the keys.
    mutating func slot(for campaignID: String?) -> Int {
        if let lastSlot, lastSlot.campaignID == campaignID { return lastSlot.slot }
        let slot: Int
        if let known = campaignSlots[campaignID] {
            slot = known
        } else {
            slot = campaignSlots.count
            campaignSlots[campaignID] = slot
        }
        lastSlot = (campaignID, slot)
        return slot
    }

    /// Where the contact with this id is; `id` as stored (lowercase).
    func index(ofID id: String) -> Int? {
        if let canonical = CanonicalID(id) { return byCanonicalID[canonical] }
        return byOtherID[id]
    }

    /// Where the contact with this `external_id` in the campaign of `slot` is.
    func index(ofExternalID externalID: String, inSlot slot: Int) -> Int? {
        byExternalID[ExternalKey(campaign: slot, externalID: externalID)]
    }

    /// Records a contact appended at `index`.
    mutating func added(_ contact: Contact, at index: Int) {
        if let canonical = CanonicalID(contact.id) {
            byCanonicalID[canonical] = index
        } else {
            byOtherID[contact.id] = index
        }
        if let externalID = contact.externalID {
            byExternalID[ExternalKey(campaign: slot(for: contact.campaignID), externalID: externalID)] = index
        }
        indexedCount = index + 1
    }

    /// Records that the contact at `index` now has `externalID` instead of `old`.
    mutating func moved(externalID old: String?, to new: String?, campaignID: String?, at index: Int) {
        guard old != new else { return }
        let campaign = slot(for: campaignID)
        if let old, byExternalID[ExternalKey(campaign: campaign, externalID: old)] == index {
            byExternalID[ExternalKey(campaign: campaign, externalID: old)] = nil
        }
        if let new { byExternalID[ExternalKey(campaign: campaign, externalID: new)] = index }
    }
}
