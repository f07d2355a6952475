import Foundation
import Testing

@testable import SwitchboardCore

/// The sync engine's decisions, event by event: no I/O, no time.
@Suite struct SyncStateMachineTests {
    typealias Batch = SyncStateMachine.Batch
    let policy = RetryPolicy(maxAttempts: 4, baseDelay: 0.5, maxDelay: 8, maxRetryAfter: 60)
    let now = 1_700_000_000.0

    func machine(_ count: Int, concurrency: Int = 2) -> (SyncStateMachine, [Batch]) {
        let batches = SyncStateMachine.batches(positions: Array(0..<(count * 10)), size: 10)
        return (SyncStateMachine(batches: batches, concurrency: concurrency, policy: policy), batches)
    }

    func http(_ status: Int, retryAfter: RetryAfter? = nil) -> VendorError {
        .http(status: status, message: "status \(status)", retryAfter: retryAfter)
    }

    @Test func batchesFollowTheVendorLimit() {
        let batches = SyncStateMachine.batches(positions: Array(0..<2500), size: 1000)
        #expect(batches.map(\.positions.count) == [1000, 1000, 500])
        #expect(batches.map(\.number) == [0, 1, 2])
        #expect(batches[2].positions.first == 2000)
        #expect(SyncStateMachine.batches(positions: [], size: 1000).isEmpty)
        #expect(SyncStateMachine.batches(positions: [4, 9], size: 1).map(\.positions) == [[4], [9]])
    }

    @Test func batchesFromRunsSplitAndJoinRunsAsPositionsWould() {
        // A million-contact entry never sent: one run, a thousand batches of one run each.
        let whole = SyncStateMachine.batches(runs: [0..<1_000_000], size: 1000)
        #expect(whole.count == 1000)
        #expect(whole.allSatisfy { $0.runs.count == 1 && $0.count == 1000 })
        #expect(whole[999].runs == [999_000..<1_000_000])
        // Scattered runs (what a partly answered entry leaves) give the same batches as
        // their positions one by one.
        let runs = [3..<5, 7..<8, 10..<17, 17..<20, 40..<41]
        let positions = runs.flatMap { Array($0) }
        for size in [1, 2, 3, 5, 100] {
            let fromRuns = SyncStateMachine.batches(runs: runs, size: size)
            #expect(fromRuns == SyncStateMachine.batches(positions: positions, size: size))
            #expect(fromRuns.flatMap(\.positions) == positions)
        }
        #expect(SyncStateMachine.batches(runs: [], size: 10).isEmpty)
        #expect(SyncStateMachine.batches(runs: [5..<5], size: 10).isEmpty)
        // Touching runs are joined.
        #expect(SyncStateMachine.Batch(number: 0, runs: [10..<17, 17..<20]).runs == [10..<20])
        #expect(SyncStateMachine.Batch(number: 0, positions: [1, 2, 3, 7]).runs == [1..<4, 7..<8])
    }

    @Test func sendsUpToTheConcurrencyThenOneForEachAnswer() {
        var (machine, batches) = machine(3)
        #expect(machine.handle(.start) == [.send(batches[0]), .send(batches[1])])
        #expect(machine.handle(.answered(batch: 1)) == [.send(batches[2])])
        #expect(machine.handle(.answered(batch: 0)) == [])
        #expect(machine.handle(.answered(batch: 2)) == [.finish(reason: nil)])
        #expect(machine.handle(.answered(batch: 2)) == [])
    }

    @Test func nothingToSendFinishesAtOnce() {
        var machine = SyncStateMachine(batches: [], concurrency: 4, policy: policy)
        #expect(machine.handle(.start) == [.finish(reason: nil)])
    }

    @Test(arguments: [408, 425, 429, 500, 502, 503, 504])
    func retryableStatusWaitsWithFullJitterThenResends(status: Int) {
        var (machine, batches) = machine(1)
        _ = machine.handle(.start)
        #expect(
            machine.handle(.failed(batch: 0, error: http(status), now: now, jitter: 0.5)) == [
                .wait(batch: 0, seconds: 0.25)
            ])
        #expect(machine.handle(.waited(batch: 0)) == [.send(batches[0])])
        #expect(
            machine.handle(.failed(batch: 0, error: http(status), now: now, jitter: 0.5)) == [
                .wait(batch: 0, seconds: 0.5)
            ])
        #expect(machine.handle(.waited(batch: 0)) == [.send(batches[0])])
        #expect(machine.handle(.answered(batch: 0)) == [.finish(reason: nil)])
    }

    @Test func connectionErrorsAndTimeoutsAreRetried() {
        var (machine, _) = machine(2)
        _ = machine.handle(.start)
        #expect(
            machine.handle(.failed(batch: 0, error: .connection("reset"), now: now, jitter: 1)) == [
                .wait(batch: 0, seconds: 0.5)
            ])
        #expect(
            machine.handle(.failed(batch: 1, error: .timeout, now: now, jitter: 0)) == [.wait(batch: 1, seconds: 0)])
    }

    @Test func retryAfterSecondsIsHonoured() {
        var (machine, _) = machine(1)
        _ = machine.handle(.start)
        let error = http(429, retryAfter: .seconds(7))
        #expect(machine.handle(.failed(batch: 0, error: error, now: now, jitter: 0.1)) == [.wait(batch: 0, seconds: 7)])
    }

    @Test func retryAfterDateIsHonoured() {
        var (machine, _) = machine(1)
        _ = machine.handle(.start)
        #expect(RetryAfter(header: HTTPDate.format(now + 12)) == .date(now + 12))
        let error = http(503, retryAfter: .date(now + 12))
        #expect(
            machine.handle(.failed(batch: 0, error: error, now: now, jitter: 0.9)) == [.wait(batch: 0, seconds: 12)])
        let past = http(503, retryAfter: .date(now - 30))
        _ = machine.handle(.waited(batch: 0))
        #expect(machine.handle(.failed(batch: 0, error: past, now: now, jitter: 0.9)) == [.wait(batch: 0, seconds: 0)])
    }

    @Test func retryAfterBeyondTheLimitGivesUp() {
        var (machine, batches) = machine(1)
        _ = machine.handle(.start)
        let actions = machine.handle(
            .failed(batch: 0, error: http(429, retryAfter: .seconds(3600)), now: now, jitter: 0))
        #expect(actions.count == 2)
        guard case .giveUp(let batch, let reason) = actions.first else {
            Issue.record("expected a give-up, got \(actions)")
            return
        }
        #expect(batch == batches[0])
        #expect(reason.contains("longer than 60s"))
        #expect(actions.last == .finish(reason: reason))
    }

    @Test(arguments: [400, 401, 403, 404, 409, 422])
    func clientErrorsAreNeverRetried(status: Int) {
        var (machine, batches) = machine(3, concurrency: 1)
        _ = machine.handle(.start)
        let error = http(status)
        #expect(
            machine.handle(.failed(batch: 0, error: error, now: now, jitter: 0.5)) == [
                .giveUp(batches[0], reason: error.description), .send(batches[1]),
            ])
        #expect(machine.handle(.answered(batch: 1)) == [.send(batches[2])])
        #expect(machine.handle(.answered(batch: 2)) == [.finish(reason: error.description)])
    }

    @Test func unreadableAnswersAreNotRetried() {
        var (machine, batches) = machine(1)
        _ = machine.handle(.start)
        let error = VendorError.decoding("not JSON")
        #expect(
            machine.handle(.failed(batch: 0, error: error, now: now, jitter: 0)) == [
                .giveUp(batches[0], reason: error.description), .finish(reason: error.description),
            ])
    }

    @Test func backoffIsCapped() {
        #expect(policy.backoff(afterAttempt: 1, jitter: 1) == 0.5)
        #expect(policy.backoff(afterAttempt: 4, jitter: 1) == 4)
        #expect(policy.backoff(afterAttempt: 5, jitter: 1) == 8)
        #expect(policy.backoff(afterAttempt: 60, jitter: 1) == 8)
        #expect(policy.backoff(afterAttempt: 60, jitter: 0.25) == 2)
    }

    @Test func givesUpAfterTheLastAttemptAndFinishesPartial() {
        var (machine, batches) = machine(2)
        _ = machine.handle(.start)
        #expect(machine.handle(.answered(batch: 1)) == [])
        for attempt in 1..<policy.maxAttempts {
            #expect(
                machine.handle(.failed(batch: 0, error: http(500), now: now, jitter: 1)) == [
                    .wait(batch: 0, seconds: policy.backoff(afterAttempt: attempt, jitter: 1))
                ])
            #expect(machine.handle(.waited(batch: 0)) == [.send(batches[0])])
        }
        let reason = "HTTP 500: status 500 (gave up after 4 attempts)"
        #expect(
            machine.handle(.failed(batch: 0, error: http(500), now: now, jitter: 1)) == [
                .giveUp(batches[0], reason: reason), .finish(reason: reason),
            ])
    }

    @Test func aWaitingBatchKeepsItsSlot() {
        var (machine, batches) = machine(3, concurrency: 1)
        #expect(machine.handle(.start) == [.send(batches[0])])
        #expect(
            machine.handle(.failed(batch: 0, error: http(429), now: now, jitter: 0)) == [.wait(batch: 0, seconds: 0)])
        #expect(machine.handle(.waited(batch: 0)) == [.send(batches[0])])
        #expect(machine.handle(.answered(batch: 0)) == [.send(batches[1])])
    }

    @Test func eventsForUnknownBatchesChangeNothing() {
        var (machine, _) = machine(1)
        _ = machine.handle(.start)
        #expect(machine.handle(.answered(batch: 7)) == [])
        #expect(machine.handle(.waited(batch: 7)) == [])
        #expect(machine.handle(.failed(batch: 7, error: .timeout, now: now, jitter: 0)) == [])
        #expect(machine.handle(.answered(batch: 0)) == [.finish(reason: nil)])
    }

    @Test func thePacerSpacesRequestStarts() {
        var pacer = RequestPacer(requestsPerSecond: 2)
        #expect(pacer.reserve(now: 100) == 0)
        #expect(pacer.reserve(now: 100) == 0.5)
        #expect(pacer.reserve(now: 100.25) == 0.75)
        #expect(pacer.reserve(now: 200) == 0)
        var unpaced = RequestPacer(requestsPerSecond: nil)
        #expect(unpaced.reserve(now: 1) == 0)
        #expect(unpaced.reserve(now: 1) == 0)
    }

    @Test func vendorDefaultsRespectTheDocumentedLimits() {
        #expect(SyncSettings.defaults(for: .campaignlark).requestsPerSecond == 50)
        let replyIO = SyncSettings.defaults(for: .replyio)
        #expect(replyIO.concurrency == 1)
        #expect(replyIO.requestsPerSecond! * 3600 <= 3000)
        #expect(replyIO.requestsPerSecond! * 60 <= 100)
    }
}
