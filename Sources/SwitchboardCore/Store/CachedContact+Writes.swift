import Foundation
import GRDB

/// Cache writes on the sync engine's hot path: cached statements with fixed shapes, the
/// contact's JSON written directly (`Contact.jsonText`). A contact is found by any of its keys, its vendor id or
/// its external id, so a contact cached under one key is never doubled under another.
extension CachedContact {
    /// The rows of one contact: a union of three index searches (an `OR` would scan the
    /// campaign). Parameters: ?1 account, ?2 campaign, ?3-?6 keys (unused slots NULL, never
    /// equal), ?7 vendor id, ?8 external id.
    private static let matching = """
        rowid IN (
            SELECT rowid FROM contact WHERE account = ?1 AND campaignID = ?2 AND key IN (?3, ?4, ?5, ?6)
            UNION SELECT rowid FROM contact WHERE account = ?1 AND campaignID = ?2 AND vendorID = ?7
            UNION SELECT rowid FROM contact WHERE account = ?1 AND campaignID = ?2 AND externalID = ?8)
        """

    private static func matchArguments(_ contact: Contact, account: String, campaignID: String) -> StatementArguments {
        matchArguments(contact, keys: keys(for: contact), account: account, campaignID: campaignID)
    }

    /// Inserts or replaces the row, first deleting rows of the same contact under other keys.
    func write(_ db: Database) throws {
        try db.cachedStatement(sql: Self.deleteOthers)
            .execute(arguments: Self.matchArguments(contact, account: account, campaignID: campaignID) + [key])
        try db.cachedStatement(sql: Self.upsert).execute(arguments: [
            account, campaignID, key, vendorID, externalID, email, phone, status,
            contact.jsonText, DateStamp.value(lastSeenAt), DateStamp.value(lastSentAt), lastResult,
            lastMessage,
        ])
    }

    /// Deletes every row of this contact in the campaign.
    static func delete(_ contact: Contact, account: String, campaignID: String, _ db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM contact WHERE \(matching)")
            .execute(arguments: matchArguments(contact, account: account, campaignID: campaignID))
    }

    /// Notes a send's answer on the contact's row, if it has one; adds no row.
    static func noteAnswer(
        _ contact: Contact, result: String, message: String?, at date: Date, account: String, campaignID: String,
        _ db: Database
    ) throws {
        try db.cachedStatement(
            sql: "UPDATE contact SET lastSentAt = ?9, lastResult = ?10, lastMessage = ?11 WHERE \(matching)"
        )
        .execute(
            arguments: matchArguments(contact, account: account, campaignID: campaignID) + [DateStamp.value(date), result, message])
    }

    /// The upsert `write(_:)` and the batch writes run after their delete.
    fileprivate static let upsert = """
        INSERT INTO contact (account, campaignID, key, vendorID, externalID, email, phone, status, contact,
            lastSeenAt, lastSentAt, lastResult, lastMessage)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (account, campaignID, key) DO UPDATE SET
            vendorID = excluded.vendorID, externalID = excluded.externalID, email = excluded.email,
            phone = excluded.phone, status = excluded.status, contact = excluded.contact,
            lastSeenAt = coalesce(excluded.lastSeenAt, lastSeenAt),
            lastSentAt = coalesce(excluded.lastSentAt, lastSentAt),
            lastResult = coalesce(excluded.lastResult, lastResult),
            lastMessage = CASE WHEN excluded.lastResult IS NULL THEN lastMessage ELSE excluded.lastMessage END
        """

    fileprivate static let deleteOthers = "DELETE FROM contact WHERE \(matching) AND key <> ?9"

    fileprivate static func matchArguments(_ contact: Contact, keys: [String], account: String, campaignID: String)
        -> StatementArguments
    {
        StatementArguments([
            account, campaignID, keys.count > 0 ? keys[0] : nil, keys.count > 1 ? keys[1] : nil,
            keys.count > 2 ? keys[2] : nil, keys.count > 3 ? keys[3] : nil, contact.vendorID, contact.externalID,
        ])
    }
}

/// The cache writes of one batch of sent contacts, in one transaction: what
/// `CachedContact.write` does per contact, with the rows of the batch's contacts looked up
/// once first, so the delete of a contact's rows under other keys runs only for a contact
/// some row matches (one there before the batch or one the batch wrote), and the contact's
/// JSON copied from the journal when the answer did not change it.
struct CachedContactBatch {
    let account: String
    let campaignID: String
    /// Rows that may match: those found before the batch, and those it wrote.
    private var rows: Store.Found
    private let deleteOthers: Statement
    private let upsert: Statement

    /// Looks up the rows of `contacts` (as they will be written).
    init(account: String, campaignID: String, contacts: [Contact], _ db: Database) throws {
        self.account = account
        self.campaignID = campaignID
        rows = try Store.Found.lookUp(contacts, account: account, campaignID: campaignID, db)
        deleteOthers = try db.cachedStatement(sql: CachedContact.deleteOthers)
        upsert = try db.cachedStatement(sql: CachedContact.upsert)
    }

    /// Caches `contact` as sent at `date` with the vendor's answer; `json` is its JSON text
    /// (`CachedContact.json(for:journaled:)`).
    mutating func write(_ contact: Contact, json: String, sentAt date: DatabaseValue, result: String, message: String?)
        throws
    {
        let keys = CachedContact.keys(for: contact)
        let key = keys.first ?? "none:"
        if rows.holds(contact, keys: keys) {
            var arguments = CachedContact.matchArguments(contact, keys: keys, account: account, campaignID: campaignID)
            arguments += [key]
            try deleteOthers.execute(arguments: arguments)
        }
        try upsert.execute(arguments: [
            account, campaignID, key, contact.vendorID, contact.externalID, contact.email,
            contact.phoneNumbers.first, contact.status?.raw, json, DatabaseValue.null, date, result, message,
        ])
        rows.note(contact, key: key)
    }
}

extension CachedContact {
    /// The JSON text of `contact`, which is the journaled contact whose JSON is `journaled`,
    /// perhaps with the vendor id the answer gave it: the journaled text itself when the
    /// contact is unchanged; the vendor id spliced in front when the journaled text has none
    /// (where `Contact.jsonText` writes it); otherwise encoded again.
    static func json(for contact: Contact, journaled: Contact, text: String?) -> String {
        guard let text else { return contact.jsonText }
        if contact.vendorID == journaled.vendorID { return text }
        guard journaled.vendorID == nil, let vendorID = contact.vendorID, text.utf8.first == UInt8(ascii: "{"),
            !mentionsVendorID(text)
        else { return contact.jsonText }
        var writer = JSONWriter()
        writer.string(vendorID)
        let member = "{\"vendorID\":" + String(decoding: writer.bytes, as: UTF8.self)
        let rest = text.utf8.dropFirst()
        return rest.first == UInt8(ascii: "}") ? member + "}" : member + "," + String(rest)!
    }

    /// Whether the text holds `"vendorID"` anywhere (a byte search: Foundation's
    /// `contains` cost more than the write it saves).
    static func mentionsVendorID(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let needle: StaticString = "\"vendorID\""
            let count = needle.utf8CodeUnitCount
            guard bytes.count >= count else { return false }
            return needle.withUTF8Buffer { needle in
                var index = 0
                let last = bytes.count - count
                while index <= last {
                    if bytes[index] == needle[0], memcmp(bytes.baseAddress! + index, needle.baseAddress!, count) == 0 {
                        return true
                    }
                    index += 1
                }
                return false
            }
        }
    }
}
