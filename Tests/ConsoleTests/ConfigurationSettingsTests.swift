import Foundation
import SwitchboardCore
import Testing

@testable import Console

/// The configurations screen's changes, message by message: the configuration form (inline
/// checks, Tab completion, preview, journaled send), the delete question, the concurrency
/// prompt, and read-only mode.
@Suite struct ConfigurationSettingsTests {
    /// `:configurations` on the fixture Anyreach account, configurations and concurrency read.
    static func screen(width: Int = 80, height: Int = 24, readonly: Bool = false) -> AppState {
        var state = CampaignSetupTests.managing(width: width, height: height)
        state.accounts[0].readonly = readonly
        _ = CampaignSetupTests.keys(&state, [.character(":")] + "configurations".map(Key.character) + [.enter])
        _ = update(
            &state,
            .campaignSetup(.configurationsFetched(account: "acme-calls", .success(CampaignSetupTests.configurations))))
        _ = update(
            &state,
            .campaignSetup(
                .concurrencyFetched(account: "acme-calls", .success(ConcurrencyLimit(limit: 10, activeCalls: 3)))))
        return state
    }

    static func type(_ state: inout AppState, _ text: String) -> [Effect] {
        CampaignSetupTests.keys(&state, text.map(Key.character))
    }

    static func form(_ state: AppState) -> ConfigurationForm? {
        if case .form(let form) = state.setup.settings { form } else { nil }
    }

    static func prompt(_ state: AppState) -> ConcurrencyPrompt? {
        if case .concurrency(let prompt) = state.setup.settings { prompt } else { nil }
    }

    static let request = RequestPreview(
        method: "POST", path: "/campaign/configurations", body: "{\n  \"name\": \"Evenings\"\n}")

    @Test func newConfigurationIsCheckedAsTypedPreviewedThenJournaled() throws {
        var state = Self.screen()
        #expect(CampaignSetupTests.keys(&state, [.character("n")]).isEmpty)
        #expect(state.keyContext == .settingsForm)
        #expect(Self.form(state)?.isNew == true)
        #expect(Self.form(state)?.problem(.name) == "a configuration needs a name")
        _ = Self.type(&state, "Evenings")
        // Tab on the name is the next field; on the time zone it completes (the contact form's list).
        _ = CampaignSetupTests.keys(&state, [.tab])
        #expect(Self.form(state)?.focus == .timezone)
        _ = Self.type(&state, "Europe/Par")
        _ = CampaignSetupTests.keys(&state, [.tab])
        #expect(Self.form(state)?.inputs[1].text == "Europe/Paris")
        _ = CampaignSetupTests.keys(&state, [.backspace, .backspace])
        #expect(
            Self.form(state)?.problem(.timezone) == "\"Europe/Par\" is not an IANA time zone (e.g. America/New_York)")
        _ = Self.type(&state, "is")
        _ = CampaignSetupTests.keys(&state, [.down])
        _ = Self.type(&state, "mon-fri 9:00-17:00")
        #expect(
            Self.form(state)?.problem(.windows)
                == "\"mon-fri 9:00-17:00\": \"9:00\" is not a time of day (HH:MM, 00:00 to 23:59)")
        _ = CampaignSetupTests.keys(&state, [.down, .down])
        _ = Self.type(&state, "+0")
        #expect(Self.form(state)?.problems.count == 2)

        // Enter with problems: the first one on the status line, the focus on its field, nothing sent.
        #expect(CampaignSetupTests.keys(&state, [.enter]).isEmpty)
        #expect(
            state.status?.text
                == "cannot send yet: Windows: \"mon-fri 9:00-17:00\": \"9:00\" is not a time of day (HH:MM, 00:00 to 23:59) (and 1 more)"
        )
        #expect(Self.form(state)?.focus == .windows)
        var form = try #require(Self.form(state))
        form.inputs[2].replace(with: "mon+tue+wed 09:00-17:00, sat 10:00-14:00")
        form.inputs[4].replace(with: "+33")
        form.inputs[3].replace(with: "2")
        state.setup.settings = .form(form)
        #expect(Self.form(state)?.normalizedWindows == "mon-wed 09:00-17:00, sat 10:00-14:00")
        #expect(Self.form(state)?.problems == [])

        let draft = ConfigurationDraft(
            name: "Evenings", timezone: "Europe/Paris",
            windows: [
                ScheduleWindow(days: ["mon", "tue", "wed"], start: "09:00", end: "17:00"),
                ScheduleWindow(days: ["sat"], start: "10:00", end: "14:00"),
            ], retryLimit: 2, countryCode: "+33")
        let preview = CampaignSetupTests.keys(&state, [.enter])
        #expect(
            preview == [
                .campaignSetup(
                    .settings(
                        .preview(
                            account: "acme-calls",
                            .createConfiguration(account: "acme-calls", draft, idempotencyKey: ""))))
            ])
        #expect(Self.form(state)?.stage == .preview)
        #expect(
            Self.form(state)?.differences.map(\.new) == [
                "Evenings", "Europe/Paris", "mon-wed 09:00-17:00, sat 10:00-14:00", "2", "+33",
            ])
        #expect(CampaignSetupTests.keys(&state, [.enter]).isEmpty, "the request is not described yet")
        _ = update(&state, .campaignSetup(.settings(.previewed(account: "acme-calls", .success(Self.request)))))
        #expect(Self.form(state)?.request == Self.request)

        let sent = CampaignSetupTests.keys(&state, [.enter])
        let key = "console-\(Int64(state.now.timeIntervalSince1970 * 1000))-createConfiguration-Evenings"
        #expect(
            sent == [
                .campaignSetup(
                    .settings(
                        .submit(
                            account: "acme-calls",
                            .createConfiguration(account: "acme-calls", draft, idempotencyKey: key), name: "Evenings")))
            ])
        #expect(Self.form(state)?.stage == .sending)
        #expect(state.status?.text == "creating configuration “Evenings”… (journaled, sending)")
        #expect(CampaignSetupTests.keys(&state, [.escape, .enter]).isEmpty, "nothing while sending")

        let refresh = update(
            &state,
            .campaignSetup(
                .settings(
                    .settled(
                        account: "acme-calls", action: .createConfiguration, name: "Evenings",
                        .success(
                            SettledSettings(
                                journalID: 7, state: .done, reason: nil, outcome: "created configuration cfg-9"))))))
        #expect(state.setup.settings == nil)
        #expect(state.status == StatusMessage(text: "journal #7 done: created configuration cfg-9", isError: false))
        #expect(
            refresh == [
                .campaignSetup(.fetchConfigurations(account: "acme-calls")),
                .campaignSetup(.fetchConcurrency(account: "acme-calls")),
            ])
    }

    @Test func escapeLosesNothingUntilTheOperatorSaysSo() {
        var state = Self.screen()
        _ = CampaignSetupTests.keys(&state, [.character("n")])
        #expect(CampaignSetupTests.keys(&state, [.escape]).isEmpty)
        #expect(state.setup.settings == nil, "an untouched form just closes")
        _ = CampaignSetupTests.keys(&state, [.character("n")])
        _ = Self.type(&state, "Keep me")
        _ = CampaignSetupTests.keys(&state, [.escape])
        #expect(Self.form(state)?.stage == .confirmingDiscard)
        #expect(state.keyContext == .confirm)
        _ = CampaignSetupTests.keys(&state, [.character("n")])
        #expect(Self.form(state)?.stage == .editing && Self.form(state)?.inputs[0].text == "Keep me")
        // Back from the preview is the form as it was.
        _ = CampaignSetupTests.keys(&state, [.enter])
        #expect(Self.form(state)?.stage == .preview)
        _ = CampaignSetupTests.keys(&state, [.escape])
        #expect(Self.form(state)?.stage == .editing && Self.form(state)?.inputs[0].text == "Keep me")
        _ = CampaignSetupTests.keys(&state, [.escape, .character("y")])
        #expect(state.setup.settings == nil)
        #expect(state.status?.text == "configuration form closed; nothing was sent")
    }

    @Test func editSendsOnlyWhatChanged() throws {
        var state = Self.screen()
        _ = CampaignSetupTests.keys(&state, [.character("e")])
        let opened = try #require(Self.form(state))
        #expect(opened.original?.id == "cfg-1")
        #expect(opened.inputs.map(\.text) == ["Weekdays", "America/New_York", "mon-fri 09:00-17:30", "3", "+1"])
        #expect(CampaignSetupTests.keys(&state, [.enter]).isEmpty)
        #expect(state.status?.text == "nothing changed; Esc closes the form")
        _ = CampaignSetupTests.keys(&state, [.down, .end] + Array(repeating: Key.backspace, count: 16))
        #expect(Self.form(state)?.problem(.timezone) == "it cannot be emptied here; type a value")
        _ = Self.type(&state, "America/New_York")
        _ = CampaignSetupTests.keys(&state, [.down, .end] + Array(repeating: Key.backspace, count: 19))
        #expect(Self.form(state)?.problem(.windows) == "type none for no calling windows")
        _ = Self.type(&state, "none")
        _ = CampaignSetupTests.keys(&state, [.down, .backspace])
        _ = Self.type(&state, "5")
        let form = try #require(Self.form(state))
        #expect(form.draft == ConfigurationDraft(windows: [], retryLimit: 5))
        #expect(
            form.differences.map { "\($0.label): \($0.old) → \($0.new)" } == [
                "Windows: mon-fri 09:00-17:30 → none", "Retry limit: 3 → 5",
            ])
        let effects = CampaignSetupTests.keys(&state, [.enter])
        #expect(
            effects == [
                .campaignSetup(
                    .settings(
                        .preview(
                            account: "acme-calls",
                            .updateConfiguration(
                                account: "acme-calls", id: "cfg-1", ConfigurationDraft(windows: [], retryLimit: 5),
                                idempotencyKey: ""))))
            ])
    }

    @Test func deleteAsksNamingTheConfigurationAndKeepsTheVendorsRefusal() {
        var state = Self.screen()
        _ = CampaignSetupTests.keys(&state, [.character("j"), .character("d")])
        guard case .delete(let deletion) = state.setup.settings else {
            Issue.record("no delete question")
            return
        }
        #expect(deletion.configuration.id == "cfg-2")
        #expect(state.keyContext == .confirm)
        #expect(CampaignSetupTests.keys(&state, [.character("n")]).isEmpty)
        #expect(state.setup.settings == nil && state.status?.text == "delete cancelled; nothing was sent")
        _ = CampaignSetupTests.keys(&state, [.character("d")])
        let sent = CampaignSetupTests.keys(&state, [.character("y")])
        let key = "console-\(Int64(state.now.timeIntervalSince1970 * 1000))-deleteConfiguration-cfg-2"
        #expect(
            sent == [
                .campaignSetup(
                    .settings(
                        .submit(
                            account: "acme-calls",
                            .deleteConfiguration(account: "acme-calls", id: "cfg-2", idempotencyKey: key),
                            name: "Night shift \u{1B}[31m")))
            ])
        _ = update(
            &state,
            .campaignSetup(
                .settings(
                    .settled(
                        account: "acme-calls", action: .deleteConfiguration, name: "Night shift",
                        .success(
                            SettledSettings(
                                journalID: 9, state: .failed,
                                reason: "HTTP 409: Configuration is used by campaign Spring", outcome: nil))))))
        #expect(
            state.status
                == StatusMessage(
                    text:
                        "deleteConfiguration configuration “Night shift” failed: HTTP 409: Configuration is used by campaign Spring (journal #9)",
                    isError: true))
    }

    @Test func concurrencyPromptShowsTheLimitTakesANumberAndPreviewsThePUT() throws {
        var state = Self.screen()
        _ = CampaignSetupTests.keys(&state, [.character("c")])
        var prompt = try #require(Self.prompt(state))
        #expect(prompt.current == ConcurrencyLimit(limit: 10, activeCalls: 3) && prompt.input.text == "10")
        #expect(prompt.problem == "the limit is 10 already")
        #expect(CampaignSetupTests.keys(&state, [.enter]).isEmpty)
        _ = CampaignSetupTests.keys(&state, [.backspace, .backspace, .character("x"), .character("0")])
        #expect(Self.prompt(state)?.input.text == "0", "only digits are typed")
        #expect(Self.prompt(state)?.problem == "0 is outside 1 to 10000")
        _ = CampaignSetupTests.keys(&state, [.backspace] + "25".map(Key.character))
        let preview = CampaignSetupTests.keys(&state, [.enter])
        #expect(
            preview == [
                .campaignSetup(
                    .settings(
                        .preview(
                            account: "acme-calls", .setConcurrency(account: "acme-calls", limit: 25, idempotencyKey: "")
                        )))
            ])
        let put = RequestPreview(
            method: "PUT", path: "/campaign/concurrency-settings", body: "{\n  \"concurrency_limit\": 25\n}")
        _ = update(&state, .campaignSetup(.settings(.previewed(account: "acme-calls", .success(put)))))
        prompt = try #require(Self.prompt(state))
        #expect(prompt.stage == .preview && prompt.request == put)
        let sent = CampaignSetupTests.keys(&state, [.enter])
        let key = "console-\(Int64(state.now.timeIntervalSince1970 * 1000))-setConcurrency-25"
        #expect(
            sent == [
                .campaignSetup(
                    .settings(
                        .submit(
                            account: "acme-calls",
                            .setConcurrency(account: "acme-calls", limit: 25, idempotencyKey: key),
                            name: "the concurrency limit")))
            ])
        _ = update(
            &state,
            .campaignSetup(
                .settings(
                    .settled(
                        account: "acme-calls", action: .setConcurrency, name: "the concurrency limit",
                        .failure(Failure("Anyreach unreachable"))))))
        #expect(state.setup.settings == nil)
        #expect(
            state.status
                == StatusMessage(text: "setConcurrency concurrency limit not sent: Anyreach unreachable", isError: true)
        )
    }

    @Test func escapeOnTheConcurrencyPromptKeepsTheTypedLimitUntilConfirmed() {
        var state = Self.screen()
        _ = CampaignSetupTests.keys(&state, [.character("c"), .escape])
        #expect(state.setup.settings == nil, "nothing typed: Esc just closes")
        _ = CampaignSetupTests.keys(&state, [.character("c"), .character("0"), .escape])
        #expect(Self.prompt(state)?.stage == .confirmingDiscard && state.keyContext == .confirm)
        _ = CampaignSetupTests.keys(&state, [.character("n")])
        #expect(Self.prompt(state)?.stage == .editing && Self.prompt(state)?.input.text == "100")
        _ = CampaignSetupTests.keys(&state, [.escape, .character("y")])
        #expect(state.setup.settings == nil)
        #expect(state.status?.text == "concurrency unchanged; nothing was sent")
    }

    @Test func readOnlyRefusesTheChangeKeysAndHelpSaysSo() {
        var state = Self.screen(readonly: true)
        for key in ["n", "e", "d", "c"] {
            #expect(CampaignSetupTests.keys(&state, [.character(Character(key))]).isEmpty)
            #expect(state.setup.settings == nil)
            #expect(state.status?.isError == true && state.status?.text.hasPrefix("read-only: ") == true)
        }
        let help = KeyRegistry.help(for: .configurations, readOnly: true)
        let entries = help.sections[0].entries
        #expect(entries.map(\.keys) == ["n", "e", "d", "c"])
        #expect(entries.allSatisfy { !$0.available && $0.summary.hasSuffix("— read-only") })
    }

    @Test func vendorsWithoutConfigurationsGetNothingNew() {
        var state = Fixtures.campaignsState(width: 80, height: 24)
        state.accounts[0].capabilities.remove(.manageCampaigns)
        _ = CampaignSetupTests.keys(&state, [.character(":")] + "configurations".map(Key.character) + [.enter])
        #expect(state.screen == .campaigns)
        #expect(state.perform(.settings(.new)).isEmpty && state.setup.settings == nil)
    }
}
