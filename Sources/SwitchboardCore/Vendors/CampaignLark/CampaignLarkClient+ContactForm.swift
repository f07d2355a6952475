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
            ContactFormField("Tags", .data("tags"), .ids, hint: "tag ids from the workspace's tag list, comma-separated"),
            ContactFormField("Fields", .otherData(hidden: []), .keyValues, hint: "MERGE_TAG=value; MERGE_TAG=value"),
            ContactFormField("Update", .partialUpdate, .partialOrFull, hint: "partial changes only the fields sent"),
        ]
    }

    public func requestPreview(_ request: UpsertRequest) -> [RequestPreview] {
        request.contacts.map { contact in
            let body = CampaignLarkUpsertInput(neutral: contact, partial: request.partial).map { Self.indented($0) }
            return RequestPreview(
                method: "POST", path: "/contacts/upsert", body: body ?? "(not sent: CampaignLark needs an email)")
        }
    }
}
