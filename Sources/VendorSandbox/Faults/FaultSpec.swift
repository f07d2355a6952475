/// Which failures the sandbox injects into vendor routes, as written on the command line:
/// `"500:0.2,429:0.1,reset:0.05,latency:20ms"`.
///
/// `CODE:p` answers that 4xx/5xx status with probability `p`; `reset:p` drops the
/// connection without an answer; `latency:D` (`20ms`, `1.5s`) delays every request.
public struct FaultSpec: Sendable, Equatable, CustomStringConvertible {
    /// A status answered instead of the real one, with its probability.
    public struct InjectedStatus: Sendable, Equatable {
        /// The HTTP status code, 400 to 599.
        public var code: Int
        /// Chance per request, 0 to 1.
        public var probability: Double

        /// A status injected with the given probability.
        public init(code: Int, probability: Double) {
            self.code = code
            self.probability = probability
        }
    }

    /// Injected statuses, in the order they were written.
    public var statuses: [InjectedStatus]
    /// Chance per request that the connection is dropped without an answer.
    public var resetProbability: Double
    /// Delay added before every vendor request is handled.
    public var latency: Duration

    /// No faults: every request is answered as the vendor would.
    public static let none = FaultSpec(statuses: [], resetProbability: 0, latency: .zero)

    /// A spec from its parts.
    public init(statuses: [InjectedStatus], resetProbability: Double, latency: Duration) {
        self.statuses = statuses
        self.resetProbability = resetProbability
        self.latency = latency
    }

    /// Parses `"500:0.2,429:0.1,reset:0.05,latency:20ms"`; an empty string is `.none`.
    /// - Throws: ``FaultSpecError`` naming the item that cannot be read.
    public init(parsing text: String) throws {
        self = .none
        for rawItem in text.split(separator: ",") {
            let item = rawItem.trimmingCharacters(in: .whitespaces)
            guard !item.isEmpty else { continue }
            let parts = item.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw FaultSpecError(item: item, reason: "expected NAME:VALUE") }
            let (name, value) = (parts[0].lowercased(), parts[1])
            switch name {
            case "latency":
                guard let duration = Self.duration(value) else {
                    throw FaultSpecError(item: item, reason: "latency must look like 20ms or 1.5s")
                }
                latency = duration
            case "reset":
                resetProbability = try Self.probability(value, item: item)
            default:
                guard let code = Int(name), (400...599).contains(code) else {
                    throw FaultSpecError(item: item, reason: "expected a 4xx/5xx status, reset or latency")
                }
                statuses.append(InjectedStatus(code: code, probability: try Self.probability(value, item: item)))
            }
        }
        let total = resetProbability + statuses.reduce(0) { $0 + $1.probability }
        guard total <= 1 + 1e-9 else {
            throw FaultSpecError(item: text, reason: "probabilities add up to \(total), more than 1")
        }
    }

    /// True when nothing is injected.
    public var isNone: Bool { self == .none }

    /// The spec written back in the form it is parsed from.
    public var description: String {
        var items = statuses.map { "\($0.code):\($0.probability)" }
        if resetProbability > 0 { items.append("reset:\(resetProbability)") }
        if latency > .zero {
            let (seconds, attoseconds) = latency.components
            items.append("latency:\(seconds * 1000 + attoseconds / 1_000_000_000_000_000)ms")
        }
        return items.isEmpty ? "none" : items.joined(separator: ",")
    }

    /// What to inject for a roll drawn uniformly from 0..<1: reset first, then the
    /// statuses in order, each taking its share of the range.
    func fault(forRoll roll: Double) -> InjectedFault? {
        var threshold = resetProbability
        if roll < threshold { return .reset }
        for status in statuses {
            threshold += status.probability
            if roll < threshold { return .status(status.code) }
        }
        return nil
    }

    private static func probability(_ text: String, item: String) throws -> Double {
        guard let value = Double(text), (0...1).contains(value) else {
            throw FaultSpecError(item: item, reason: "probability must be a number from 0 to 1")
        }
        return value
    }

    private static func duration(_ text: String) -> Duration? {
        let lowered = text.lowercased()
        if lowered.hasSuffix("ms"), let value = Double(lowered.dropLast(2)), value >= 0 {
            return .microseconds(Int64(value * 1000))
        }
        if lowered.hasSuffix("s"), let value = Double(lowered.dropLast()), value >= 0 {
            return .microseconds(Int64(value * 1_000_000))
        }
        return nil
    }
}

/// A fault spec item that cannot be read.
public struct FaultSpecError: Error, Equatable, CustomStringConvertible {
    /// The item as written, e.g. `"700:0.1"`.
    public let item: String
    /// What is wrong with it.
    public let reason: String

    /// `Invalid fault "700:0.1": expected a 4xx/5xx status, reset or latency`.
    public var description: String { "Invalid fault \"\(item)\": \(reason)" }
}

/// One injected failure.
enum InjectedFault: Equatable, Sendable {
    case status(Int)
    case reset
}
