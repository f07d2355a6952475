extension CampaignLark {
    /// One CampaignLark workspace: what its API keys reach and what its rate limit counts.
    struct Workspace: Sendable {
        let id: String
        let name: String
        /// The bearer keys that act for this workspace; a key belongs to one workspace only.
        let apiKeys: [String]
        let fields: [Field]
        let tags: [Tag]
        var contacts: [Contact]
        let campaigns: [Campaign]
        /// The automations the upsert document describes, in the order they fired.
        var automations: [AutomationEvent]

        /// Every key a contact's `data` may hold: `email_address`, then each field's merge tag.
        var mergeTags: [MergeTag] {
            [MergeTag(mergeTag: "email_address", label: "Email address")]
                + fields.map { MergeTag(mergeTag: $0.mergeTag, label: $0.label) }
        }

        /// The index of the contact with this email address, in any case.
        func contactIndex(email: String) -> Int? {
            let key = Contact.matchKey(email)
            return contacts.firstIndex { Contact.matchKey($0.emailAddress) == key }
        }
    }

    /// An automation trigger the upsert fired (see "Automation Behaviour" in the document),
    /// kept for `GET /_sandbox/state`.
    struct AutomationEvent: Encodable, Equatable, Sendable {
        enum Kind: String, Encodable, Sendable {
            case contactSubscribedPending = "CONTACT_SUBSCRIBED_PENDING"
            case tagAdded = "TAG_ADDED"
            case tagRemoved = "TAG_REMOVED"
            case fieldUpdated = "FIELD_UPDATED"
        }

        let kind: Kind
        let contactID: String
        let tagID: Int?
        let mergeTag: String?
        let at: String

        enum CodingKeys: String, CodingKey {
            case kind = "type"
            case contactID = "contact_id"
            case tagID = "tag_id"
            case mergeTag = "merge_tag"
            case at
        }
    }
}
