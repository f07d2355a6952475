import Foundation
import HummingbirdTesting
import Testing

@testable import VendorSandbox

@Suite struct DialerTests {
    /// The seeded state after `steps` dialer steps of `seconds` each.
    private func run(seed: UInt64, steps: Int, seconds: Double = 5, contacts: Int = 300) -> (AnyreachState, Dialer) {
        var state = AnyreachSeed.state(seed: seed, contactCount: contacts)
        var dialer = Dialer(seed: seed)
        for _ in 0..<steps { dialer.advance(&state, by: seconds) }
        return (state, dialer)
    }

    private func bytes(_ state: AnyreachState) throws -> Data {
        try JSONAnswer.encoder().encode(AnyreachSnapshot(state))
    }

    @Test func sameSeedAndStepsGiveTheSameBytes() throws {
        let (first, firstDialer) = run(seed: 11, steps: 400)
        let (second, secondDialer) = run(seed: 11, steps: 400)
        #expect(try bytes(first) == bytes(second))
        #expect(firstDialer == secondDialer)
        let (other, _) = run(seed: 12, steps: 400)
        #expect(try bytes(first) != bytes(other))
    }

    @Test func neverMoreBusyContactsThanTheConcurrencyLimit() {
        var state = AnyreachSeed.state(seed: 5, contactCount: 400)
        var dialer = Dialer(seed: 5)
        var busiest = 0
        for step in 0..<600 {
            if step == 300 { state.concurrencyLimit = 3 }
            dialer.advance(&state, by: 2)
            busiest = max(busiest, state.busyContactCount)
            if step > 300 + 80 {
                #expect(state.busyContactCount <= 3)
            } else {
                #expect(state.busyContactCount <= 10)
            }
        }
        #expect(busiest == 10, "the dialer fills every slot while there is work")
    }

    @Test func retryLimitIsRespected() {
        let (state, _) = run(seed: 9, steps: 3000, seconds: 10)
        var exhausted = 0
        for contact in state.contacts {
            guard let campaignID = contact.campaignID else {
                #expect(contact.attempts.isEmpty, "contacts in default are never dialed")
                continue
            }
            let allowed = state.retryLimit(ofCampaign: campaignID) + 1
            #expect(contact.attempts.count <= allowed)
            if contact.status == .exhausted {
                exhausted += 1
                #expect(contact.attempts.count == allowed)
                #expect(contact.attempts.allSatisfy { $0.outcome != .completed })
            }
            if contact.status == .completed { #expect(contact.attempts.last?.outcome == .completed) }
            if contact.status == .pending, !contact.attempts.isEmpty {
                #expect(contact.attempts.last?.outcome != .completed)
            }
        }
        #expect(exhausted > 0)
    }

    @Test func pausedAndClosedCampaignsAreNotDialed() throws {
        var state = AnyreachSeed.state(seed: 4, contactCount: 400)
        var dialer = Dialer(seed: 4)
        let spring = try state.campaignIndex("spring-outreach")
        for _ in 0..<40 { dialer.advance(&state, by: 5) }
        let springID = state.campaigns[spring].id
        let idle = Set(state.campaigns.filter { $0.status != .active }.map(\.id))
        let before = attemptsByContact(state, in: idle)
        state.campaigns[spring].status = .paused
        let startedAtPause = attemptsByContact(state, in: [springID])
        for _ in 0..<100 { dialer.advance(&state, by: 5) }
        #expect(attemptsByContact(state, in: idle) == before)
        #expect(attemptsByContact(state, in: [springID]) == startedAtPause, "live calls finish, no new ones start")
        let springContacts = state.contacts.filter { $0.campaignID == springID }
        #expect(springContacts.allSatisfy { $0.status != .locked && $0.status != .inProgress })
        #expect(springContacts.flatMap(\.attempts).allSatisfy { $0.outcome != nil })
    }

    @Test func scheduledContactsWaitForTheirTime() throws {
        var state = AnyreachSeed.state(seed: 2, contactCount: 50)
        var dialer = Dialer(seed: 2)
        let campaignID = state.campaigns[try state.campaignIndex("spring-outreach")].id
        let later = state.now.addingTimeInterval(600)
        _ = try state.upsert(
            [ContactInput(externalID: "later", phoneNumbers: ["+14155550100"], scheduledAt: Timestamp.string(later))],
            into: .campaign(id: campaignID))
        state.concurrencyLimit = 10_000
        for _ in 0..<59 { dialer.advance(&state, by: 10) }
        let waiting = try state.contact("later", in: .campaign(id: campaignID))
        #expect(waiting.attempts.isEmpty)
        #expect(waiting.status == .pending)
        for _ in 0..<3 { dialer.advance(&state, by: 10) }
        let dialed = try state.contact("later", in: .campaign(id: campaignID))
        #expect(dialed.attempts.count == 1)
        #expect(dialed.attempts[0].startedAt >= later)
    }

    @Test func statsFollowTheDialer() async throws {
        try await withSandbox(.testing(contacts: 300)) { sandbox, client in
            let id = try #require(
                try await client.anyreach(.get, "/campaign/campaigns/spring-outreach").json["id"]?.string)
            let before = try await client.anyreach(.get, "/campaign/campaigns/\(id)/stats").json
            await sandbox.advance(by: 30)
            let during = try await client.anyreach(.get, "/campaign/campaigns/\(id)/stats").json
            let settings = try await client.anyreach(.get, "/campaign/concurrency-settings").json
            #expect((settings["active_calls"]?.int ?? 0) > 0)
            #expect((settings["active_calls"]?.int ?? 0) <= 10)
            #expect((during["active_calls"]?.int ?? 0) > 0)
            #expect(during["active_calls"]?.int == during["contacts"]?["in_progress"]?.int)
            await sandbox.advance(by: 600)
            let after = try await client.anyreach(.get, "/campaign/campaigns/\(id)/stats").json
            let attemptsBefore = try #require(before["attempts"]?["total"]?.int)
            let attemptsAfter = try #require(after["attempts"]?["total"]?.int)
            #expect(attemptsAfter > attemptsBefore)
            #expect((after["contacts"]?["completed"]?.int ?? 0) > (before["contacts"]?["completed"]?.int ?? 0))
            #expect(
                (after["attempts"]?["average_per_contact"]?.double ?? 0)
                    > (before["attempts"]?["average_per_contact"]?.double ?? 0))
        }
    }

    private func attemptsByContact(_ state: AnyreachState, in campaigns: Set<String>) -> [String: Int] {
        var counts: [String: Int] = [:]
        for contact in state.contacts where campaigns.contains(contact.campaignID ?? "") {
            counts[contact.id] = contact.attempts.count
        }
        return counts
    }
}
