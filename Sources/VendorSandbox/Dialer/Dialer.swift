import Foundation

/// The simulated Anyreach dialer: a step function over the organization's state, driven
/// by a seeded generator and the simulated clock, so the same seed and the same steps
/// always give the same state.
///
/// Each step finishes calls whose time is up, dials the contacts locked on the previous
/// step, and locks pending contacts of active campaigns while fewer than the concurrency
/// limit are locked or in progress across the organization.
struct Dialer: Sendable, Equatable {
    /// A live call: when it ends and how, drawn when it started.
    struct PlannedCall: Sendable, Equatable {
        let endsAt: Date
        let outcome: AttemptOutcome
    }

    /// The longest simulated time one step should cover, so calls end close to their time.
    static let longestStep = 10.0
    /// Shortest and longest simulated call, in seconds.
    static let callDuration = 8.0...120.0
    /// Simulated seconds a contact waits after a failed attempt before it is dialed again.
    static let retryDelay = 60.0
    /// Chance that a failed attempt stops the contact with `error` instead of a retry.
    static let errorChance = 0.25

    private var random: SeededGenerator
    private(set) var calls: [String: PlannedCall] = [:]

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed, stream: 3)
    }

    /// Moves simulated time forward by `seconds` and takes one dialer step.
    mutating func advance(_ state: inout AnyreachState, by seconds: Double) {
        state.now = state.now.addingTimeInterval(seconds)
        finishCalls(&state)
        dialLockedContacts(&state)
        lockPendingContacts(&state)
    }

    private mutating func finishCalls(_ state: inout AnyreachState) {
        let live = Set(state.contacts.lazy.filter { $0.status == .inProgress }.map(\.id))
        calls = calls.filter { live.contains($0.key) }
        for index in state.contacts.indices where state.contacts[index].status == .inProgress {
            let id = state.contacts[index].id
            let plan = calls[id] ?? PlannedCall(endsAt: state.now, outcome: .failed)
            guard plan.endsAt <= state.now else { continue }
            calls[id] = nil
            var contact = state.contacts[index]
            if !contact.attempts.isEmpty {
                contact.attempts[contact.attempts.count - 1].endedAt = plan.endsAt
                contact.attempts[contact.attempts.count - 1].outcome = plan.outcome
            }
            let allowed = state.retryLimit(ofCampaign: contact.campaignID ?? "") + 1
            if plan.outcome == .completed {
                contact.status = .completed
            } else if contact.attempts.count >= allowed {
                contact.status = .exhausted
            } else if plan.outcome == .failed, random.chance(Self.errorChance) {
                contact.status = .error
            } else {
                contact.status = .pending
            }
            contact.updatedAt = state.now
            state.contacts[index] = contact
        }
    }

    private mutating func dialLockedContacts(_ state: inout AnyreachState) {
        let active = activeCampaignIDs(state)
        for index in state.contacts.indices where state.contacts[index].status == .locked {
            var contact = state.contacts[index]
            contact.updatedAt = state.now
            guard let campaignID = contact.campaignID, active.contains(campaignID) else {
                // Paused or closed since it was locked: give the slot back without dialing.
                contact.status = .pending
                state.contacts[index] = contact
                continue
            }
            let number = contact.attempts.count + 1
            contact.attempts.append(
                Attempt(
                    number: number, phoneNumber: contact.phoneNumbers[(number - 1) % contact.phoneNumbers.count],
                    startedAt: state.now, endedAt: nil, outcome: nil))
            contact.status = .inProgress
            let duration = Double.random(in: Self.callDuration, using: &random).rounded()
            calls[contact.id] = PlannedCall(endsAt: state.now.addingTimeInterval(duration), outcome: drawOutcome())
            state.contacts[index] = contact
        }
    }

    private func lockPendingContacts(_ state: inout AnyreachState) {
        var free = state.concurrencyLimit - state.busyContactCount
        guard free > 0 else { return }
        let active = activeCampaignIDs(state)
        for index in state.contacts.indices where free > 0 {
            let contact = state.contacts[index]
            guard contact.status == .pending, !contact.phoneNumbers.isEmpty, let campaignID = contact.campaignID,
                active.contains(campaignID),
                contact.scheduledAt.map({ $0 <= state.now }) ?? true,
                contact.attempts.last?.endedAt.map({ $0.addingTimeInterval(Self.retryDelay) <= state.now }) ?? true
            else { continue }
            state.contacts[index].status = .locked
            state.contacts[index].updatedAt = state.now
            free -= 1
        }
    }

    private func activeCampaignIDs(_ state: AnyreachState) -> Set<String> {
        Set(state.campaigns.lazy.filter { $0.status == .active }.map(\.id))
    }

    private mutating func drawOutcome() -> AttemptOutcome {
        let roll = Double.random(in: 0..<1, using: &random)
        switch roll {
        case ..<0.40: return .completed
        case ..<0.65: return .noAnswer
        case ..<0.75: return .busy
        case ..<0.90: return .voicemail
        default: return .failed
        }
    }
}
