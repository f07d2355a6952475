import Foundation
import GRDB

/// Which contacts of a batch the cache already holds, asked once per batch: what tells an
/// `updated` from a `created` when the vendor only says "upserted", and what a dry run
/// predicts. Flat in memory however many contacts the campaign has.
extension Store {
    /// For each contact, whether the campaign's cache holds a row of it (the same match the
    /// cache writes use: any of its keys, its vendor id or its external id).
    public func cached(_ contacts: [Contact], account: String, campaignID: String) async throws -> [Bool] {
        guard !contacts.isEmpty else { return [] }
        let found = try await pool.read { db in
            try Found.lookUp(contacts, account: account, campaignID: campaignID, db)
        }
        return contacts.map(found.holds)
    }

    /// Contacts looked up per query (each brings up to six parameters).
    private static let lookupChunk = 500

    /// The keys, vendor ids and external ids of the rows found.
    struct Found {
        var keys: Set<String> = []
        var vendorIDs: Set<String> = []
        var externalIDs: Set<String> = []

        func holds(_ contact: Contact) -> Bool {
            !isEmpty && holds(contact, keys: CachedContact.keys(for: contact))
        }

        /// Whether a row found matches the contact, whose keys are `keys`: exactly the rows
        /// the cache's writes match (any key, the vendor id or the external id).
        /// Whether no row was found (nothing to match, no key to build).
        var isEmpty: Bool { keys.isEmpty && vendorIDs.isEmpty && externalIDs.isEmpty }

        func holds(_ contact: Contact, keys contactKeys: [String]) -> Bool {
            if let id = contact.vendorID, vendorIDs.contains(id) { return true }
            if let id = contact.externalID, externalIDs.contains(id) { return true }
            return contactKeys.contains(where: keys.contains)
        }

        /// Notes a row written under `key` for `contact`.
        mutating func note(_ contact: Contact, key: String) {
            keys.insert(key)
            if let id = contact.vendorID { vendorIDs.insert(id) }
            if let id = contact.externalID { externalIDs.insert(id) }
        }

        /// The rows of these contacts in the campaign's cache, looked up `lookupChunk` at a time.
        static func lookUp(_ contacts: [Contact], account: String, campaignID: String, _ db: Database) throws -> Found {
            var found = Found()
            // A campaign with nothing cached (one just made, or never listed: what a bulk
            // import usually fills) holds none of them; one probe says so.
            guard try Store.cacheHoldsAny(account: account, campaignID: campaignID, db) else { return found }
            for start in stride(from: 0, to: contacts.count, by: Store.lookupChunk) {
                try found.add(
                    contacts[start..<min(start + Store.lookupChunk, contacts.count)], account: account,
                    campaignID: campaignID, db)
            }
            return found
        }

        /// The lookup of one chunk: a fixed number of slots per list (the unused ones NULL,
        /// which matches nothing), so every chunk runs the same cached statement instead of
        /// preparing one with its own count of parameters.
        private static let lookupSQL: String = {
            func marks(_ count: Int) -> String { Array(repeating: "?", count: count).joined(separator: ",") }
            return """
                SELECT key, vendorID, externalID FROM contact WHERE account = ?1 AND campaignID = ?2 AND key IN (\(marks(keySlots)))
                UNION SELECT key, vendorID, externalID FROM contact WHERE account = ?1 AND campaignID = ?2 AND vendorID IN (\(marks(Store.lookupChunk)))
                UNION SELECT key, vendorID, externalID FROM contact WHERE account = ?1 AND campaignID = ?2 AND externalID IN (\(marks(Store.lookupChunk)))
                """
        }()
        /// Key slots per chunk: the keys asked by key are a contact's email and phone keys
        /// (its `id:` and `ext:` keys are asked by the vendor id and external id columns,
        /// which a row cached under such a key always holds).
        private static let keySlots = 2 * Store.lookupChunk

        mutating func add(_ contacts: ArraySlice<Contact>, account: String, campaignID: String, _ db: Database) throws {
            precondition(contacts.count <= Store.lookupChunk)
            // ?1 and ?2, then the key slots, the vendor id slots and the external id slots.
            var values = [DatabaseValue](repeating: .null, count: 2 + Self.keySlots + 2 * Store.lookupChunk)
            values[0] = account.databaseValue
            values[1] = campaignID.databaseValue
            var keyIndex = 2
            var vendorIndex = 2 + Self.keySlots
            var externalIndex = vendorIndex + Store.lookupChunk
            for contact in contacts {
                for key in CachedContact.contactDetailKeys(for: contact) {
                    values[keyIndex] = key.databaseValue
                    keyIndex += 1
                }
                if let id = contact.vendorID {
                    values[vendorIndex] = id.databaseValue
                    vendorIndex += 1
                }
                if let id = contact.externalID {
                    values[externalIndex] = id.databaseValue
                    externalIndex += 1
                }
            }
            let rows = try Row.fetchCursor(
                db.cachedStatement(sql: Self.lookupSQL), arguments: StatementArguments(values))
            while let row = try rows.next() {
                self.keys.insert(row[0])
                if let id: String = row[1] { self.vendorIDs.insert(id) }
                if let id: String = row[2] { self.externalIDs.insert(id) }
            }
        }
    }
}

extension Store {
    /// Whether the cache holds any contact of the campaign (one probe).
    static func cacheHoldsAny(account: String, campaignID: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM contact WHERE account = ? AND campaignID = ?)"),
            arguments: [account, campaignID]) ?? false
    }
}
