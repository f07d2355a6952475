import Foundation

/// The demo Replify account every sandbox starts with: the keys and campaign UUIDs of
/// `SandboxCredentials.Replify`, and contacts in each campaign, the same for the same seed.
enum ReplifySeed {
    /// The organization of the seeded keys, and the one owning `foreignCampaign`.
    static let organization = "org_sandbox"
    static let foreignOrganization = "org_elsewhere"

    /// Contacts per campaign, in the order of `SandboxCredentials.Replify.campaigns`.
    static let contactCounts = [12, 8, 5]
    static let foreignContactCount = 3

    /// The first contacts of the first campaign, so every seed shows accents, CJK and emoji.
    static let fixedNames = [("Zoë", "Núñez"), ("王芳", "陈"), ("Ana 🌻", "Østergaard")]

    static func state(seed: UInt64) -> ReplifyState {
        var random = SeededGenerator(seed: seed, stream: 11)
        let credentials = SandboxCredentials.Replify.self
        var campaigns = zip(credentials.campaigns, contactCounts).enumerated().map { position, campaign in
            ReplifyCampaign(
                id: campaign.0, organization: organization,
                contacts: contacts(campaign.1, named: position == 0 ? fixedNames : [], using: &random))
        }
        campaigns.append(
            ReplifyCampaign(
                id: credentials.foreignCampaign, organization: foreignOrganization,
                contacts: contacts(foreignContactCount, named: [], using: &random)))
        return ReplifyState(
            apiKeys: [
                ReplifyAPIKey(key: credentials.apiKey, campaigns: credentials.campaigns),
                ReplifyAPIKey(key: credentials.limitedKey, campaigns: credentials.limitedCampaigns),
            ],
            campaigns: campaigns, calls: [])
    }

    /// `count` contacts, the first ones with the given names, the rest with demo names.
    private static func contacts(
        _ count: Int, named names: [(String, String)], using random: inout SeededGenerator
    ) -> [ReplifyContact] {
        var phones: Set<String> = []
        return (1...count).map { number in
            var first = DemoPeople.firstNames.randomElement(using: &random)!
            var last = DemoPeople.lastNames.randomElement(using: &random)!
            if number <= names.count { (first, last) = names[number - 1] }
            var phone = String(DemoPeople.usPhone(using: &random).dropFirst())
            while phones.contains(phone) { phone = String(DemoPeople.usPhone(using: &random).dropFirst()) }
            phones.insert(phone)
            let identifiers = Double.random(in: 0..<1, using: &random)
            var metadata: [String: JSONValue] = [
                "source": .string(["web_form", "import", "referral"].randomElement(using: &random)!)
            ]
            if random.chance(0.5) {
                metadata["tier"] = .string(["trial", "pro", "team"].randomElement(using: &random)!)
            }
            let status = Double.random(in: 0..<1, using: &random)
            let external = random.chance(0.3)
            return ReplifyContact(
                firstName: first, lastName: last,
                email: identifiers < 0.9 ? email(first: first, last: last, number: number) : nil,
                phone: identifiers < 0.7 || identifiers >= 0.9 ? phone : nil,
                status: status < 0.1 ? "completed" : status < 0.2 ? "disqualified" : nil, contactMetadata: metadata,
                externalIdKey: external ? "hubspotId" : nil, externalIdValue: external ? "\(10_000 + number)" : nil)
        }
    }

    /// `zoe.nunez.3@example.com`: the names folded to ASCII letters, `contact` when none are left.
    private static func email(first: String, last: String, number: Int) -> String {
        let parts = [first, last].map { name in
            String(
                name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
                    .unicodeScalars.filter { ("a"..."z").contains($0) }.map(Character.init))
        }.filter { !$0.isEmpty }
        return ((parts.isEmpty ? ["contact"] : parts) + ["\(number)"]).joined(separator: ".") + "@example.com"
    }
}
