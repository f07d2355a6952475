import Foundation
import SwitchboardCore

@testable import Console

/// Console states built the way the running console builds them: message by message.
enum Fixtures {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    static let hostile = "Evil\u{1B}[2J\u{1B}]0;pwned\u{07}\u{202E}gnp.exe\u{200B}"

    static let accounts = [
        AccountInfo(
            name: "acme-calls", vendorName: "Anyreach",
            capabilities: [.listCampaigns, .listContacts, .getContact, .stats], configuredCampaigns: []),
        AccountInfo(name: "replify-main", vendorName: "Replify", capabilities: [.upsert], configuredCampaigns: ["3f2a-uuid"]),
    ]

    static let campaigns: [CachedCampaign] = [
        ("c1", "Spring renewals", CampaignState.active), ("c2", "Zoë’s 东京 callbacks 🌸", .active),
        ("c3", hostile, .paused), ("c4", "Empty pilot", .draft),
    ].map { CachedCampaign(account: "acme-calls", campaign: Campaign(id: $0.0, name: $0.1, state: $0.2), seenAt: t0) }

    static func counts(pending: Int, active: Int, completed: Int, exhausted: Int = 2, failed: Int = 1) -> StatusCounts {
        StatusCounts(
            total: pending + active + completed + exhausted + failed,
            byStatus: [.pending: pending, .active: active, .completed: completed, .exhausted: exhausted, .failed: failed],
            activeCalls: active, attempts: (completed + exhausted) * 2 + active, concurrencyLimit: 8)
    }

    static let contacts: [CachedContact] = [
        Contact(vendorID: "k1", externalID: "crm-1", firstName: "王", lastName: "芳", phoneNumbers: ["+81312345678"],
                status: ContactStatus(raw: "completed", normalized: .completed), attemptCount: 2),
        Contact(vendorID: "k2", firstName: "Łukasz", lastName: "Żółć", email: "lz@example.pl",
                status: ContactStatus(raw: "in_progress", normalized: .active), attemptCount: 1),
        Contact(vendorID: "k3", firstName: hostile, phoneNumbers: ["+15550100"],
                status: ContactStatus(raw: "pending", normalized: .pending), attemptCount: 0,
                data: ["note": .string("likes 🌻\u{1B}[31m"), "tier": .number(2)]),
        Contact(vendorID: "k4", firstName: "Ana 🌻", phoneNumbers: ["+34910000000"],
                status: ContactStatus(raw: "exhausted", normalized: .exhausted), attemptCount: 3),
    ].map { CachedContact(account: "acme-calls", campaignID: "c2", contact: $0) }

    /// A console at `width`×`height` showing acme-calls' campaigns with counts.
    static func campaignsState(width: Int, height: Int) -> AppState {
        var state = AppState(accounts: accounts, width: width, height: height, now: t0)
        _ = start(&state)
        _ = update(&state, .campaignsFetched(account: "acme-calls", .success(4), at: t0))
        _ = update(&state, .campaignsObserved(account: "acme-calls", campaigns))
        let first = [
            ("c1", counts(pending: 120, active: 4, completed: 300)), ("c2", counts(pending: 40, active: 8, completed: 12)),
            ("c3", counts(pending: 7, active: 0, completed: 1)),
            ("c4", counts(pending: 0, active: 0, completed: 0, exhausted: 0, failed: 0)),
        ]
        for (id, counts) in first {
            _ = update(&state, .statsFetched(account: "acme-calls", campaignID: id, .success(counts), at: t0))
        }
        let later = t0.addingTimeInterval(2)
        _ = update(&state, .tick(later))
        for (id, counts) in first {
            let fresh = id == "c2" ? Self.counts(pending: 39, active: 8, completed: 13) : counts
            _ = update(&state, .statsFetched(account: "acme-calls", campaignID: id, .success(fresh), at: later))
        }
        return state
    }

    /// The same console with campaign c2 open, samples and contacts delivered.
    static func campaignState(width: Int, height: Int) -> AppState {
        var state = campaignsState(width: width, height: height)
        _ = update(&state, .key(.character("G")))
        _ = update(&state, .key(.enter))
        _ = update(&state, .statsFetched(account: "acme-calls", campaignID: "c2", .success(counts(pending: 39, active: 8, completed: 13)), at: t0.addingTimeInterval(2)))
        let samples = (0..<20).map { index in
            StatsSample(account: "acme-calls", campaignID: "c2",
                        counts: counts(pending: 60 - index, active: 8, completed: index * index / 8, exhausted: index / 5),
                        takenAt: t0.addingTimeInterval(Double(index * 2)))
        }
        _ = update(&state, .samplesObserved(account: "acme-calls", campaignID: "c2", samples))
        _ = update(&state, .contactCountObserved(account: "acme-calls", campaignID: "c2", contacts.count))
        _ = update(&state, .contactsObserved(account: "acme-calls", campaignID: "c2", offset: 0, contacts))
        _ = update(&state, .contactsFetched(account: "acme-calls", campaignID: "c2", .success(ContactsFetched(total: 4, nextOffset: nil))))
        _ = update(&state, .contactStatusesObserved(account: "acme-calls", campaignID: "c2", statuses))
        return state
    }

    /// The status words of `contacts`, as the store lists them (by bucket).
    static let statuses = [
        ContactStatus(raw: "pending", normalized: .pending), ContactStatus(raw: "in_progress", normalized: .active),
        ContactStatus(raw: "completed", normalized: .completed),
        ContactStatus(raw: "exhausted", normalized: .exhausted),
    ]

    /// Delivers what the store would answer for the current contacts filter: the count and
    /// the first window of `contacts` that it keeps (status words and a plain substring).
    static func deliverFilteredContacts(_ state: inout AppState) {
        guard let pane = state.campaign else { return }
        let filter = pane.filter
        let kept = contacts.filter { cached in
            let contact = cached.contact
            let statusOK = filter.statuses.map { $0.contains(contact.status?.raw ?? "") } ?? true
            let haystack = [contact.displayName, contact.email ?? "", contact.externalID ?? ""] + contact.phoneNumbers
            let found =
                filter.text.isEmpty || haystack.contains { $0.localizedLowercase.contains(filter.text.localizedLowercase) }
            return statusOK && found != filter.excludesText
        }
        let id = pane.campaignID
        _ = update(&state, .matchCountObserved(account: "acme-calls", campaignID: id, filter: filter, kept.count))
        _ = update(&state, .contactsObserved(account: "acme-calls", campaignID: id, filter: filter, offset: 0, kept))
    }

    /// Journal rows for the third contact: a pending removal, a refusal in hostile words, the first send.
    static let history = [
        ContactHistoryEntry(
            entryID: 9, position: 0, action: .remove, state: .pending, outcome: nil, message: nil,
            recordedAt: t0.addingTimeInterval(600), answeredAt: nil),
        ContactHistoryEntry(
            entryID: 5, position: 3, action: .upsert, state: .partial, outcome: "failed",
            message: "phone invalid \u{1B}[31m\u{202E}", recordedAt: t0.addingTimeInterval(300),
            answeredAt: t0.addingTimeInterval(301)),
        ContactHistoryEntry(
            entryID: 2, position: 17, action: .upsert, state: .done, outcome: "created", message: nil,
            recordedAt: t0, answeredAt: t0.addingTimeInterval(2)),
    ]
}
