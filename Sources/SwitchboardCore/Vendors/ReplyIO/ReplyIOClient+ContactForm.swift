/// Reply.io's create-contact fields (`replyio-v4-create-contact.md`) and custom fields.
extension ReplyIOClient: ContactFormVendor {
    public var contactFormFields: [ContactFormField] {
        [
            ContactFormField("Email", .email, .email, hint: "Reply.io needs an email or a LinkedIn URL"),
            ContactFormField("First name", .firstName),
            ContactFormField("Last name", .lastName),
            ContactFormField("Phones", .phones, .phones(limit: 2), hint: "phone, then phone2"),
            ContactFormField("Title", .data("title")),
            ContactFormField("Company", .data("company")),
            ContactFormField(
                "Company size", .data("companySize"), .choice(ReplyIOCompanySize.allCases.map(\.rawValue)),
                hint: "Tab completes"),
            ContactFormField("Industry", .data("industry")),
            ContactFormField("City", .data("city")),
            ContactFormField("State", .data("state")),
            ContactFormField("Country", .data("country")),
            ContactFormField("Timezone", .timezone, .timezone, hint: "timeZoneId (Tab completes)"),
            ContactFormField("LinkedIn", .data("linkedInUrl")),
            ContactFormField("Sales Nav", .data("linkedInSalesNavigatorUrl")),
            ContactFormField("Recruiter", .data("linkedInRecruiterUrl")),
            ContactFormField("Notes", .data("notes")),
            ContactFormField("Account id", .data("accountId"), .integer),
            ContactFormField(
                "Custom", .otherData(hidden: replyIOReadOnlyKeys), .keyValues, hint: "custom fields: key=value; key=value"),
        ]
    }

    public func requestPreview(_ request: UpsertRequest) -> [RequestPreview] {
        request.contacts.map { contact in
            RequestPreview(
                method: "POST", path: "/\(apiVersion.rawValue)/contacts",
                body: Self.indented(ReplyIOContactInput(neutral: contact)))
        }
    }
}
