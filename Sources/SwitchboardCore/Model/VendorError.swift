import Foundation

/// A failure talking to a vendor, typed so callers can decide what to retry and what
/// to show. It never carries a credential: messages come from the vendor's answer
/// body or from the transport, and request headers are never copied into it.
public enum VendorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The vendor answered with an error status.
    /// `message` is the vendor's own words (e.g. Anyreach's `detail`), shown to the operator as is.
    case http(status: Int, message: String, retryAfter: RetryAfter?)
    /// The request never got an answer: connection refused or reset, DNS, TLS.
    case connection(String)
    /// No answer within the timeout.
    case timeout
    /// The vendor answered 2xx with a body Switchboard could not read.
    case decoding(String)
    /// The request was refused before sending (bad argument, over a documented limit).
    case invalidRequest(String)
    /// The vendor cannot do this (see `VendorCapabilities`).
    case unsupported(String)

    public var description: String {
        switch self {
        case .http(let status, let message, let retryAfter):
            let wait = retryAfter.map { " (retry after \($0))" } ?? ""
            return "HTTP \(status): \(message)\(wait)"
        case .connection(let message): return "connection failed: \(message)"
        case .timeout: return "the vendor did not answer in time"
        case .decoding(let message): return "unreadable answer: \(message)"
        case .invalidRequest(let message): return "invalid request: \(message)"
        case .unsupported(let message): return "not supported: \(message)"
        }
    }

    /// The HTTP status, when the vendor answered.
    public var status: Int? {
        if case .http(let status, _, _) = self { status } else { nil }
    }

    /// The vendor's message (or the transport's) for the operator.
    public var message: String {
        if case .http(_, let message, _) = self { message } else { description }
    }
}

/// A `Retry-After` header: seconds to wait, or a date to wait until.
public enum RetryAfter: Sendable, Equatable, CustomStringConvertible {
    case seconds(Double)
    case date(Double)  // seconds since 1970

    /// Parses the header's two documented forms (RFC 9110: delay-seconds or HTTP-date).
    public init?(header: String) {
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(trimmed), seconds >= 0 {
            self = .seconds(seconds)
        } else if let date = HTTPDate.parse(trimmed) {
            self = .date(date)
        } else {
            return nil
        }
    }

    /// Seconds to wait from `now` (seconds since 1970), never negative.
    public func delay(now: Double) -> Double {
        switch self {
        case .seconds(let seconds): max(0, seconds)
        case .date(let date): max(0, date - now)
        }
    }

    public var description: String {
        switch self {
        case .seconds(let seconds): "\(seconds.formatted())s"
        case .date(let date): HTTPDate.format(date)
        }
    }
}

extension Double {
    fileprivate func formatted() -> String {
        rounded() == self ? String(Int64(self)) : String(self)
    }
}
