import Foundation

/// `POST /{v}/contacts/filter`: `rules[{property, condition, value}]`, `listId`,
/// `sequenceId`, `sequenceStepId`, `searchTerm`, `sortBy`, `sortDirection`; every criterion
/// sent must hold. A rule's property is a contact field or else a custom field key.
struct ReplyIOContactFilter: Sendable {
    /// One rule: `{"property": "country", "condition": "equals", "value": "Germany"}`.
    struct Rule: Sendable {
        let property: String
        let condition: Condition
        let value: String
    }

    /// How a rule compares, ignoring case.
    enum Condition: String, ReplyIOWord {
        case equals = "Equals"
        case notEquals = "NotEquals"
        case contains = "Contains"
        case notContains = "NotContains"
        case startsWith = "StartsWith"
        case endsWith = "EndsWith"
        case isEmpty = "IsEmpty"
        case isNotEmpty = "IsNotEmpty"
    }

    /// What the answer can be sorted by.
    enum SortField: String, ReplyIOWord {
        case id = "Id"
        case email = "Email"
        case firstName = "FirstName"
        case lastName = "LastName"
        case company = "Company"
        case title = "Title"
        case addingDate = "AddingDate"
        case createdAt = "CreatedAt"
        case lastModifiedAt = "LastModifiedAt"
    }

    enum SortDirection: String, ReplyIOWord {
        case asc = "Asc"
        case desc = "Desc"
    }

    let rules: [Rule]
    let listID: Int?
    let sequenceID: Int?
    let sequenceStepID: Int?
    let searchTerm: String?
    let sortBy: SortField
    let sortDirection: SortDirection

    /// Reads the body; `{}` matches every contact.
    /// - Throws: the 400 problem naming every invalid field.
    init(body: [String: JSONValue]) throws {
        var reader = ReplyIOFieldReader(body)
        rules =
            reader.objects("rules") { rule -> Rule? in
                let property = rule.string("property")
                if property == nil { rule.fail("property", "Required") }
                let condition = rule.word("condition", as: Condition.self)
                if rule.body["condition"] == nil { rule.fail("condition", "Required") }
                let value = rule.string("value") ?? ""
                guard let property, let condition else { return nil }
                return Rule(property: property, condition: condition, value: value)
            } ?? []
        listID = reader.integer("listId")
        sequenceID = reader.integer("sequenceId")
        sequenceStepID = reader.integer("sequenceStepId")
        searchTerm = reader.string("searchTerm")
        sortBy = reader.word("sortBy", as: SortField.self) ?? .id
        sortDirection = reader.word("sortDirection", as: SortDirection.self) ?? .asc
        try reader.check()
    }

    /// The matching contacts in answer order.
    /// - Throws: 404 `sequence.notFound` or `list.notFound` for an id the account lacks.
    func matches(in state: ReplyIOState) throws -> [ReplyIOContact] {
        if let sequenceID { _ = try state.sequence(sequenceID) }
        if let listID { _ = try state.list(listID) }
        let found = state.contacts.filter { contact in
            if let listID, !contact.listIDs.contains(listID) { return false }
            if let sequenceID, !contact.sequences.contains(where: { $0.sequenceID == sequenceID }) { return false }
            if let sequenceStepID,
                !contact.sequences.contains(where: {
                    ReplyIOSequence.stepID(sequence: $0.sequenceID, step: $0.currentStep) == sequenceStepID
                })
            {
                return false
            }
            if let searchTerm, !Self.search(searchTerm, in: contact) { return false }
            return rules.allSatisfy { $0.holds(for: contact) }
        }
        let ascending = found.sorted { left, right in
            let (first, second) = (sortKey(left), sortKey(right))
            return first == second ? left.id < right.id : first < second
        }
        return sortDirection == .asc ? ascending : ascending.reversed()
    }

    private func sortKey(_ contact: ReplyIOContact) -> String {
        switch sortBy {
        case .id: String(repeating: "0", count: max(0, 20 - String(contact.id).count)) + String(contact.id)
        case .email: (contact.email ?? "").lowercased()
        case .firstName: (contact.firstName ?? "").lowercased()
        case .lastName: (contact.lastName ?? "").lowercased()
        case .company: (contact.company ?? "").lowercased()
        case .title: (contact.title ?? "").lowercased()
        case .addingDate: Timestamp.string(contact.addingDate)
        case .createdAt: Timestamp.string(contact.createdAt)
        case .lastModifiedAt: Timestamp.string(contact.lastModifiedAt)
        }
    }

    private static func search(_ term: String, in contact: ReplyIOContact) -> Bool {
        let name = [contact.firstName, contact.lastName].compactMap { $0 }.joined(separator: " ")
        return [name, contact.email, contact.company].compactMap { $0 }.contains {
            $0.range(of: term, options: [.caseInsensitive, .diacriticInsensitive]) != nil
        }
    }
}

extension ReplyIOContactFilter.Rule {
    func holds(for contact: ReplyIOContact) -> Bool {
        let field = (Self.fieldValue(property, of: contact) ?? "").lowercased()
        let wanted = value.lowercased()
        switch condition {
        case .equals: return field == wanted
        case .notEquals: return field != wanted
        case .contains: return field.contains(wanted)
        case .notContains: return !field.contains(wanted)
        case .startsWith: return field.hasPrefix(wanted)
        case .endsWith: return field.hasSuffix(wanted)
        case .isEmpty: return field.isEmpty
        case .isNotEmpty: return !field.isEmpty
        }
    }

    /// A contact field by its wire name (any case), else the custom field with that key.
    static func fieldValue(_ property: String, of contact: ReplyIOContact) -> String? {
        switch property.lowercased() {
        case "email": contact.email
        case "firstname": contact.firstName
        case "lastname": contact.lastName
        case "title": contact.title
        case "company": contact.company
        case "domain": contact.domain
        case "companysize": contact.companySize.rawValue
        case "industry": contact.industry
        case "city": contact.city
        case "state": contact.state
        case "country": contact.country
        case "timezoneid": contact.timeZoneID
        case "phone": contact.phone
        case "phone2": contact.phone2
        case "linkedinurl": contact.linkedInURL
        case "notes": contact.notes
        default: contact.customFields.first { $0.key.lowercased() == property.lowercased() }?.value
        }
    }
}
