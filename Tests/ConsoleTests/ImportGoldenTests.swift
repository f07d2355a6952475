import Foundation
import SwitchboardCore
import Testing

@testable import Console

/// The import's steps at 80×24 and 120×40: the path with completion candidates, the
/// mapping, the dry run's summary with rejects, and the progress of the send.
@Suite struct ImportGoldenTests {
    @Test(arguments: GoldenScreenTests.sizes) func path(width: Int, height: Int) {
        expectGolden(ImportFixtures.pathState(width: width, height: height), "import-path")
    }

    @Test(arguments: GoldenScreenTests.sizes) func mapping(width: Int, height: Int) {
        var state = ImportFixtures.mappingState(width: width, height: height)
        _ = update(&state, .key(.down))
        _ = update(&state, .key(.character("=")))
        expectGolden(state, "import-mapping")
    }

    @Test(arguments: GoldenScreenTests.sizes) func summary(width: Int, height: Int) {
        expectGolden(ImportFixtures.summaryState(width: width, height: height), "import-summary")
    }

    @Test(arguments: GoldenScreenTests.sizes) func progress(width: Int, height: Int) {
        expectGolden(ImportFixtures.progressState(width: width, height: height), "import-progress")
    }
}
