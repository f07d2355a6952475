/// CampaignLark's contact fields (`campaignlark-contacts-upsert.md`): the email is the
/// key; other values go by merge tag; tags by id; partial or full update.
extension CampaignLarkClient: ContactFormVendor {
    public var contactFormFields: [ContactFormField] {
        let statuses = ["SUBSCRIBED", "UNSUBSCRIBED", "UNCONFIRMED", "CLEANED", "COMPLAINED"].map { word in
            ContactStatus(raw: word, normalized: CampaignLarkContactStatus(rawValue: word).normalized)
        }
        return [
            ContactFormField("Email", .email, .email, hint: "required: CampaignLark's key for the contact"),
            ContactFormField("First name", .firstName, hint: "merge tag first_name"),
            ContactFormField("Last name", .lastName, hint: "merge tag last_name"),
            ContactFormField("Phone", .phones, .phones(limit: 1), hint: "merge tag phone"),
            ContactFormField("Status", .status, .status(statuses), hint: "empty leaves it as it is"),
            ContactFormField(
                "Tags", .data("tags"), .tags, hint: "tags from the workspace's tag list, by name or id; Tab completes"),
            ContactFormField(
                "Fields", .otherData(hidden: []), .mergeTagValues,
                hint: "MERGE_TAG=value; ... for merge tags without a row of their own"),
            ContactFormField("Update", .partialUpdate, .partialOrFull, hint: "partial changes only the fields sent"),
        ]
    }

    /// The merge tags the form's own fields send (see `CampaignLarkUpsertInput(neutral:)`),
    /// with those fields' labels.
    static let formMergeTags = [
        "email_address": "Email", "first_name": "First name", "last_name": "Last name", "phone": "Phone",
    ]

    /// `GET /tags` and `GET /fields`, side by side.
    public func contactFormLists() async throws -> ContactFormLists? {
        async let tagList = tags()
        async let fieldList = fields()
        let (tags, fields) = try await (tagList, fieldList)
        return ContactFormLists(
            tags: tags.map { ContactFormLists.Tag(id: $0.id, name: $0.name ?? String($0.id)) },
            fields: fields.filter { !$0.mergeTag.isEmpty }.map { field in
                ContactFormLists.Field(
                    key: field.mergeTag, label: field.label ?? field.mergeTag, kind: Self.formKind(field.type),
                    required: field.required, formField: Self.formMergeTags[field.mergeTag])
            })
    }

    /// The form's kind of value for a field type (TEXT, NUMBER, BOOL, DATE, MULTI).
    static func formKind(_ type: CampaignLarkFieldType?) -> ContactFormField.Kind {
        switch type {
        case .number?: .number
        case .bool?: .boolean
        case .date?: .date
        case .multi?: .list
        case .text?, .unknown?, nil: .text
        }
    }

    public func requestPreview(_ request: UpsertRequest) -> [RequestPreview] {
        request.contacts.map { contact in
            let body = CampaignLarkUpsertInput(neutral: contact, partial: request.partial).map { Self.indented($0) }
            return RequestPreview(
                method: "POST", path: "/contacts/upsert", body: body ?? "(not sent: CampaignLark needs an email)")
        }
    }
}
