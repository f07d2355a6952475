import Foundation

/// Moments as the console shows them: ISO 8601 in UTC, the same on every machine.
enum Timestamp {
    static func text(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}
