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

    /// The account's cached campaigns by name, fresh after every change.
    public func observeCampaigns(account: String) -> AsyncValueObservation<[CachedCampaign]> {
        ValueObservation.tracking { db in
            try CachedCampaign.filter(CachedCampaign.Columns.account == account)
                .order(CachedCampaign.Columns.name, CachedCampaign.Columns.id).fetchAll(db)
        }
        .removeDuplicates().values(in: pool, scheduling: .task)
    }

    /// One window of a campaign's cached contacts (ordered by key), fresh after every change.
    public func observeContacts(account: String, campaignID: String, offset: Int, limit: Int)
        -> AsyncValueObservation<[CachedContact]>
    {
        ValueObservation.tracking { db in
            try CachedContact.all().inCampaign(account: account, campaignID: campaignID)
                .order(CachedContact.Columns.key).limit(limit, offset: offset).fetchAll(db)
        }
        .removeDuplicates().values(in: pool, scheduling: .task)
    }

    /// How many contacts of a campaign are cached, fresh after every change.
    public func observeContactCount(account: String, campaignID: String) -> AsyncValueObservation<Int> {
        ValueObservation.tracking { db in
            try CachedContact.all().inCampaign(account: account, campaignID: campaignID).fetchCount(db)
        }
        .removeDuplicates().values(in: pool, scheduling: .task)
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
