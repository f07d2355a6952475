import Foundation

/// Reply.io's two timestamp spellings: with an offset (`addingDate`, a sequence's `created`)
/// and without a zone (`createdAt`, `lastModifiedAt`), both in UTC, as the documents show them.
enum ReplyIOTimestamp {
    /// `2024-03-08T10:00:00+00:00`.
    static func withOffset(_ date: Date) -> String {
        zoneless(date) + "+00:00"
    }

    /// `2024-03-08T10:00:00`.
    static func zoneless(_ date: Date) -> String {
        String(Timestamp.string(date).dropLast())
    }
}
