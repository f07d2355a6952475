/// How Replify identifies a contact: a lowercased email address and a phone number in
/// digits only (`+1 (555) 123-4567` → `15551234567`, as the document's answers show).
enum ReplifyIdentifiers {
    /// The digits of a phone number written with `+`, spaces, dashes, dots or parentheses;
    /// nil when other characters appear or the digits are not 7 to 15.
    static func phone(_ raw: String) -> String? {
        let separators: Set<Character> = [" ", "-", ".", "(", ")", "+", "\t"]
        guard raw.allSatisfy({ separators.contains($0) || ($0.isASCII && $0.isNumber) }) else { return nil }
        let digits = raw.filter { $0.isASCII && $0.isNumber }
        return (7...15).contains(digits.count) ? digits : nil
    }

    /// The trimmed, lowercased address; nil unless it is `local@domain.tld` without spaces.
    static func email(_ raw: String) -> String? {
        let address = raw.trimmingCharacters(in: .whitespaces).lowercased()
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !address.contains(where: \.isWhitespace) else { return nil }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }) else { return nil }
        return address
    }
}
