import Foundation

/// The checks every imported row passes before it becomes a `Contact` for one vendor:
/// email syntax, phone numbers in E.164 with the account's default country code, a status
/// the vendor takes, an IANA time zone, an ISO 8601 `scheduled_at`, tags the vendor can
/// use, and what the vendor needs to identify a contact.
struct ImportValidation: Sendable {
    var vendor: Vendor
    /// The account's `default_country_code`, for national phone numbers.
    var defaultCountryCode: String?
    private var zones: [String: Bool] = [:]

    init(vendor: Vendor, defaultCountryCode: String?) {
        self.vendor = vendor
        self.defaultCountryCode = defaultCountryCode
    }

    /// The contact the draft describes, or nil with every problem of the row appended to `problems`.
    mutating func contact(from draft: ContactDraft, file: String, problems: inout [ImportProblem]) -> Contact? {
        let before = problems.count
        problems += draft.problems
        func fail(_ value: ContactDraft.Value, _ reason: String) {
            problems.append(
                ImportProblem(file: file, line: draft.line, column: value.column, reason: reason, element: draft.element))
        }
        var contact = Contact(
            vendorID: draft.id?.text, externalID: draft.externalID?.text, firstName: draft.firstName?.text,
            lastName: draft.lastName?.text, email: draft.email?.text, data: draft.data,
            timezone: draft.timezone?.text, scheduledAt: draft.scheduledAt?.text)
        if let email = draft.email, let reason = FieldChecks.email(email.text) { fail(email, reason) }
        contact.phoneNumbers.reserveCapacity(draft.phones.count)
        for phone in draft.phones {
            do {
                let number = try PhoneNumber.e164(phone.text, defaultCountryCode: defaultCountryCode)
                if !contact.phoneNumbers.contains(number) { contact.phoneNumbers.append(number) }
            } catch {
                fail(phone, error.description)
            }
        }
        if let zone = draft.timezone, !knownZone(zone.text) {
            fail(zone, FieldChecks.timezone(zone.text) ?? "unknown time zone")
        }
        if let time = draft.scheduledAt, let reason = FieldChecks.isoTime(time.text) { fail(time, reason) }
        if let status = draft.status {
            switch vendor.importStatus(status.text) {
            case .success(let known): contact.status = known
            case .failure(let error): fail(status, error.description)
            }
        }
        if let (value, column) = draft.tags {
            switch tags(value) {
            case .success(let list): contact.data["tags"] = .array(list)
            case .failure(let reason):
                problems.append(
                    ImportProblem(
                        file: file, line: draft.line, column: column, reason: reason.text, element: draft.element))
            }
        }
        guard problems.count == before else { return nil }
        if let reason = vendor.missingRequirement(contact) {
            problems.append(
                ImportProblem(file: file, line: draft.line, column: draft.place, reason: reason, element: draft.element))
            return nil
        }
        return contact
    }

    /// Whether `name` is an IANA time zone (each name's answer kept).
    mutating func knownZone(_ name: String) -> Bool {
        if let known = zones[name] { return known }
        let known = FieldChecks.timezone(name) == nil
        zones[name] = known
        return known
    }

    private struct TagProblem: Error {
        var text: String
    }

    /// Tags as a list: text is split at commas and semicolons; whole numbers become ids.
    /// CampaignLark takes only tag ids.
    private func tags(_ value: JSONValue) -> Result<[JSONValue], TagProblem> {
        let items: [JSONValue]
        switch value {
        case .string(let text):
            items = text.split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.description.trimmingSpaces }
                .filter { !$0.isEmpty }.map { word in Int(word).map { .number(Double($0)) } ?? .string(word) }
        case .array(let list):
            items = list
        default:
            return .failure(TagProblem(text: "tags must be a list or comma-separated text, not \(value.jsonText)"))
        }
        if vendor == .campaignlark {
            for item in items {
                let isID: Bool
                switch item {
                case .number(let number): isID = number.rounded() == number
                case .object(let fields):
                    isID = fields["id"].map { if case .number = $0 { true } else { false } } ?? false
                default: isID = false
                }
                if !isID {
                    return .failure(TagProblem(text: "CampaignLark tags are numeric ids; \(item.jsonText) is not one"))
                }
            }
        }
        return .success(items)
    }
}
