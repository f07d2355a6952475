import Foundation
import SwitchboardCore
import Testing

@testable import Console

/// The contact form, the removal dialog, the journal and the results at 80×24 and 120×40.
@Suite struct ChangeGoldenTests {
    @Test(arguments: GoldenScreenTests.sizes) func formValid(width: Int, height: Int) {
        expectGolden(ChangeFixtures.editedFormState(width: width, height: height), "form-valid")
    }

    @Test(arguments: GoldenScreenTests.sizes) func formInvalid(width: Int, height: Int) {
        var state = ChangeFixtures.editedFormState(width: width, height: height)
        ChangeFixtures.focus(&state, "Email")
        ChangeFixtures.type(&state, "wang@@example")
        ChangeFixtures.focus(&state, "Timezone")
        ChangeFixtures.type(&state, "Asia/Tokio")
        _ = update(&state, .key(.enter))
        expectGolden(state, "form-invalid")
    }

    @Test(arguments: GoldenScreenTests.sizes) func formPreview(width: Int, height: Int) {
        var state = ChangeFixtures.editedFormState(width: width, height: height)
        let effects = update(&state, .key(.enter))
        guard case .change(.preview(_, let request))? = effects.first else {
            Issue.record("no preview asked for")
            return
        }
        let client = ChangeFixtures.client(.anyreach) as! any ContactFormVendor
        _ = update(&state, .change(.previewed(account: "acme-calls", client.requestPreview(request), problem: nil)))
        expectGolden(state, "form-preview")
    }

    @Test(arguments: GoldenScreenTests.sizes) func removalDialog(width: Int, height: Int) {
        var state = ChangeFixtures.campaignState(width: width, height: height)
        _ = update(&state, .key(.character("d")))
        expectGolden(state, "remove-confirm")
    }

    @Test(arguments: GoldenScreenTests.sizes) func journal(width: Int, height: Int) {
        var state = ChangeFixtures.resultsState(width: width, height: height)
        _ = update(&state, .key(.escape))
        expectGolden(state, "journal")
    }

    @Test(arguments: GoldenScreenTests.sizes) func results(width: Int, height: Int) {
        expectGolden(ChangeFixtures.resultsState(width: width, height: height), "results")
    }
}
