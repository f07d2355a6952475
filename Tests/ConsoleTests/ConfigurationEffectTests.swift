import Foundation
import SwitchboardCore
import Testing

@testable import Console

/// The configurations screen's changes from key to vendor and back: `update` and the
/// effect runner against a live sandbox with the real Anyreach client.
@Suite struct ConfigurationEffectTests {
    /// Runs `effects` and feeds the messages that answer them back into `update` until
    /// `done` picks one; returns every effect `update` asked for meanwhile.
    static func drive(
        _ state: inout AppState, _ effects: [Effect], runner: EffectRunner, sandbox: LiveSandbox,
        until done: (Msg) -> Bool
    ) async throws -> [Effect] {
        runner.run(effects)
        var asked: [Effect] = []
        for message in try await sandbox.messages(until: done) { asked += update(&state, message) }
        return asked
    }

    static func isSettled(_ msg: Msg) -> Bool {
        if case .campaignSetup(.settings(.settled)) = msg { true } else { false }
    }

    static func isPreviewed(_ msg: Msg) -> Bool {
        if case .campaignSetup(.settings(.previewed)) = msg { true } else { false }
    }

    static func isListed(_ msg: Msg) -> Bool {
        if case .campaignSetup(.configurationsFetched) = msg { true } else { false }
    }

    @Test func createFromTheFormReachesTheVendorThroughTheJournal() async throws {
        try await withLiveSandbox { sandbox in
            let account = try sandbox.account(.anyreach)
            let runner = try sandbox.runner(for: [account])
            var state = AppState(
                accounts: [
                    AccountInfo(
                        name: account.name, vendorName: "Anyreach",
                        capabilities: VendorRegistry.capabilities(of: .anyreach), configuredCampaigns: [])
                ], width: 80, height: 24, now: Date())
            let opened = CampaignSetupTests.keys(
                &state, [.character(":")] + "configurations".map(Key.character) + [.enter])
            _ = try await Self.drive(&state, opened, runner: runner, sandbox: sandbox, until: Self.isListed)
            let before = try #require(state.setup.configurations)

            _ = CampaignSetupTests.keys(&state, [.character("n")] + "Console evenings".map(Key.character) + [.tab])
            _ = CampaignSetupTests.keys(&state, "Europe/Lisbon".map(Key.character) + [.down])
            _ = CampaignSetupTests.keys(&state, "tue-thu 18:00-21:30".map(Key.character) + [.down, .character("4")])
            let preview = CampaignSetupTests.keys(&state, [.enter])
            _ = try await Self.drive(&state, preview, runner: runner, sandbox: sandbox, until: Self.isPreviewed)
            guard case .form(let form) = state.setup.settings, let request = form.request else {
                Issue.record(
                    "no preview: \(String(describing: state.setup.settings)), \(String(describing: state.status))")
                return
            }
            #expect(request.method == "POST" && request.path == "/campaign/configurations")
            #expect(request.body.contains("\"default_timezone\": \"Europe/Lisbon\""))
            #expect(!request.body.contains(account.credential.revealed))

            let send = CampaignSetupTests.keys(&state, [.enter])
            let refresh = try await Self.drive(&state, send, runner: runner, sandbox: sandbox, until: Self.isSettled)
            #expect(state.setup.settings == nil)
            let status = try #require(state.status)
            #expect(!status.isError && status.text.hasPrefix("journal #1 done: created configuration "), "\(status)")
            _ = try await Self.drive(&state, refresh, runner: runner, sandbox: sandbox, until: Self.isListed)
            let after = try #require(state.setup.configurations)
            #expect(after.count == before.count + 1)
            let made = try #require(after.first { $0.name == "Console evenings" })
            #expect(made.timezone == "Europe/Lisbon" && made.retryLimit == 4)
            #expect(made.windows == [ScheduleWindow(days: ["tue", "wed", "thu"], start: "18:00", end: "21:30")])
            let entry = try #require(try await sandbox.store.journal.entry(1))
            #expect(entry.action == .createConfiguration && entry.state == .done)
            #expect(entry.settings?.configurationID == made.id)

            // The concurrency prompt: the PUT through the journal, then the new limit read back.
            _ = CampaignSetupTests.keys(
                &state, [.character("c")] + Array(repeating: Key.backspace, count: 5) + "37".map(Key.character))
            let put = CampaignSetupTests.keys(&state, [.enter])
            _ = try await Self.drive(&state, put, runner: runner, sandbox: sandbox, until: Self.isPreviewed)
            let sent = CampaignSetupTests.keys(&state, [.enter])
            let reread = try await Self.drive(&state, sent, runner: runner, sandbox: sandbox, until: Self.isSettled)
            #expect(
                state.status?.text.hasPrefix("journal #2 done: concurrency limit set to 37") == true,
                "\(String(describing: state.status))")
            _ = try await Self.drive(&state, reread, runner: runner, sandbox: sandbox) {
                if case .campaignSetup(.concurrencyFetched) = $0 { true } else { false }
            }
            #expect(state.setup.concurrency?.limit == 37)

            // The journal screen lists both entries.
            let journal = CampaignSetupTests.keys(&state, [.character(":")] + "journal".map(Key.character) + [.enter])
            _ = try await Self.drive(&state, journal, runner: runner, sandbox: sandbox) {
                if case .change(.journalObserved(let entries)) = $0 { entries.count == 2 } else { false }
            }
            #expect(state.journalPane?.entries?.map(\.action) == [.setConcurrency, .createConfiguration])
        }
    }
}
