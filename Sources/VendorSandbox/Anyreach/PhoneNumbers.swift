/// Normalizes phone numbers to E.164 the way Anyreach documents it.
enum PhoneNumbers {
    /// The E.164 form of `raw`, or nil when it cannot be one.
    ///
    /// Spaces, dashes, dots and parentheses are dropped; `+digits` and `00digits` are
    /// international; anything else is national and gets `countryCode` (nil: already E.164
    /// required, as for the `default` campaign).
    static func normalize(_ raw: String, countryCode: String?) -> String? {
        Normalizer(countryCode: countryCode).normalize(raw)
    }

    /// Normalizes numbers for one country code; works on UTF-8 bytes, as an upsert of a
    /// thousand contacts normalizes a thousand numbers or more.
    struct Normalizer {
        /// The country code without its leading `+`; nil when only E.164 is accepted.
        private let code: [UInt8]?
        private let codeIsOne: Bool

        /// The longest number that can still be valid after separators are dropped
        /// (`00` and 15 digits), with room to spare.
        private static let longest = 20

        init(countryCode: String?) {
            let code = countryCode.map { Array($0.utf8.drop(while: { $0 == UInt8(ascii: "+") })) }
            self.code = code
            codeIsOne = code == [UInt8(ascii: "1")]
        }

        /// The E.164 form of `raw`, or nil when it cannot be one.
        func normalize(_ raw: String) -> String? {
            var raw = raw
            return raw.withUTF8 { utf8 in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.longest) { compact in
                    normalize(utf8, compact: compact)
                }
            }
        }

        private func normalize(_ raw: UnsafeBufferPointer<UInt8>, compact: UnsafeMutableBufferPointer<UInt8>)
            -> String?
        {
            // What is left after the separators: an optional leading `+`, then digits only;
            // anything else (letters, a second `+`, any non-ASCII) cannot be a number.
            var count = 0
            var plus = false
            for byte in raw {
                switch byte {
                case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "("), UInt8(ascii: ")"),
                    UInt8(ascii: "\t"):
                    continue
                case UInt8(ascii: "+") where count == 0 && !plus:
                    plus = true
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    guard count < Self.longest else { return nil }
                    compact[count] = byte
                    count += 1
                default:
                    return nil
                }
            }
            let digits = UnsafeBufferPointer(rebasing: compact[0..<count])
            if plus { return international(digits[...]) }
            guard let code else { return nil }
            if count >= 2, digits[0] == UInt8(ascii: "0"), digits[1] == UInt8(ascii: "0") {
                return international(digits[2...])
            }
            guard count > 0 else { return nil }
            if codeIsOne {
                if count == 10 { return international(digits[...], after: code[...]) }
                if count == 11, digits[0] == UInt8(ascii: "1") { return international(digits[...]) }
                return nil
            }
            // Most other plans write a trunk 0 before the national number (UK 07700 900123).
            let national = digits[0] == UInt8(ascii: "0") ? digits[1...] : digits[...]
            guard (6...12).contains(national.count) else { return nil }
            return international(national, after: code[...])
        }

        /// `+`, `prefix` and `digits`, when together they are 8 to 15 digits not starting with 0.
        private func international(_ digits: Slice<UnsafeBufferPointer<UInt8>>, after prefix: ArraySlice<UInt8> = [])
            -> String?
        {
            let total = prefix.count + digits.count
            guard (8...15).contains(total), prefix.allSatisfy(Self.isDigit) else { return nil }
            guard (prefix.first ?? digits.first) != UInt8(ascii: "0") else { return nil }
            return String(unsafeUninitializedCapacity: total + 1) { out in
                out[0] = UInt8(ascii: "+")
                var position = 1
                for byte in prefix {
                    out[position] = byte
                    position += 1
                }
                for byte in digits {
                    out[position] = byte
                    position += 1
                }
                return position
            }
        }

        private static func isDigit(_ byte: UInt8) -> Bool {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        }
    }
}
