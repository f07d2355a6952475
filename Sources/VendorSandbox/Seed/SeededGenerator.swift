/// SplitMix64: a small, fast generator whose whole state is one number, so the same seed
/// always gives the same demo data, ids, dialer outcomes and injected faults.
struct SeededGenerator: RandomNumberGenerator, Sendable, Equatable {
    private var state: UInt64

    init(seed: UInt64) {
        self.state = seed
    }

    /// A generator for one purpose (ids, dialer, faults) that does not disturb the others.
    init(seed: UInt64, stream: UInt64) {
        var mixer = SeededGenerator(seed: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15))
        self.state = mixer.next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A lowercase version 4 UUID drawn from this generator: the bytes of two draws, each
    /// least significant byte first, with the version and variant bits set.
    mutating func uuid() -> String {
        let words = (next(), next())
        let hexDigits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: 36) { out in
            let hex = hexDigits.utf8Start
            var position = 0
            for index in 0..<16 {
                if index == 4 || index == 6 || index == 8 || index == 10 {
                    out[position] = UInt8(ascii: "-")
                    position += 1
                }
                let word = index < 8 ? words.0 : words.1
                var byte = UInt8(truncatingIfNeeded: word >> (8 * UInt64(index % 8)))
                if index == 6 { byte = (byte & 0x0F) | 0x40 }
                if index == 8 { byte = (byte & 0x3F) | 0x80 }
                out[position] = hex[Int(byte >> 4)]
                out[position + 1] = hex[Int(byte & 0x0F)]
                position += 2
            }
            return position
        }
    }

    /// True with the given probability.
    mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < probability
    }
}
