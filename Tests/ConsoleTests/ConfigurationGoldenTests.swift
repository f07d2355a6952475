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
        _ = CampaignSetupTests.keys(&state, [.character("e"), .down, .down, .down, .backspace, .character("5"), .enter])
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
}
