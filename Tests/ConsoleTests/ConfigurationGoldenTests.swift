import Foundation
import SwitchboardCore
import Testing

@testable import Console

/// Golden screens of the configurations screen's changes: the configuration form (valid and
/// invalid), its preview, the delete question and the concurrency prompt.
@Suite struct ConfigurationGoldenTests {
    @Test(arguments: GoldenScreenTests.sizes) func configurationForm(width: Int, height: Int) {
        var state = ConfigurationSettingsTests.screen(width: width, height: height)
        _ = CampaignSetupTests.keys(&state, [.character("n")])
        _ = ConfigurationSettingsTests.type(&state, "Evenings")
        _ = CampaignSetupTests.keys(&state, [.tab])
        _ = ConfigurationSettingsTests.type(&state, "Europe/Pa")
        _ = CampaignSetupTests.keys(&state, [.down])
        _ = ConfigurationSettingsTests.type(&state, "mon-fri 9:00-17:00")
        expectGolden(state, "configuration-form-invalid")
        guard case .form(var form) = state.setup.settings else {
            Issue.record("no form")
            return
        }
        form.inputs[1].replace(with: "Europe/Paris")
        form.inputs[2].replace(with: "mon+tue+wed+thu+fri 09:00-17:00, sat+sun 10:00-14:00")
        form.inputs[3].replace(with: "2")
        state.setup.settings = .form(form)
        expectGolden(state, "configuration-form-valid")
        _ = CampaignSetupTests.keys(&state, [.enter])
        let body = """
            {
              "default_timezone": "Europe/Paris",
              "default_windows": [
                {
                  "days": [
                    "mon",
                    "tue",
                    "wed",
                    "thu",
                    "fri"
                  ],
                  "end": "17:00",
                  "start": "09:00"
                },
                {
                  "days": [
                    "sat",
                    "sun"
                  ],
                  "end": "14:00",
                  "start": "10:00"
                }
              ],
              "name": "Evenings",
              "retry_limit": 2
            }
            """
        _ = update(
            &state,
            .campaignSetup(
                .settings(
                    .previewed(
                        account: "acme-calls",
                        .success(RequestPreview(method: "POST", path: "/campaign/configurations", body: body))))))
        expectGolden(state, "configuration-preview")
    }

    @Test(arguments: GoldenScreenTests.sizes) func editPreviewShowsOldAndNew(width: Int, height: Int) {
        var state = ConfigurationSettingsTests.screen(width: width, height: height)
        _ = CampaignSetupTests.keys(
            &state, [.character("e"), .down, .down, .down, .backspace, .character("5"), .enter])
        _ = update(
            &state,
            .campaignSetup(
                .settings(
                    .previewed(
                        account: "acme-calls",
                        .success(
                            RequestPreview(
                                method: "PATCH", path: "/campaign/configurations/cfg-1",
                                body: "{\n  \"retry_limit\": 5\n}"))))))
        expectGolden(state, "configuration-edit-preview")
    }

    @Test(arguments: GoldenScreenTests.sizes) func deleteQuestion(width: Int, height: Int) {
        var state = ConfigurationSettingsTests.screen(width: width, height: height)
        _ = CampaignSetupTests.keys(&state, [.character("d")])
        expectGolden(state, "configuration-delete")
    }

    @Test(arguments: GoldenScreenTests.sizes) func concurrencyPrompt(width: Int, height: Int) {
        var state = ConfigurationSettingsTests.screen(width: width, height: height)
        _ = CampaignSetupTests.keys(&state, [.character("c"), .backspace, .character("5")])
        expectGolden(state, "concurrency-prompt")
        _ = CampaignSetupTests.keys(&state, [.enter])
        _ = update(
            &state,
            .campaignSetup(
                .settings(
                    .previewed(
                        account: "acme-calls",
                        .success(
                            RequestPreview(
                                method: "PUT", path: "/campaign/concurrency-settings",
                                body: "{\n  \"concurrency_limit\": 15\n}"))))))
        expectGolden(state, "concurrency-preview")
    }

    /// A settings change in `:journal`'s results: what it changed and what the vendor answered.
    @Test(arguments: GoldenScreenTests.sizes) func journalResultsOfASettingsChange(width: Int, height: Int) throws {
        var entry = try JSONDecoder().decode(
            JournalEntry.self,
            from: Data(
                """
                {"id": 20, "idempotencyKey": "k20", "account": "acme-calls", "campaignID": "Evenings",
                 "action": "createConfiguration", "partial": false, "state": "done", "attempts": 1, "contactCount": 0,
                 "answeredCount": 0, "failedCount": 0, "rejectedCount": 0, "storage": "rows", "createdAt": 1800000000,
                 "updatedAt": 1800000002,
                 "settings": {"configuration": {"name": "Evenings", "retryLimit": 2}, "existingIDs": [],
                   "configurationID": "cfg-9", "outcome": "created configuration cfg-9"}}
                """.utf8))
        entry.createdAt = Fixtures.t0
        entry.updatedAt = Fixtures.t0.addingTimeInterval(2)
        var refused = entry
        refused.id = 21
        refused.action = .deleteConfiguration
        refused.campaignID = "cfg-1"
        refused.state = .failed
        refused.reason = "HTTP 409: Configuration is used by campaign Spring renewals (c1)"
        refused.settings = SettingsChange()
        var state = ChangeFixtures.campaignState(width: width, height: height)
        _ = CampaignSetupTests.keys(&state, [.character(":")] + "journal".map(Key.character) + [.enter])
        _ = update(&state, .change(.journalObserved([refused, entry])))
        _ = CampaignSetupTests.keys(&state, [.character("j"), .enter])
        _ = update(
            &state,
            .change(
                .resultsObserved(
                    entryID: 20, filter: .all, offset: 0,
                    EntryResults(entry: entry, counts: [:], offset: 0, rows: []))))
        expectGolden(state, "results-settings-done")
        _ = CampaignSetupTests.keys(&state, [.escape, .character("k"), .enter])
        _ = update(
            &state,
            .change(
                .resultsObserved(
                    entryID: 21, filter: .all, offset: 0,
                    EntryResults(entry: refused, counts: [:], offset: 0, rows: []))))
        expectGolden(state, "results-settings-failed")
    }
}
