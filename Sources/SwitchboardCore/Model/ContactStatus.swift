/// A contact's status: the vendor's own word, kept as sent, plus where it falls in
/// Switchboard's vendor-neutral counts.
public struct ContactStatus: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The status as the vendor spelled it (`in_progress`, `BOUNCED`, ...).
    public var raw: String
    public var normalized: NormalizedStatus

    public init(raw: String, normalized: NormalizedStatus) {
        self.raw = raw
        self.normalized = normalized
    }

    public var description: String { raw }
}

/// The vendor-neutral buckets that status counts and sparklines are drawn from.
public enum NormalizedStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Waiting to be contacted.
    case pending
    /// Being contacted right now (locked, dialing, in a call, in a sequence step).
    case active
    /// Reached a successful end.
    case completed
    /// Ran out of attempts without success.
    case exhausted
    /// Stopped by an error, a bounce, an opt-out or a disqualification.
    case failed
    /// A value Switchboard does not know; the raw word is kept in `ContactStatus.raw`.
    case unknown
}
