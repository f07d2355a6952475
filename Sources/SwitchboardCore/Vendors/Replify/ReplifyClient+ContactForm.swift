/// Replify's contact fields (`replify-external-api.openapi.yaml`, `ReplifyContactInput`).
extension ReplifyClient: ContactFormVendor {
    public var contactFormFields: [ContactFormField] {
        let statuses = [
            ContactStatus(raw: "completed", normalized: .completed),
            ContactStatus(raw: "disqualified", normalized: .failed),
        ]
        return [
            ContactFormField("First name", .firstName),
            ContactFormField("Last name", .lastName),
            ContactFormField("Email", .email, .email, hint: "Replify matches contacts by email or phone"),
            ContactFormField("Phone", .phones, .phones(limit: 1), hint: "E.164; Replify matches by email or phone"),
            ContactFormField(
                "Status", .status, .status(statuses), hint: "completed or disqualified stops calls; empty leaves it"),
            ContactFormField("Ext id key", .data("externalIdKey"), hint: "the name of your key (externalIdKey)"),
            ContactFormField("Ext id value", .externalID, hint: "its value (externalIdValue)"),
            ContactFormField("Metadata", .otherData(hidden: []), .keyValues, hint: "key=value; key=value (contactMetadata)"),
        ]
    }

    public func requestPreview(_ request: UpsertRequest) -> [RequestPreview] {
        let action: ReplifyAction =
            switch request.action {
            case .upsert: .upsert
            case .updateOnly: .updateOnly
            case .remove: .remove
            }
        let body = ReplifyContactsRequest(
            contacts: request.contacts.map { ReplifyContactInput(neutral: $0, action: action) }, action: action)
        return [
            RequestPreview(
                method: "POST", path: "/campaigns/\(request.campaignID)/contacts", body: Self.indented(body))
        ]
    }
}
