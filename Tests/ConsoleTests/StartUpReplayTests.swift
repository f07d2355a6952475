import Foundation
import Logging
import SwitchboardCore
import Testing
import VendorSandbox

@testable import Console

/// The console replays on start what the journal holds unsent (a change journaled by a
/// process that was then killed): the effect runner sends it through the sync engine to a
/// live sandbox and posts what it did.
@Suite struct StartUpReplayTests {
    @Test func aChangeLeftPendingIsSentWhenTheConsoleStarts() async throws {
        try await withLiveSandbox { sandbox in
            let account = try sandbox.account(.anyreach)
            let client = try VendorRegistry.client(for: account, transport: sandbox.transport)
            let campaign = try #require(try await client.campaigns(nameContains: nil, states: []).first)
            let (store, inbox) = (sandbox.store, sandbox.inbox)
            let contacts = (0..<3).map { Contact(externalID: "replay-\($0)", phoneNumbers: ["+1415555020\($0)"]) }
            let entry = try await store.journal.record(
                Change(account: account.name, campaignID: campaign.id, action: .upsert, contacts: contacts))
            // An entry of an account the accounts file no longer has is left alone and reported.
            _ = try await store.journal.record(Change(account: "gone", campaignID: "x", action: .pause))

            let runner = try sandbox.runner(for: [account])
            runner.run(.replayJournal)
            var summary: ReplaySummary?
            for _ in 0..<600 where summary == nil {
                for message in inbox.takeAll() {
                    if case .replayFinished(let result) = message { summary = try result.get() }
                }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(summary == ReplaySummary(settled: [.done: 1], unknownAccounts: ["gone": 1]))
            #expect(try await store.journal.entry(entry.id!)?.state == .done)
            let page = try await client.contacts(campaignID: campaign.id, status: nil, limit: 200, offset: 0)
            #expect(Set(page.contacts.compactMap(\.externalID)).isSuperset(of: ["replay-0", "replay-1", "replay-2"]))
        }
    }
}
