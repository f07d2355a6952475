/// An id CampaignLark may send as a string (`"64f1a2b3..."`) or a number; kept as text.
enum CampaignLarkFlexibleID {
    static func decode<Key: CodingKey>(_ container: KeyedDecodingContainer<Key>, _ key: Key) throws -> String? {
        guard container.contains(key), try !container.decodeNil(forKey: key) else { return nil }
        if let text = try? container.decode(String.self, forKey: key) { return text }
        if let number = try? container.decode(Int.self, forKey: key) { return String(number) }
        return try container.decode(JSONValue.self, forKey: key).description
    }
}
