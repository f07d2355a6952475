import Foundation

/// The demo CampaignLark workspaces every sandbox starts with, the same for the same seed:
/// the main one with fields of every type (first name required), tags, 300 contacts in
/// every status and campaigns in every status; a small second one behind its own key.
enum CampaignLarkSeed {
    /// Simulated time starts here; seeded records were made in the months before.
    static let start = Date(timeIntervalSince1970: 1_780_315_200)  // 2026-06-01T12:00:00Z
    /// How many contacts the main workspace holds.
    static let contactCount = 300

    static let fields = [
        CampaignLark.Field(id: 1, label: "First name", mergeTag: "first_name", type: .text, required: true),
        CampaignLark.Field(id: 2, label: "Last name", mergeTag: "last_name", type: .text, required: false),
        CampaignLark.Field(id: 3, label: "Phone", mergeTag: "phone", type: .text, required: false),
        CampaignLark.Field(id: 4, label: "Company", mergeTag: "company", type: .text, required: false),
        CampaignLark.Field(id: 5, label: "City", mergeTag: "city", type: .text, required: false),
        CampaignLark.Field(id: 6, label: "Lifetime value", mergeTag: "lifetime_value", type: .number, required: false),
        CampaignLark.Field(id: 7, label: "SMS opt-in", mergeTag: "sms_opt_in", type: .bool, required: false),
        CampaignLark.Field(id: 8, label: "Birthday", mergeTag: "birthday", type: .date, required: false),
        CampaignLark.Field(id: 9, label: "Interests", mergeTag: "interests", type: .multi, required: false),
    ]

    /// Ids 1 and 2 are the document's `newsletter` and `vip`.
    static let tags = [
        CampaignLark.Tag(id: 1, name: "newsletter"), CampaignLark.Tag(id: 2, name: "vip"),
        CampaignLark.Tag(id: 3, name: "webinar-2026"), CampaignLark.Tag(id: 4, name: "customer"),
        CampaignLark.Tag(id: 5, name: "trial"), CampaignLark.Tag(id: 6, name: "churn-risk"),
        CampaignLark.Tag(id: 7, name: "événements-paris"), CampaignLark.Tag(id: 8, name: "東京-expo"),
    ]

    private static let campaignPlans: [(String, String, CampaignLark.CampaignStatus)] = [
        ("Spring trail collection", "New trails, new boots 🥾", .completed),
        ("Newsletter #41", "What we packed for May", .completed),
        ("VIP early access", "You're first in line", .completed),
        ("Holiday gift guide 2025", "Gifts for the outdoorsy", .archived),
        ("Win-back: we miss you 💌", "Come back for 20% off", .cancelled),
        ("Summer clearance", "Everything must go", .paused),
        ("Welcome series — June", "Welcome to Lark Outfitters", .processing),
        ("Back-to-school deals", "Packs for every class", .queued),
        ("Réouverture du magasin de Lyon", "On vous attend samedi", .preprocessing),
        ("Black Friday teaser", "Something big is coming", .inReview),
        ("Newsletter #42", "What we packed for June", .draft),
        ("東京 store opening", "Our first store in Japan", .draft),
    ]

    private static let statusWeights: [(CampaignLark.ContactStatus, Int)] = [
        (.subscribed, 62), (.unsubscribed, 10), (.unconfirmed, 9), (.bounced, 8), (.cleaned, 6), (.complained, 5),
    ]

    private static let companies = [
        "Acme Corp", "Umbrella GmbH", "Société Générale des Tests", "株式会社サンプル", "Nordlys AS", "Café Bonheur 🍰",
        "O'Reilly & Sons", "Þórsson ehf.",
    ]
    private static let cities = [
        "Lisbon", "München", "Kraków", "São Paulo", "東京", "Reykjavík", "Montréal", "Cork", "Austin", "Zürich",
    ]
    private static let interests = ["hiking", "cycling", "climbing", "camping", "kayaking", "skiing"]

    static func state(seed: UInt64) -> CampaignLarkState {
        var random = SeededGenerator(seed: seed, stream: 21)
        let main = CampaignLark.Workspace(
            id: SandboxCredentials.CampaignLark.workspace, name: "Lark Outfitters",
            apiKeys: [SandboxCredentials.CampaignLark.apiKey, SandboxCredentials.CampaignLark.secondaryKey],
            fields: fields, tags: tags,
            contacts: (0..<contactCount).map { contact(position: $0, using: &random) },
            campaigns: campaignPlans.enumerated().map { position, plan in
                campaign(plan, position: position, using: &random)
            },
            automations: [])
        let other = CampaignLark.Workspace(
            id: SandboxCredentials.CampaignLark.otherWorkspace, name: "Lark Labs",
            apiKeys: [SandboxCredentials.CampaignLark.otherWorkspaceKey],
            fields: Array(fields.prefix(2)).map {
                CampaignLark.Field(id: $0.id, label: $0.label, mergeTag: $0.mergeTag, type: $0.type, required: false)
            }, tags: [CampaignLark.Tag(id: 1, name: "beta")],
            contacts: (0..<12).map { position in
                var contact = contact(position: contactCount + position, using: &random)
                contact.fields = contact.fields.filter { ["first_name", "last_name"].contains($0.key) }
                contact.tagIDs = contact.tagIDs.contains(1) ? [1] : []
                return contact
            },
            campaigns: [campaign(("Beta invites", "Try Lark Labs first", .completed), position: 0, using: &random)],
            automations: [])
        return CampaignLarkState(workspaces: [main, other], now: start, ids: SeededGenerator(seed: seed, stream: 22))
    }

    private static func campaign(
        _ plan: (String, String, CampaignLark.CampaignStatus), position: Int, using random: inout SeededGenerator
    ) -> CampaignLark.Campaign {
        let created = start.addingTimeInterval(Double(-150 + position * 12) * 86_400)
        return CampaignLark.Campaign(
            id: random.objectID(), name: plan.0, subject: plan.1, status: plan.2, createdAt: created,
            updatedAt: created.addingTimeInterval(Double(Int.random(in: 1...96, using: &random)) * 3600))
    }

    private static func contact(position: Int, using random: inout SeededGenerator) -> CampaignLark.Contact {
        let (first, last): (String, String)
        if position < DemoPeople.hostileNames.count * 11, position % 11 == 5 {
            (first, last) = DemoPeople.hostileNames[position / 11]
        } else {
            first = DemoPeople.firstNames.randomElement(using: &random)!
            last = DemoPeople.lastNames.randomElement(using: &random)!
        }
        var fields: [String: JSONValue] = ["first_name": .string(first), "last_name": .string(last)]
        if random.chance(0.6) {
            fields["phone"] = .string(
                random.chance(0.7) ? DemoPeople.usPhone(using: &random) : DemoPeople.ukPhone(using: &random))
        }
        if random.chance(0.5) { fields["company"] = .string(companies.randomElement(using: &random)!) }
        if random.chance(0.4) { fields["city"] = .string(cities.randomElement(using: &random)!) }
        if random.chance(0.3) {
            fields["lifetime_value"] = .number(Double(Int.random(in: 0...250_000, using: &random)) / 100)
        }
        if random.chance(0.4) { fields["sms_opt_in"] = .bool(random.chance(0.5)) }
        if random.chance(0.2) {
            let year = Int.random(in: 1950...2005, using: &random)
            let month = Int.random(in: 1...12, using: &random)
            let day = Int.random(in: 1...28, using: &random)
            fields["birthday"] = .string("\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)")
        }
        if random.chance(0.3) {
            let picked = interests.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random))
            fields["interests"] = .array(picked.map { .string($0) })
        }
        let status = pickStatus(using: &random)
        let tagIDs = tags.map(\.id).filter { _ in random.chance(0.2) }
        let delivered = status == .unconfirmed ? 0 : Int.random(in: 0...40, using: &random)
        let opens = Int.random(in: 0...delivered, using: &random)
        let statistics = CampaignLark.Statistics(
            totalOpens: opens, totalClicks: Int.random(in: 0...opens, using: &random),
            totalBounces: status == .bounced ? Int.random(in: 1...3, using: &random) : 0, totalDelivered: delivered)
        let created = start.addingTimeInterval(-120 * 86_400 + Double(position) * 9 * 3600)
        let updated = min(start, created.addingTimeInterval(Double(Int.random(in: 0...720, using: &random)) * 3600))
        return CampaignLark.Contact(
            id: random.objectID(), emailAddress: email(first: first, last: last, position: position), status: status,
            tagIDs: tagIDs, fields: fields, statistics: statistics, createdAt: created, updatedAt: updated)
    }

    private static func pickStatus(using random: inout SeededGenerator) -> CampaignLark.ContactStatus {
        var pick = Int.random(in: 0..<statusWeights.reduce(0) { $0 + $1.1 }, using: &random)
        for (status, weight) in statusWeights {
            pick -= weight
            if pick < 0 { return status }
        }
        return .subscribed
    }

    /// `zoe.nunez.17@example.com`: the name's ASCII letters (accents dropped), unique by position.
    private static func email(first: String, last: String, position: Int) -> String {
        func slug(_ name: String) -> String {
            let letters = name.decomposedStringWithCanonicalMapping.lowercased().unicodeScalars.filter {
                $0.isASCII && CharacterSet.alphanumerics.contains($0)
            }
            return letters.isEmpty ? "contact" : String(String.UnicodeScalarView(letters))
        }
        return "\(slug(first)).\(slug(last)).\(position)@example.com"
    }
}
