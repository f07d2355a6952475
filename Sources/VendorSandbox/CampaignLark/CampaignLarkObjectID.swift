extension SeededGenerator {
    /// A 24-digit lowercase hex id like the documented `64f1a2b3c4d5e6f7a8b9c0d1`.
    mutating func objectID() -> String {
        let high = String(next() >> 32, radix: 16)
        let low = String(next(), radix: 16)
        return String(repeating: "0", count: 8 - high.count) + high + String(repeating: "0", count: 16 - low.count)
            + low
    }
}
