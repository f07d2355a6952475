/// Anyreach's contact fields (`anyreach-contacts.md`): ordered phone numbers, external id,
/// time zone, scheduled time, `data`, and the per-contact agent overrides, which are
/// top-level columns the client lifts out of `Contact.data` (see `agentOverrideKeys`).
extension AnyreachClient: ContactFormVendor {
    public var contactFormFields: [ContactFormField] {
        [
            ContactFormField("Phones", .phones, .phones(limit: nil), hint: "dialled in this order; comma between numbers"),
            ContactFormField("External id", .externalID, hint: "your key for the contact (external_id)"),
            ContactFormField("First name", .firstName, hint: "sent in data.first_name"),
            ContactFormField("Last name", .lastName, hint: "sent in data.last_name"),
            ContactFormField("Email", .email, .email, hint: "sent in data.email"),
            ContactFormField("Timezone", .timezone, .timezone, hint: "IANA zone for call windows (Tab completes)"),
            ContactFormField("Scheduled", .scheduledAt, .isoTime, hint: "not dialled before this ISO 8601 time"),
            ContactFormField("Agent id", .data("agent_id"), hint: "overrides the campaign's agent"),
            ContactFormField(
                "Agent config", .data("agent_config"), .jsonObject,
                hint: "overrides the agent's configuration: a JSON object, e.g. {\"voice\": \"alloy\"}"),
            ContactFormField("Agent number", .data("agent_number"), hint: "overrides the caller number"),
            ContactFormField("Agent version", .data("agent_version"), hint: "pins an agent version"),
            ContactFormField("Initial ctx", .data("initial_context"), hint: "overrides the opening context"),
            ContactFormField(
                "Data", .otherData(hidden: []), .keyValues,
                hint: "key=value; key=value (passed to the agent as custom_metadata)"),
        ]
    }

    public func requestPreview(_ request: UpsertRequest) -> [RequestPreview] {
        let path = "/campaign/campaigns/\(request.campaignID)/contacts"
        switch request.action {
        case .upsert, .updateOnly:
            let body = AnyreachUpsertBody(contacts: request.contacts.map(AnyreachContactInput.init(neutral:)))
            return [RequestPreview(method: "POST", path: path, body: Self.indented(body.jsonBytes))]
        case .remove:
            return request.contacts.map { contact in
                RequestPreview(
                    method: "DELETE", path: path + "/\(contact.vendorID ?? contact.externalID ?? "?")", body: "")
            }
        }
    }
}
