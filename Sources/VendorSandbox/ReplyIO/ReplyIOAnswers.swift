/// A contact as the vendor answers it, sequences and lists resolved to their names.
///
/// The documented answer has no `phone2` (only the request does): it is stored and shown in
/// `GET /_sandbox/state`, not in API answers.
struct ReplyIOContactAnswer: Encodable, Sendable {
    let contact: ReplyIOContact
    let sequences: [ReplyIOSequence]
    let lists: [ReplyIOList]
    let version: ReplyIOVersion
    let showsPhone2: Bool

    init(_ contact: ReplyIOContact, in state: ReplyIOState, version: ReplyIOVersion, showsPhone2: Bool = false) {
        self.contact = contact
        sequences = state.sequences
        lists = state.lists
        self.version = version
        self.showsPhone2 = showsPhone2
    }

    private enum CodingKeys: String, CodingKey {
        case id, email, firstName, lastName, title, company, domain, companySize, city, state, country, timeZoneId
        case phone, phone2, phoneStatus, linkedInUrl, linkedInSalesNavigatorUrl, linkedInRecruiterUrl, industry
        case notes, ownerUserId, accountId, isOptedOut, addingDate, createdAt, lastModifiedAt, customFields
        case sequences, lists
    }

    private struct EnrollmentAnswer: Encodable {
        let sequenceId: Int
        let sequenceName: String?
        let status: String
        let currentStep: Int
        let addingDate: String
        let emailAccountId: Int?
        let linkedInAccountId: Int?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(sequenceId, forKey: .sequenceId)
            try container.encode(sequenceName, forKey: .sequenceName)
            try container.encode(status, forKey: .status)
            try container.encode(currentStep, forKey: .currentStep)
            try container.encode(addingDate, forKey: .addingDate)
            try container.encode(emailAccountId, forKey: .emailAccountId)
            try container.encode(linkedInAccountId, forKey: .linkedInAccountId)
        }

        enum CodingKeys: String, CodingKey {
            case sequenceId, sequenceName, status, currentStep, addingDate, emailAccountId, linkedInAccountId
        }
    }

    private struct ListAnswer: Encodable {
        let listId: Int
        let listName: String
        let isShared: Bool
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(contact.id, forKey: .id)
        try container.encode(contact.email, forKey: .email)
        try container.encode(contact.firstName, forKey: .firstName)
        try container.encode(contact.lastName, forKey: .lastName)
        try container.encode(contact.title, forKey: .title)
        try container.encode(contact.company, forKey: .company)
        try container.encode(contact.domain, forKey: .domain)
        try container.encode(version.spell(contact.companySize.rawValue), forKey: .companySize)
        try container.encode(contact.city, forKey: .city)
        try container.encode(contact.state, forKey: .state)
        try container.encode(contact.country, forKey: .country)
        try container.encode(contact.timeZoneID, forKey: .timeZoneId)
        try container.encode(contact.phone, forKey: .phone)
        if showsPhone2 { try container.encode(contact.phone2, forKey: .phone2) }
        try container.encode(version.spell(contact.phoneStatus.rawValue), forKey: .phoneStatus)
        try container.encode(contact.linkedInURL, forKey: .linkedInUrl)
        try container.encode(contact.linkedInSalesNavigatorURL, forKey: .linkedInSalesNavigatorUrl)
        try container.encode(contact.linkedInRecruiterURL, forKey: .linkedInRecruiterUrl)
        try container.encode(contact.industry, forKey: .industry)
        try container.encode(contact.notes, forKey: .notes)
        try container.encode(contact.ownerUserID, forKey: .ownerUserId)
        try container.encode(contact.accountID, forKey: .accountId)
        try container.encode(contact.isOptedOut, forKey: .isOptedOut)
        try container.encode(ReplyIOTimestamp.withOffset(contact.addingDate), forKey: .addingDate)
        try container.encode(ReplyIOTimestamp.zoneless(contact.createdAt), forKey: .createdAt)
        try container.encode(ReplyIOTimestamp.zoneless(contact.lastModifiedAt), forKey: .lastModifiedAt)
        try container.encode(contact.customFields, forKey: .customFields)
        let enrollments = contact.sequences.map { enrollment in
            EnrollmentAnswer(
                sequenceId: enrollment.sequenceID,
                sequenceName: sequences.first { $0.id == enrollment.sequenceID }?.name,
                status: version.spell(enrollment.status.rawValue), currentStep: enrollment.currentStep,
                addingDate: ReplyIOTimestamp.withOffset(enrollment.addingDate),
                emailAccountId: enrollment.emailAccountID, linkedInAccountId: enrollment.linkedInAccountID)
        }
        try container.encode(enrollments, forKey: .sequences)
        let memberships = contact.listIDs.compactMap { id in
            lists.first { $0.id == id }.map { ListAnswer(listId: $0.id, listName: $0.name, isShared: $0.isShared) }
        }
        try container.encode(memberships, forKey: .lists)
    }
}

/// A sequence as the "List all sequences" page shows it.
struct ReplyIOSequenceAnswer: Encodable, Sendable {
    let id: Int
    let ownerUserId: Int
    let name: String
    let status: String
    let created: String
    let isArchived: Bool
    let health: String

    init(_ sequence: ReplyIOSequence, version: ReplyIOVersion) {
        id = sequence.id
        ownerUserId = sequence.ownerUserID
        name = sequence.name
        status = version.spell(sequence.status.rawValue)
        created = ReplyIOTimestamp.withOffset(sequence.created)
        isArchived = sequence.isArchived
        health = version.spell(sequence.health.rawValue)
    }
}

/// `GET /{v}/sequences`: one page and whether more follow.
struct ReplyIOSequencePage: Encodable, Sendable {
    let items: [ReplyIOSequenceAnswer]
    let hasMore: Bool
}

/// `POST /{v}/contacts/filter`: one page, whether more follow, and how many match in all.
struct ReplyIOContactPage: Encodable, Sendable {
    let items: [ReplyIOContactAnswer]
    let hasMore: Bool
    let totalCount: Int
}
