extension CampaignLark {
    /// The value type of a workspace field, as `GET /fields` names it.
    enum FieldType: String, Encodable, Sendable, CaseIterable {
        case text = "TEXT"
        case number = "NUMBER"
        case bool = "BOOL"
        case date = "DATE"
        case multi = "MULTI"
    }

    /// A workspace field: contacts carry its value under its merge tag.
    struct Field: Encodable, Equatable, Sendable {
        let id: Int
        let label: String
        let mergeTag: String
        let type: FieldType
        let required: Bool

        enum CodingKeys: String, CodingKey {
            case id, label, type, required
            case mergeTag = "merge_tag"
        }
    }

    /// A workspace tag; contacts refer to it by id.
    struct Tag: Encodable, Equatable, Sendable {
        let id: Int
        let name: String
    }

    /// One entry of `GET /merge-tags`: every key a contact's `data` may hold.
    struct MergeTag: Encodable, Equatable, Sendable {
        let mergeTag: String
        let label: String

        enum CodingKeys: String, CodingKey {
            case label
            case mergeTag = "merge_tag"
        }
    }
}
