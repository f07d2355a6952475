import Foundation

/// The demo Reply.io account every sandbox starts with: two users with API keys, contact
/// accounts, sequences in every state, lists, and a few hundred contacts with international
/// names, many of them enrolled in sequences; the same for the same seed.
enum ReplyIOSeed {
    /// Simulated time starts here; seeded records were made in the months before.
    static let start = Date(timeIntervalSince1970: 1_780_315_200)  // 2026-06-01T12:00:00Z
    /// How many contacts the account holds.
    static let contactCount = 320
    /// Ids of seeded contacts start here; contacts created through the API follow them.
    static let firstContactID = 100_001

    static let users = [
        ReplyIOUser(id: 42, name: "Sam Rivera", apiKey: SandboxCredentials.ReplyIO.apiKey),
        ReplyIOUser(id: 57, name: "Ngozi Adeyemi", apiKey: SandboxCredentials.ReplyIO.teammateKey),
    ]

    /// Account 100 is the one the vendor's create-contact example links to.
    static let contactAccounts = [
        ReplyIOContactAccount(id: 100, name: "Tech Solutions Inc", domain: "company.com"),
        ReplyIOContactAccount(id: 101, name: "Northwind Traders", domain: "northwind.example"),
        ReplyIOContactAccount(id: 102, name: "Müller & Söhne GmbH", domain: "mueller-soehne.example"),
        ReplyIOContactAccount(id: 103, name: "株式会社さくら", domain: "sakura.example"),
        ReplyIOContactAccount(id: 104, name: "Acme Corp", domain: "acme.example"),
    ]

    static let lists = [
        ReplyIOList(id: 10, name: "Hot Leads", isShared: false),
        ReplyIOList(id: 11, name: "SaaS Conference 2026", isShared: true),
        ReplyIOList(id: 12, name: "Newsletter opt-ins ✉️", isShared: true),
        ReplyIOList(id: 13, name: "Partners — EMEA", isShared: false),
    ]

    private struct SequencePlan {
        let name: String
        let owner: Int
        let status: ReplyIOSequenceStatus
        let archived: Bool
        let health: ReplyIOSequenceHealth
        let emailAccount: Int
        let linkedInAccount: Int?
        let steps: Int
        /// Share of the enrolled contacts; 0 for a sequence nobody is in yet.
        let weight: Int
    }

    private static let sequencePlans = [
        SequencePlan(
            name: "Sales Outreach", owner: 42, status: .active, archived: false, health: .healthy, emailAccount: 101,
            linkedInAccount: nil, steps: 5, weight: 6),
        SequencePlan(
            name: "Follow-up Campaign", owner: 42, status: .paused, archived: false, health: .degraded,
            emailAccount: 101, linkedInAccount: nil, steps: 4, weight: 3),
        SequencePlan(
            name: "Q3 Enterprise — LinkedIn + email", owner: 57, status: .active, archived: false, health: .healthy,
            emailAccount: 102, linkedInAccount: 7, steps: 6, weight: 4),
        SequencePlan(
            name: "Webinar « Données & IA »", owner: 57, status: .active, archived: false, health: .stalled,
            emailAccount: 102, linkedInAccount: nil, steps: 3, weight: 3),
        SequencePlan(
            name: "東京 partner intro 🚀", owner: 42, status: .active, archived: false, health: .blocked,
            emailAccount: 101, linkedInAccount: 7, steps: 3, weight: 2),
        SequencePlan(
            name: "Product launch (draft)", owner: 42, status: .new, archived: false, health: .healthy,
            emailAccount: 101, linkedInAccount: nil, steps: 2, weight: 0),
        SequencePlan(
            name: "Re-engagement 2025", owner: 42, status: .paused, archived: true, health: .healthy,
            emailAccount: 101, linkedInAccount: nil, steps: 4, weight: 2),
        SequencePlan(
            name: "Holiday promo 2025", owner: 57, status: .paused, archived: true, health: .degraded,
            emailAccount: 102, linkedInAccount: nil, steps: 3, weight: 2),
    ]

    private static let companies = [
        ("Globex", "globex.example"), ("Initech", "initech.example"), ("Umbrella Analytics", "umbrella.example"),
        ("Café Olé SARL", "cafe-ole.example"), ("Nørdlys AS", "nordlys.example"), ("Hooli", "hooli.example"),
        ("Zürich Re Labs", "zurich-labs.example"), ("Soylent", "soylent.example"),
    ]

    private static let locations: [(city: String, state: String?, country: String, zone: String)] = [
        ("San Francisco", "CA", "United States", "America/Los_Angeles"),
        ("New York", "NY", "United States", "America/New_York"),
        ("Austin", "TX", "United States", "America/Chicago"), ("London", nil, "United Kingdom", "Europe/London"),
        ("Berlin", "Berlin", "Germany", "Europe/Berlin"), ("Paris", "Île-de-France", "France", "Europe/Paris"),
        ("Kraków", "Małopolskie", "Poland", "Europe/Warsaw"), ("Tokyo", "Tokyo", "Japan", "Asia/Tokyo"),
        ("São Paulo", "SP", "Brazil", "America/Sao_Paulo"),
    ]

    private static let titles = [
        "Senior Product Manager", "VP of Sales", "Head of Growth", "CTO", "Office Manager", "Account Executive",
        "Directrice marketing", "Einkaufsleiter", "営業部長", "Founder & CEO",
    ]

    private static let industries = [
        "Software & Technology", "Financial Services", "Manufacturing", "Healthcare", "Retail", "Education",
    ]

    private static let notes = [
        "Met at SaaS Conference 2024", "Prefers LinkedIn over email", "Asked for a call after Q3 🎯",
        "Rencontré au salon VivaTech", "Budget approved, waiting on legal",
    ]

    static func state(seed: UInt64) -> ReplyIOState {
        var random = SeededGenerator(seed: seed, stream: 21)
        var sequences: [ReplyIOSequence] = []
        for (position, plan) in sequencePlans.enumerated() {
            sequences.append(
                ReplyIOSequence(
                    id: 100 + position, ownerUserID: plan.owner, name: plan.name, status: plan.status,
                    isArchived: plan.archived, health: plan.health,
                    created: start.addingTimeInterval(Double(-120 + position * 9) * 86_400),
                    emailAccountID: plan.emailAccount, linkedInAccountID: plan.linkedInAccount, stepCount: plan.steps))
        }
        let contacts = (0..<contactCount).map { position in
            contact(position: position, sequences: sequences, using: &random)
        }
        return ReplyIOState(
            users: users, contactAccounts: contactAccounts, sequences: sequences, lists: lists, contacts: contacts,
            now: start, nextContactID: firstContactID + contactCount)
    }

    private static func contact(
        position: Int, sequences: [ReplyIOSequence], using random: inout SeededGenerator
    ) -> ReplyIOContact {
        let (first, last): (String, String)
        if position % 80 == 41, position / 80 < DemoPeople.hostileNames.count {
            (first, last) = DemoPeople.hostileNames[position / 80]
        } else {
            first = DemoPeople.firstNames.randomElement(using: &random)!
            last = DemoPeople.lastNames.randomElement(using: &random)!
        }
        let account = random.chance(0.5) ? contactAccounts.randomElement(using: &random) : nil
        let (company, domain) = account.map { ($0.name, $0.domain) } ?? companies.randomElement(using: &random)!
        let handle = [slug(first), slug(last)].filter { !$0.isEmpty }.joined(separator: ".")
        let person = handle.isEmpty ? "contact" : handle
        let location = locations.randomElement(using: &random)!
        let created = start.addingTimeInterval(-Double(100 * 86_400) + Double(position) * 6 * 3600)
        // Seven in ten have a phone; a few of those are not numbers at all (phoneStatus Invalid).
        var phone: String? = nil
        if !random.chance(0.3) {
            if random.chance(0.05) {
                phone = "ask reception"
            } else if location.country == "United Kingdom" {
                phone = DemoPeople.ukPhone(using: &random)
            } else {
                phone = DemoPeople.usPhone(using: &random)
            }
        }
        var customFields: [ReplyIOCustomField] = []
        if random.chance(0.4) {
            let source = ["Conference", "Website", "Referral", "LinkedIn", "Salon professionnel"]
            customFields.append(ReplyIOCustomField(key: "leadSource", value: source.randomElement(using: &random)!))
        }
        if random.chance(0.2) {
            let budget = ["<10k", "10k-100k", "100k-250k", "250k+"]
            customFields.append(ReplyIOCustomField(key: "budget", value: budget.randomElement(using: &random)!))
        }
        var contact = ReplyIOContact(
            id: firstContactID + position,
            email: random.chance(0.9) ? "\(person).\(position)@\(domain)" : nil, firstName: first, lastName: last,
            phone: phone, phone2: random.chance(0.1) ? DemoPeople.usPhone(using: &random) : nil,
            title: titles.randomElement(using: &random)!, company: company,
            companySize: ReplyIOCompanySize.allCases.randomElement(using: &random)!,
            industry: industries.randomElement(using: &random)!, city: location.city, state: location.state,
            country: location.country, timeZoneID: location.zone,
            linkedInURL: nil, linkedInSalesNavigatorURL: nil, linkedInRecruiterURL: nil,
            notes: random.chance(0.2) ? notes.randomElement(using: &random)! : nil,
            ownerUserID: random.chance(0.8) ? 42 : 57, accountID: account?.id, isOptedOut: random.chance(0.03),
            customFields: customFields, sequences: [], listIDs: [], addingDate: created, createdAt: created,
            lastModifiedAt: created.addingTimeInterval(Double(Int.random(in: 1...400, using: &random)) * 3600))
        if contact.email == nil || random.chance(0.6) {
            contact.linkedInURL =
                "https://www.linkedin.com/in/\(person.replacingOccurrences(of: ".", with: "-"))-\(position)"
        }
        if random.chance(0.15) {
            contact.linkedInSalesNavigatorURL = "https://www.linkedin.com/sales/profile/\(700_000 + position)"
        }
        if random.chance(0.05) {
            contact.linkedInRecruiterURL = "https://www.linkedin.com/recruiter/profile/\(900_000 + position)"
        }
        enroll(&contact, sequences: sequences, using: &random)
        if random.chance(0.35) {
            contact.listIDs.append(lists.randomElement(using: &random)!.id)
            if random.chance(0.15), let second = lists.randomElement(using: &random), second.id != contact.listIDs[0] {
                contact.listIDs.append(second.id)
            }
        }
        return contact
    }

    /// Two contacts in three are in a sequence, a few in two; where they stand follows the
    /// sequence's state: an active one is under way, a paused one paused, an archived one done.
    private static func enroll(
        _ contact: inout ReplyIOContact, sequences: [ReplyIOSequence], using random: inout SeededGenerator
    ) {
        guard random.chance(0.65) else { return }
        let count = random.chance(0.1) ? 2 : 1
        let totalWeight = sequencePlans.reduce(0) { $0 + $1.weight }
        for _ in 0..<count {
            var pick = Int.random(in: 0..<totalWeight, using: &random)
            guard
                let index = sequencePlans.firstIndex(where: { plan in
                    pick -= plan.weight
                    return pick < 0
                })
            else { return }
            let sequence = sequences[index]
            guard !contact.sequences.contains(where: { $0.sequenceID == sequence.id }) else { continue }
            let status: ReplyIOEnrollmentStatus
            if sequence.isArchived {
                status = random.chance(0.8) ? .finished : .replied
            } else if sequence.status == .paused {
                status = random.chance(0.7) ? .paused : .finished
            } else {
                status = [.active, .active, .active, .replied, .finished, .bounced].randomElement(using: &random)!
            }
            let added = max(sequence.created, contact.createdAt).addingTimeInterval(
                Double(Int.random(in: 1...72, using: &random)) * 3600)
            contact.sequences.append(
                ReplyIOEnrollment(
                    sequenceID: sequence.id, status: status,
                    currentStep: status == .finished
                        ? sequence.stepCount : Int.random(in: 1...sequence.stepCount, using: &random),
                    addingDate: added, emailAccountID: sequence.emailAccountID,
                    linkedInAccountID: sequence.linkedInAccountID))
        }
    }

    /// Lowercase ASCII letters of a name, accents dropped: "Zoë" → "zoe", "王芳" → "".
    private static func slug(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        return String(folded.unicodeScalars.filter { ("a"..."z").contains($0) }.map(Character.init))
    }
}
