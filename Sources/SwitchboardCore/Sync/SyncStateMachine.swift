/// The sync engine's decisions, with no I/O: which batch to send next, whether a failure
/// is retried and after how long, when a batch is given up, when the entry is finished.
/// The engine feeds it events and performs the actions it returns.
public struct SyncStateMachine: Sendable {
    /// Contacts sent in one request, by their positions in the journal entry. A campaign
    /// action is one batch with no positions.
    public struct Batch: Sendable, Hashable {
        public var number: Int
        /// The positions as runs of consecutive ones, in order (a batch of an import is one
        /// run), so the batches of a million-contact entry take kilobytes, not megabytes.
        public private(set) var runs: [Range<Int>]

        public init(number: Int, positions: [Int]) {
            self.number = number
            runs = []
            for position in positions { Self.add(position..<position + 1, to: &runs) }
        }

        public init(number: Int, runs: [Range<Int>]) {
            self.number = number
            self.runs = []
            for run in runs where !run.isEmpty { Self.add(run, to: &self.runs) }
        }

        /// The positions, one by one.
        public var positions: [Int] { runs.flatMap { Array($0) } }
        /// How many contacts the batch holds.
        public var count: Int { runs.reduce(0) { $0 + $1.count } }

        /// Appends `run`, joining it to the last run when they touch.
        static func add(_ run: Range<Int>, to runs: inout [Range<Int>]) {
            if let last = runs.last, last.upperBound == run.lowerBound {
                runs[runs.count - 1] = last.lowerBound..<run.upperBound
            } else {
                runs.append(run)
            }
        }
    }

    public enum Event: Sendable, Equatable {
        /// Sending begins.
        case start
        /// The vendor answered the batch (each contact's outcome is recorded).
        case answered(batch: Int)
        /// The batch's request failed; `now` is seconds since 1970 (for a `Retry-After`
        /// date) and `jitter` a uniform draw from 0..<1.
        case failed(batch: Int, error: VendorError, now: Double, jitter: Double)
        /// The wait before retrying the batch is over.
        case waited(batch: Int)
    }

    public enum Action: Sendable, Equatable {
        /// Send this batch's request.
        case send(Batch)
        /// Wait before sending the batch again; it keeps its concurrency slot meanwhile.
        case wait(batch: Int, seconds: Double)
        /// Stop trying the batch: each of its contacts fails with `reason`.
        case giveUp(Batch, reason: String)
        /// Every batch is answered or given up; `reason` is the first give-up's, if any.
        case finish(reason: String?)
    }

    private let policy: RetryPolicy
    private let concurrency: Int
    private var queued: [Batch]
    private var nextQueued = 0
    /// Batches sent or waiting to be sent again, by number.
    private var active: [Int: Batch] = [:]
    private var attempts: [Int: Int] = [:]
    private var firstReason: String?
    private var finished = false

    public init(batches: [Batch], concurrency: Int, policy: RetryPolicy) {
        queued = batches
        self.concurrency = max(1, concurrency)
        self.policy = policy
    }

    /// Splits positions into batches of at most `size`, in order.
    public static func batches(positions: [Int], size: Int) -> [Batch] {
        stride(from: 0, to: positions.count, by: max(1, size)).enumerated().map { number, start in
            Batch(number: number, positions: Array(positions[start..<min(start + max(1, size), positions.count)]))
        }
    }

    /// The same for positions given as runs of consecutive ones (`Journal.unansweredRuns`).
    public static func batches(runs: [Range<Int>], size: Int) -> [Batch] {
        let size = max(1, size)
        var batches: [Batch] = []
        var current: [Range<Int>] = []
        var filled = 0
        for var run in runs {
            while !run.isEmpty {
                let taken = min(run.count, size - filled)
                current.append(run.lowerBound..<run.lowerBound + taken)
                run = run.lowerBound + taken..<run.upperBound
                filled += taken
                if filled == size {
                    batches.append(Batch(number: batches.count, runs: current))
                    current = []
                    filled = 0
                }
            }
        }
        if filled > 0 { batches.append(Batch(number: batches.count, runs: current)) }
        return batches
    }

    public mutating func handle(_ event: Event) -> [Action] {
        guard !finished else { return [] }
        switch event {
        case .start:
            return fill()
        case .answered(let number):
            guard active.removeValue(forKey: number) != nil else { return [] }
            return fill()
        case .failed(let number, let error, let now, let jitter):
            guard let batch = active[number] else { return [] }
            let attempt = attempts[number, default: 1]
            guard RetryPolicy.isRetryable(error) else {
                return giveUp(batch, reason: error.description)
            }
            guard attempt < policy.maxAttempts else {
                return giveUp(batch, reason: "\(error.description) (gave up after \(attempt) attempts)")
            }
            if let retryAfter = Self.retryAfter(error) {
                let delay = retryAfter.delay(now: now)
                guard delay <= policy.maxRetryAfter else {
                    return giveUp(
                        batch,
                        reason:
                            "\(error.description): the vendor asked to wait longer than \(Int(policy.maxRetryAfter))s")
                }
                return [.wait(batch: number, seconds: delay)]
            }
            return [.wait(batch: number, seconds: policy.backoff(afterAttempt: attempt, jitter: jitter))]
        case .waited(let number):
            guard let batch = active[number] else { return [] }
            attempts[number, default: 1] += 1
            return [.send(batch)]
        }
    }

    private mutating func giveUp(_ batch: Batch, reason: String) -> [Action] {
        active.removeValue(forKey: batch.number)
        if firstReason == nil { firstReason = reason }
        return [.giveUp(batch, reason: reason)] + fill()
    }

    /// Sends queued batches into free slots; finishes when nothing is left.
    private mutating func fill() -> [Action] {
        var actions: [Action] = []
        while active.count < concurrency, nextQueued < queued.count {
            let batch = queued[nextQueued]
            nextQueued += 1
            active[batch.number] = batch
            attempts[batch.number] = 1
            actions.append(.send(batch))
        }
        if active.isEmpty && nextQueued == queued.count {
            finished = true
            actions.append(.finish(reason: firstReason))
        }
        return actions
    }

    private static func retryAfter(_ error: VendorError) -> RetryAfter? {
        if case .http(_, _, let retryAfter) = error { retryAfter } else { nil }
    }
}
