/// A user-defined field of a contact: `{"key": "leadSource", "value": "Conference"}`.
public struct ReplyIOCustomField: Codable, Sendable, Hashable {
    public var key: String
    public var value: JSONValue

    public init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }

    enum CodingKeys: String, CodingKey {
        case key, value
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try container.decode(String.self, forKey: .key)
        value = try container.decodeIfPresent(JSONValue.self, forKey: .value) ?? .null
    }
}

/// The body of `POST /v4/contacts`, every documented field; unset fields are not sent.
/// Reply.io wants at least `email` or a LinkedIn URL.
public struct ReplyIOContactInput: Codable, Sendable, Hashable {
    public var email: String?
    public var firstName: String?
    public var lastName: String?
    public var phone: String?
    public var phone2: String?
    public var title: String?
    public var company: String?
    public var companySize: ReplyIOCompanySize?
    public var industry: String?
    public var city: String?
    public var state: String?
    public var country: String?
    public var timeZoneId: String?
    public var linkedInUrl: String?
    public var linkedInSalesNavigatorUrl: String?
    public var linkedInRecruiterUrl: String?
    public var notes: String?
    /// The contact account (company record) to link the contact to.
    public var accountId: Int?
    public var customFields: [ReplyIOCustomField]?

    public init(
        email: String? = nil, firstName: String? = nil, lastName: String? = nil, phone: String? = nil,
        phone2: String? = nil, title: String? = nil, company: String? = nil, companySize: ReplyIOCompanySize? = nil,
        industry: String? = nil, city: String? = nil, state: String? = nil, country: String? = nil,
        timeZoneId: String? = nil, linkedInUrl: String? = nil, linkedInSalesNavigatorUrl: String? = nil,
        linkedInRecruiterUrl: String? = nil, notes: String? = nil, accountId: Int? = nil,
        customFields: [ReplyIOCustomField]? = nil
    ) {
        self.email = email
        self.firstName = firstName
        self.lastName = lastName
        self.phone = phone
        self.phone2 = phone2
        self.title = title
        self.company = company
        self.companySize = companySize
        self.industry = industry
        self.city = city
        self.state = state
        self.country = country
        self.timeZoneId = timeZoneId
        self.linkedInUrl = linkedInUrl
        self.linkedInSalesNavigatorUrl = linkedInSalesNavigatorUrl
        self.linkedInRecruiterUrl = linkedInRecruiterUrl
        self.notes = notes
        self.accountId = accountId
        self.customFields = customFields
    }

    enum CodingKeys: String, CodingKey {
        case email, firstName, lastName, phone, phone2, title, company, companySize, industry, city, state, country,
            timeZoneId, linkedInUrl, linkedInSalesNavigatorUrl, linkedInRecruiterUrl, notes, accountId, customFields
    }

    /// True when the contact has an email or a LinkedIn URL, the minimum Reply.io takes.
    public var isIdentifiable: Bool {
        [email, linkedInUrl, linkedInSalesNavigatorUrl, linkedInRecruiterUrl].contains { !($0 ?? "").isEmpty }
    }
}

/// A contact as Reply.io returns it, with its sequences and lists.
public struct ReplyIOContact: Codable, Sendable, Hashable {
    /// One sequence the contact is enrolled in.
    public struct Sequence: Codable, Sendable, Hashable {
        public var sequenceId: Int
        public var sequenceName: String?
        public var status: ReplyIOContactSequenceStatus?
        public var currentStep: Int?
        public var addingDate: String?
        public var emailAccountId: Int?
        public var linkedInAccountId: Int?

        enum CodingKeys: String, CodingKey {
            case sequenceId, sequenceName, status, currentStep, addingDate, emailAccountId, linkedInAccountId
        }
    }

    /// One list the contact belongs to.
    public struct List: Codable, Sendable, Hashable {
        public var listId: Int
        public var listName: String?
        public var isShared: Bool?

        enum CodingKeys: String, CodingKey {
            case listId, listName, isShared
        }
    }

    public var id: Int
    public var email: String?
    /// Derived by the vendor from the email.
    public var domain: String?
    public var firstName: String?
    public var lastName: String?
    public var phone: String?
    public var phone2: String?
    public var title: String?
    public var company: String?
    public var companySize: ReplyIOCompanySize?
    public var industry: String?
    public var city: String?
    public var state: String?
    public var country: String?
    public var timeZoneId: String?
    public var linkedInUrl: String?
    public var linkedInSalesNavigatorUrl: String?
    public var linkedInRecruiterUrl: String?
    public var phoneStatus: ReplyIOPhoneStatus?
    public var notes: String?
    public var ownerUserId: Int?
    public var accountId: Int?
    public var isOptedOut: Bool?
    public var addingDate: String?
    public var createdAt: String?
    public var lastModifiedAt: String?
    public var customFields: [ReplyIOCustomField]
    public var sequences: [Sequence]
    public var lists: [List]

    enum CodingKeys: String, CodingKey {
        case id, email, domain, firstName, lastName, phone, phone2, title, company, companySize, industry, city, state,
            country, timeZoneId, linkedInUrl, linkedInSalesNavigatorUrl, linkedInRecruiterUrl, phoneStatus, notes,
            ownerUserId, accountId, isOptedOut, addingDate, createdAt, lastModifiedAt, customFields, sequences, lists
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Int.self, forKey: .id)
        email = try c.decodeIfPresent(String.self, forKey: .email)
        domain = try c.decodeIfPresent(String.self, forKey: .domain)
        firstName = try c.decodeIfPresent(String.self, forKey: .firstName)
        lastName = try c.decodeIfPresent(String.self, forKey: .lastName)
        phone = try c.decodeIfPresent(String.self, forKey: .phone)
        phone2 = try c.decodeIfPresent(String.self, forKey: .phone2)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        company = try c.decodeIfPresent(String.self, forKey: .company)
        companySize = try c.decodeIfPresent(ReplyIOCompanySize.self, forKey: .companySize)
        industry = try c.decodeIfPresent(String.self, forKey: .industry)
        city = try c.decodeIfPresent(String.self, forKey: .city)
        state = try c.decodeIfPresent(String.self, forKey: .state)
        country = try c.decodeIfPresent(String.self, forKey: .country)
        timeZoneId = try c.decodeIfPresent(String.self, forKey: .timeZoneId)
        linkedInUrl = try c.decodeIfPresent(String.self, forKey: .linkedInUrl)
        linkedInSalesNavigatorUrl = try c.decodeIfPresent(String.self, forKey: .linkedInSalesNavigatorUrl)
        linkedInRecruiterUrl = try c.decodeIfPresent(String.self, forKey: .linkedInRecruiterUrl)
        phoneStatus = try c.decodeIfPresent(ReplyIOPhoneStatus.self, forKey: .phoneStatus)
        notes = try c.decodeIfPresent(String.self, forKey: .notes)
        ownerUserId = try c.decodeIfPresent(Int.self, forKey: .ownerUserId)
        accountId = try c.decodeIfPresent(Int.self, forKey: .accountId)
        isOptedOut = try c.decodeIfPresent(Bool.self, forKey: .isOptedOut)
        addingDate = try c.decodeIfPresent(String.self, forKey: .addingDate)
        createdAt = try c.decodeIfPresent(String.self, forKey: .createdAt)
        lastModifiedAt = try c.decodeIfPresent(String.self, forKey: .lastModifiedAt)
        customFields = try c.decodeIfPresent([ReplyIOCustomField].self, forKey: .customFields) ?? []
        sequences = try c.decodeIfPresent([Sequence].self, forKey: .sequences) ?? []
        lists = try c.decodeIfPresent([List].self, forKey: .lists) ?? []
    }
}

/// A sequence (Reply.io's campaign) as the sequences list returns it.
public struct ReplyIOSequence: Codable, Sendable, Hashable {
    public var id: Int
    public var ownerUserId: Int?
    public var name: String
    public var status: ReplyIOSequenceStatus
    /// When the sequence was created.
    public var created: String?
    public var isArchived: Bool?
    /// `healthy`, `stalled`, `degraded`, `blocked`, as the vendor says.
    public var health: String?

    enum CodingKeys: String, CodingKey {
        case id, ownerUserId, name, status, created, isArchived, health
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Int.self, forKey: .id)
        ownerUserId = try c.decodeIfPresent(Int.self, forKey: .ownerUserId)
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        status = try c.decodeIfPresent(ReplyIOSequenceStatus.self, forKey: .status) ?? .unknown("")
        created = try c.decodeIfPresent(String.self, forKey: .created)
        isArchived = try c.decodeIfPresent(Bool.self, forKey: .isArchived)
        health = try c.decodeIfPresent(String.self, forKey: .health)
    }
}

/// One page of a Reply.io list: `{items, hasMore}`, plus `totalCount` on the contacts filter.
public struct ReplyIOPage<Item: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
    public var items: [Item]
    public var hasMore: Bool
    public var totalCount: Int?

    public init(items: [Item], hasMore: Bool, totalCount: Int? = nil) {
        self.items = items
        self.hasMore = hasMore
        self.totalCount = totalCount
    }

    enum CodingKeys: String, CodingKey {
        case items, hasMore, totalCount
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        items = try c.decodeIfPresent([Item].self, forKey: .items) ?? []
        hasMore = try c.decodeIfPresent(Bool.self, forKey: .hasMore) ?? false
        totalCount = try c.decodeIfPresent(Int.self, forKey: .totalCount)
    }
}

/// The body of the contacts filter (`POST /v4/contacts/filter`); unset criteria are not sent.
public struct ReplyIOContactFilter: Codable, Sendable, Hashable {
    /// One property condition, in the vendor's words.
    public struct Rule: Codable, Sendable, Hashable {
        public var property: String
        public var condition: String
        public var value: String

        public init(property: String, condition: String, value: String) {
            self.property = property
            self.condition = condition
            self.value = value
        }

        enum CodingKeys: String, CodingKey {
            case property, condition, value
        }
    }

    public var rules: [Rule]?
    public var listId: Int?
    public var sequenceId: Int?
    public var sequenceStepId: Int?
    public var searchTerm: String?
    public var sortBy: String?
    public var sortDirection: String?

    public init(
        rules: [Rule]? = nil, listId: Int? = nil, sequenceId: Int? = nil, sequenceStepId: Int? = nil,
        searchTerm: String? = nil, sortBy: String? = nil, sortDirection: String? = nil
    ) {
        self.rules = rules
        self.listId = listId
        self.sequenceId = sequenceId
        self.sequenceStepId = sequenceStepId
        self.searchTerm = searchTerm
        self.sortBy = sortBy
        self.sortDirection = sortDirection
    }

    enum CodingKeys: String, CodingKey {
        case rules, listId, sequenceId, sequenceStepId, searchTerm, sortBy, sortDirection
    }
}
