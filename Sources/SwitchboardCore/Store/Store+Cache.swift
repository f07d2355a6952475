import Foundation
import GRDB

/// The cache: what the console has seen per account, written as listings arrive and
/// read back page by page, observed rather than polled.
extension Store {
    /// Replaces the account's cached campaigns with a fresh listing.
    public func saveCampaigns(_ campaigns: [Campaign], account: String, seenAt: Date) async throws {
        try await pool.write { db in
            try CachedCampaign.filter(CachedCampaign.Columns.account == account).deleteAll(db)
            for campaign in campaigns {
                try CachedCampaign(account: account, campaign: campaign, seenAt: seenAt).insert(db)
            }
        }
    }

    /// Caches contacts a vendor listing showed, replacing any row under another of their keys.
    public func saveContacts(_ contacts: [Contact], account: String, campaignID: String, seenAt: Date) async throws {
        try await pool.write { db in
            for contact in contacts {
                var row = CachedContact(account: account, campaignID: campaignID, contact: contact)
                row.lastSeenAt = seenAt
                try row.write(db)
            }
        }
    }

    /// Stores a stats sample for sparklines.
    public func recordStats(_ counts: StatusCounts, account: String, campaignID: String, takenAt: Date) async throws {
        try await pool.write { db in
            var sample = StatsSample(account: account, campaignID: campaignID, counts: counts, takenAt: takenAt)
            try sample.insert(db)
        }
    }

    /// Stores several campaigns' counts taken at the same time, in one transaction.
    public func recordStats(
        _ samples: [(campaignID: String, counts: StatusCounts)], account: String, takenAt: Date
    ) async throws {
        guard !samples.isEmpty else { return }
        try await pool.write { db in
            for (campaignID, counts) in samples {
                var sample = StatsSample(account: account, campaignID: campaignID, counts: counts, takenAt: takenAt)
                try sample.insert(db)
            }
        }
    }

    /// The account's cached campaigns by name, fresh after every change.
    public func observeCampaigns(account: String) -> AsyncValueObservation<[CachedCampaign]> {
        ValueObservation.tracking { db in
            try CachedCampaign.filter(CachedCampaign.Columns.account == account)
                .order(CachedCampaign.Columns.name, CachedCampaign.Columns.id).fetchAll(db)
        }
        .removeDuplicates().values(in: pool, scheduling: .task)
    }

    /// One window of a campaign's cached contacts that `filter` keeps (ordered by key),
    /// fresh after every change.
    public func observeContacts(
        account: String, campaignID: String, filter: ContactFilter = .all, offset: Int, limit: Int
    ) -> AsyncValueObservation<[CachedContact]> {
        ValueObservation.tracking { db in
            try Self.contacts(account: account, campaignID: campaignID, filter: filter, offset: offset, limit: limit, db)
        }
        .removeDuplicates().values(in: pool, scheduling: .task)
    }

    /// The window `observeContacts` reads. SQLite's OFFSET walks every row it skips (about
    /// 110 ms to the last page of a million), so a window in the second half of an
    /// unfiltered campaign is read from the end instead, its start counted back from the
    /// tally (`contactTally`): the last page costs what the first does.
    static func contacts(
        account: String, campaignID: String, filter: ContactFilter, offset: Int, limit: Int, _ db: Database
    ) throws -> [CachedContact] {
        let campaign = CachedContact.all().inCampaign(account: account, campaignID: campaignID)
        let offset = max(0, offset)
        if filter.isEmpty, limit > 0, offset > 0 {
            let total = try tally(account: account, campaignID: campaignID, db)
            if offset > total / 2 {
                let end = min(offset + limit, total)
                guard end > offset else { return [] }
                return try campaign.order(CachedContact.Columns.key.desc).limit(end - offset, offset: total - end)
                    .fetchAll(db).reversed()
            }
        }
        return try campaign.matching(filter).order(CachedContact.Columns.key).limit(limit, offset: offset).fetchAll(db)
    }

    /// How many contacts of a campaign are cached (of those `filter` keeps), fresh after
    /// every change. Unfiltered, it is the tally the triggers keep, not a count of the rows.
    public func observeContactCount(account: String, campaignID: String, filter: ContactFilter = .all)
        -> AsyncValueObservation<Int>
    {
        ValueObservation.tracking { db in
            if filter.isEmpty { return try Self.tally(account: account, campaignID: campaignID, db) }
            return try CachedContact.all().inCampaign(account: account, campaignID: campaignID).matching(filter)
                .fetchCount(db)
        }
        .removeDuplicates().values(in: pool, scheduling: .task)
    }

    /// The campaign's cached contacts as the triggers counted them (migration "v9 contact tally").
    static func tally(account: String, campaignID: String, _ db: Database) throws -> Int {
        try Int.fetchOne(
            db.cachedStatement(sql: "SELECT n FROM contactTally WHERE account = ? AND campaignID = ?"),
            arguments: [account, campaignID]) ?? 0
    }

    /// The vendor status words a campaign's cached contacts have, each with its
    /// vendor-neutral bucket, by bucket then word; fresh after every change.
    public func observeContactStatuses(account: String, campaignID: String) -> AsyncValueObservation<[ContactStatus]> {
        ValueObservation.tracking { db in try Self.contactStatuses(account: account, campaignID: campaignID, db) }
            .removeDuplicates().values(in: pool, scheduling: .task)
    }

    /// The distinct words first, then one row's bucket per word: grouping whole rows by
    /// word would sort the contacts' JSON along with them.
    static func contactStatuses(account: String, campaignID: String, _ db: Database) throws -> [ContactStatus] {
        let words = try String.fetchAll(
            db,
            sql: "SELECT DISTINCT status FROM contact WHERE account = ? AND campaignID = ? AND status IS NOT NULL",
            arguments: [account, campaignID])
        let bucket = try db.cachedStatement(
            sql: """
                SELECT json_extract(contact, '$.status.normalized') FROM contact
                WHERE account = ? AND campaignID = ? AND status = ? LIMIT 1
                """)
        let order = NormalizedStatus.allCases
        return try words.map { word in
            let name = try String.fetchOne(bucket, arguments: [account, campaignID, word])
            return ContactStatus(raw: word, normalized: name.flatMap(NormalizedStatus.init(rawValue:)) ?? .unknown)
        }
        .sorted {
            let (a, b) = (order.firstIndex(of: $0.normalized)!, order.firstIndex(of: $1.normalized)!)
            return a == b ? $0.raw < $1.raw : a < b
        }
    }

    /// The latest `limit` stats samples of a campaign, oldest first, fresh after every sample.
    public func observeStats(account: String, campaignID: String, limit: Int) -> AsyncValueObservation<[StatsSample]> {
        ValueObservation.tracking { db in
            try StatsSample.filter(
                StatsSample.Columns.account == account && StatsSample.Columns.campaignID == campaignID
            )
            .order(StatsSample.Columns.takenAt.desc, StatsSample.Columns.id.desc).limit(limit).fetchAll(db)
            .reversed()
        }
        .removeDuplicates().values(in: pool, scheduling: .task)
    }

    /// The page of a campaign's cached contacts after `key` (keyset paging, ordered by key):
    /// pass the last key of one page to get the next; nil starts at the beginning.
    public func contactsPage(account: String, campaignID: String, after key: String?, limit: Int) async throws
        -> [CachedContact]
    {
        try await pool.read { db in
            var request = CachedContact.all().inCampaign(account: account, campaignID: campaignID)
            if let key { request = request.filter(CachedContact.Columns.key > key) }
            return try request.order(CachedContact.Columns.key).limit(limit).fetchAll(db)
        }
    }
}

extension DerivableRequest<CachedContact> {
    /// The contacts of one campaign of one account.
    public func inCampaign(account: String, campaignID: String) -> Self {
        filter(CachedContact.Columns.account == account && CachedContact.Columns.campaignID == campaignID)
    }
}
