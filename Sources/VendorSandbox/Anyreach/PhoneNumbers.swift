/// Normalizes phone numbers to E.164 the way Anyreach documents it.
enum PhoneNumbers {
    /// The E.164 form of `raw`, or nil when it cannot be one.
    ///
    /// Spaces, dashes, dots and parentheses are dropped; `+digits` and `00digits` are
    /// international; anything else is national and gets `countryCode` (nil: already E.164
    /// required, as for the `default` campaign).
    static func normalize(_ raw: String, countryCode: String?) -> String? {
        let separators: Set<Character> = [" ", "-", ".", "(", ")", "\t"]
        let compact = String(raw.filter { !separators.contains($0) })
        if compact.hasPrefix("+") {
            return international(digits: compact.dropFirst())
        }
        guard let countryCode else { return nil }
        if compact.hasPrefix("00") {
            return international(digits: compact.dropFirst(2))
        }
        guard isDigits(compact) else { return nil }
        let code = String(countryCode.drop(while: { $0 == "+" }))
        if code == "1" {
            if compact.count == 10 { return international(digits: Substring("1" + compact)) }
            if compact.count == 11, compact.hasPrefix("1") { return international(digits: Substring(compact)) }
            return nil
        }
        // Most other plans write a trunk 0 before the national number (UK 07700 900123).
        let national = compact.hasPrefix("0") ? String(compact.dropFirst()) : compact
        guard (6...12).contains(national.count) else { return nil }
        return international(digits: Substring(code + national))
    }

    private static func international(digits: Substring) -> String? {
        guard isDigits(digits), (8...15).contains(digits.count), digits.first != "0" else { return nil }
        return "+" + digits
    }

    private static func isDigits(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
