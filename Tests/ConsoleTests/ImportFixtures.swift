import Foundation
import SwitchboardCore

@testable import Console

/// Console states of the bulk import, built message by message over campaign c2.
enum ImportFixtures {
    static let columns = ["Email", "Mobile", "First Name", "Surname", "CRM id", "Notes"]

    static var header: ImportHeader {
        ImportHeader(
            path: "~/leads/spring.csv", format: .csv, columns: columns,
            fields: ColumnMapping.autoFields(header: columns))
    }

    static func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        keys.flatMap { update(&state, .key($0)) }
    }

    /// `i` pressed and `~/le` typed, then Tab answered with three candidates.
    static func pathState(width: Int, height: Int) -> AppState {
        var state = ChangeFixtures.campaignState(width: width, height: height)
        _ = update(&state, .key(.character("i")))
        ChangeFixtures.type(&state, "~/leads/sp")
        _ = update(&state, .key(.tab))
        let listing = PathListing(
            typed: "~/leads/sp", matches: ["spring-2025/", "spring.csv", "spring-东京 🌸.csv", "sp\u{1B}[2Jam.csv"])
        _ = update(&state, .bulkImport(.pathsListed(.success(listing))))
        return state
    }

    /// The path chosen and the header read: the mapping, with Mobile's row selected.
    static func mappingState(width: Int, height: Int) -> AppState {
        var state = ChangeFixtures.campaignState(width: width, height: height)
        _ = update(&state, .key(.character("i")))
        ChangeFixtures.type(&state, "~/leads/spring.csv")
        _ = update(&state, .key(.enter))
        let generation = state.importFlow!.generation
        _ = update(&state, .bulkImport(.headerRead(generation: generation, .success(header))))
        _ = press(&state, .down, .down, .down, .right)
        return state
    }

    static var prediction: ImportPrediction {
        var prediction = ImportPrediction(keep: 50)
        let contacts = (0..<30).map { Contact(externalID: "crm-\($0)", phoneNumbers: ["+1415555\(1000 + $0)"]) }
        let problems = [
            ImportProblem(file: "spring.csv", line: 7, column: "Email", reason: "\"ana@@example\" is not an email address"),
            ImportProblem(file: "spring.csv", line: 19, column: "Mobile", reason: "\"12\" is not a phone number"),
            ImportProblem(file: "spring.csv", line: 23, reason: "the row has 5 fields; the header has 6"),
            ImportProblem(
                file: "spring.csv", line: 41, column: "Notes", reason: "an unclosed quote \u{1B}[31m runs to the end"),
        ]
        prediction.add(
            ImportBatch(contacts: contacts, rowNumbers: Array(2..<32), problems: problems),
            cached: (0..<30).map { $0 % 3 == 0 }, action: .upsert)
        return prediction
    }

    /// The mapping checked: the dry run's summary with its rejects.
    static func summaryState(width: Int, height: Int) -> AppState {
        var state = mappingState(width: width, height: height)
        _ = update(&state, .key(.enter))
        _ = update(&state, .bulkImport(.checked(generation: state.importFlow!.generation, .success(prediction))))
        return state
    }

    /// Confirmed, journaled, a third sent, one retry.
    static func progressState(width: Int, height: Int) -> AppState {
        var state = summaryState(width: width, height: height)
        _ = update(&state, .key(.enter))
        _ = update(&state, .bulkImport(.journaled(entryID: 21, contacts: 30, rejected: 4)))
        let progress = SyncProgress(
            done: 10, total: 30, failed: 1, state: .sending, contactsPerSecond: 4.2, secondsLeft: 4.8)
        _ = update(&state, .bulkImport(.progress(entryID: 21, progress)))
        let retry = SyncRetry(contacts: 10, reason: "HTTP 500: Internal Server Error (injected)", wait: 0.37)
        _ = update(&state, .bulkImport(.retrying(entryID: 21, retry)))
        return state
    }
}
