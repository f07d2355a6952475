/// Tab completion of a field from a list of words (time zones, statuses, choices): the
/// contact form's and the configuration form's, one implementation.
enum PrefixCompletion {
    /// `typed` completed to the longest start the words beginning with it share (letter
    /// case aside), and those words when more than one matches (at most 50, to show);
    /// the text is nil when no word begins with it.
    static func complete(_ typed: String, from candidates: [String]) -> (text: String?, matches: [String]) {
        let matches = candidates.filter { $0.lowercased().hasPrefix(typed.lowercased()) }
        guard let first = matches.first else { return (nil, []) }
        var common = first
        for match in matches.dropFirst() {
            common = String(common.prefix(zip(common.lowercased(), match.lowercased()).prefix { $0 == $1 }.count))
        }
        return (common.count >= typed.count ? common : typed, matches.count > 1 ? Array(matches.prefix(50)) : [])
    }
}
