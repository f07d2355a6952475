import Foundation

/// The demo organization every sandbox starts with: configurations, campaigns in each
/// state and `contactCount` contacts, the same for the same seed.
enum AnyreachSeed {
    /// Simulated time starts here; seeded records were made in the weeks before.
    static let start = Date(timeIntervalSince1970: 1_780_315_200)  // 2026-06-01T12:00:00Z

    private struct CampaignPlan {
        let name: String
        let externalID: String?
        let status: CampaignStatus
        let configuration: Int?
        let weight: Int
    }

    private static let campaignPlans = [
        CampaignPlan(
            name: "Spring outreach", externalID: "spring-outreach", status: .active, configuration: 0, weight: 6),
        CampaignPlan(
            name: "UK renewals Q3", externalID: "uk-renewals-q3", status: .active, configuration: 1, weight: 4),
        CampaignPlan(name: "Webinar follow-up", externalID: nil, status: .active, configuration: nil, weight: 3),
        CampaignPlan(
            name: "Win-back — lapsed customers", externalID: "winback", status: .paused, configuration: 0, weight: 3),
        CampaignPlan(name: "Enquête de satisfaction", externalID: nil, status: .paused, configuration: 2, weight: 2),
        CampaignPlan(
            name: "Holiday promo 2025", externalID: "holiday-2025", status: .closed, configuration: 0, weight: 3),
        CampaignPlan(name: "Beta invites", externalID: "beta-invites", status: .closed, configuration: 1, weight: 2),
    ]

    static func state(seed: UInt64, contactCount: Int) -> AnyreachState {
        var random = SeededGenerator(seed: seed, stream: 1)
        let configurations = seededConfigurations(using: &random)
        var campaigns: [Campaign] = []
        for (position, plan) in campaignPlans.enumerated() {
            let created = start.addingTimeInterval(Double(-40 + position * 3) * 86_400)
            campaigns.append(
                Campaign(
                    id: random.uuid(), externalID: plan.externalID, name: plan.name,
                    description: position % 2 == 0 ? "Demo campaign \(position + 1) of the vendor sandbox" : nil,
                    status: plan.status, configurationID: plan.configuration.map { configurations[$0].id },
                    createdAt: created, updatedAt: created.addingTimeInterval(3600)))
        }
        var contacts: [Contact] = []
        contacts.reserveCapacity(contactCount)
        let totalWeight = campaignPlans.reduce(0) { $0 + $1.weight }
        for position in 0..<contactCount {
            // One contact in twenty lives in `default`; the rest spread by weight.
            var campaignIndex: Int? = nil
            if !random.chance(0.05) {
                var pick = Int.random(in: 0..<totalWeight, using: &random)
                campaignIndex = campaignPlans.firstIndex { plan in
                    pick -= plan.weight
                    return pick < 0
                }
            }
            let campaign = campaignIndex.map { campaigns[$0] }
            let configuration = campaignIndex.flatMap { campaignPlans[$0].configuration }.map { configurations[$0] }
            contacts.append(
                contact(
                    position: position, campaign: campaign, configuration: configuration, using: &random))
        }
        return AnyreachState(
            organizationID: SandboxCredentials.Anyreach.organization, campaigns: campaigns, contacts: contacts,
            configurations: configurations, concurrencyLimit: AnyreachState.defaultConcurrencyLimit, now: start,
            ids: SeededGenerator(seed: seed, stream: 2))
    }

    private static func seededConfigurations(using random: inout SeededGenerator) -> [Configuration] {
        let created = start.addingTimeInterval(-60 * 86_400)
        func make(_ name: String, _ timezone: String, _ windows: [CallWindow], retry: Int, code: String)
            -> Configuration
        {
            Configuration(
                id: random.uuid(), name: name, defaultTimezone: timezone, defaultWindows: windows, overrides: [:],
                scheduledWindows: [], scheduledOverrides: [:], retryLimit: retry, defaultCountryCode: code,
                agentID: nil, agentNumber: nil, createdAt: created, updatedAt: created)
        }
        var weekdays = make("US weekdays", "America/New_York", Configuration.weekdayWindows, retry: 2, code: "+1")
        weekdays.overrides = [
            "America/Los_Angeles": [
                CallWindow(days: ["mon", "tue", "wed", "thu", "fri"], start: "10:00", end: "18:00")
            ]
        ]
        weekdays.scheduledWindows = [ScheduledWindow(date: "2026-12-24", start: "09:00", end: "12:00")]
        let evenings = make(
            "UK evenings", "Europe/London",
            [CallWindow(days: ["mon", "tue", "wed", "thu"], start: "17:30", end: "20:30")], retry: 1, code: "+44")
        let nights = make(
            "Night shift (crosses midnight)", "America/Chicago",
            [CallWindow(days: ["fri", "sat"], start: "22:00", end: "02:00")], retry: 3, code: "+1")
        return [weekdays, evenings, nights]
    }

    private static func contact(
        position: Int, campaign: Campaign?, configuration: Configuration?, using random: inout SeededGenerator
    ) -> Contact {
        let (first, last): (String, String)
        if position < DemoPeople.hostileNames.count * 7, position % 7 == 3 {
            (first, last) = DemoPeople.hostileNames[position / 7]
        } else {
            first = DemoPeople.firstNames.randomElement(using: &random)!
            last = DemoPeople.lastNames.randomElement(using: &random)!
        }
        let uk = configuration?.defaultCountryCode == "+44" || (campaign == nil && random.chance(0.3))
        var phones = [uk ? DemoPeople.ukPhone(using: &random) : DemoPeople.usPhone(using: &random)]
        if random.chance(0.15) {
            phones.append(uk ? DemoPeople.ukPhone(using: &random) : DemoPeople.usPhone(using: &random))
        }
        var data: [String: JSONValue] = ["first_name": .string(first), "last_name": .string(last)]
        if random.chance(0.4) {
            data["plan"] = .string(["free", "pro", "team", "enterprise"].randomElement(using: &random)!)
        }
        if random.chance(0.2) { data["lifetime_value"] = .number(Double(Int.random(in: 10...5000, using: &random))) }
        let created = (campaign?.createdAt ?? start.addingTimeInterval(-20 * 86_400))
            .addingTimeInterval(Double(position % 500) * 60)
        var contact = Contact(
            id: random.uuid(), campaignID: campaign?.id,
            externalID: random.chance(0.6) ? "lead-\(10_000 + position)" : nil, phoneNumbers: phones, data: data,
            timezone: random.chance(0.3) ? (uk ? "Europe/London" : "America/New_York") : nil, scheduledAt: nil,
            status: .pending, attempts: [], agentID: nil, agentConfig: nil, agentNumber: nil, agentVersion: nil,
            initialContext: nil, createdAt: created, updatedAt: created)
        if let campaign {
            history(
                of: &contact, in: campaign, retryLimit: configuration?.retryLimit ?? AnyreachState.defaultRetryLimit,
                using: &random)
        }
        return contact
    }

    /// Past attempts: most of a closed campaign is done, a paused one half-way, an active
    /// one just started with a few contacts scheduled for later.
    private static func history(
        of contact: inout Contact, in campaign: Campaign, retryLimit: Int, using random: inout SeededGenerator
    ) {
        let progress: Double
        switch campaign.status {
        case .closed: progress = 0.95
        case .paused: progress = 0.5
        case .active: progress = 0.1
        }
        if campaign.status == .active, random.chance(0.1) {
            contact.scheduledAt = start.addingTimeInterval(Double(Int.random(in: 1...72, using: &random)) * 3600)
        }
        guard random.chance(progress) else { return }
        let outcomes: [AttemptOutcome] = [.completed, .noAnswer, .busy, .voicemail, .failed]
        var time = contact.createdAt.addingTimeInterval(3600)
        for number in 1...(retryLimit + 1) {
            let outcome =
                number == retryLimit + 1 && random.chance(0.3) ? .noAnswer : outcomes.randomElement(using: &random)!
            let duration = Double(Int.random(in: 8...240, using: &random))
            contact.attempts.append(
                Attempt(
                    number: number, phoneNumber: contact.phoneNumbers[(number - 1) % contact.phoneNumbers.count],
                    startedAt: time, endedAt: time.addingTimeInterval(duration), outcome: outcome))
            time = time.addingTimeInterval(duration + 3 * 3600)
            if outcome == .completed {
                contact.status = .completed
                break
            }
            if outcome == .failed, random.chance(0.1) {
                contact.status = .error
                break
            }
            contact.status = number == retryLimit + 1 ? .exhausted : .pending
        }
        contact.updatedAt = time
    }
}
