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
        let keys = keys(for: contact)
        let slots: [String?] = (0..<4).map { $0 < keys.count ? keys[$0] : nil }
        return StatementArguments([account, campaignID] + slots + [contact.vendorID, contact.externalID])
    }

    /// Inserts or replaces the row, first deleting rows of the same contact under other keys.
    func write(_ db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM contact WHERE \(Self.matching) AND key <> ?9")
            .execute(arguments: Self.matchArguments(contact, account: account, campaignID: campaignID) + [key])
        try db.cachedStatement(
            sql: """
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
        ).execute(arguments: [
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
}
