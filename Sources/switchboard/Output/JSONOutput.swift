import Foundation
import SwitchboardCore

/// `--json` output: one JSON document on standard output. Documents are built as
/// `JSONValue` so an absent value prints as `null` and every key is always there; keys are
/// sorted, so the same answer always prints the same text.
enum JSONOutput {
    /// Prints `value` as one pretty-printed document.
    static func print(_ value: JSONValue) throws {
        Swift.print(try text(value, formatting: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]))
    }

    /// Prints `value` on one line (a stream of documents, as `stats --watch --json` writes).
    static func printLine(_ value: JSONValue) throws {
        Swift.print(try text(value, formatting: [.sortedKeys, .withoutEscapingSlashes]))
        fflush(nil)
    }

    private static func text(_ value: JSONValue, formatting: JSONEncoder.OutputFormatting) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = formatting
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

extension JSONValue {
    /// A string, or `null`.
    static func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    /// An integer, or `null`.
    static func int(_ value: Int?) -> JSONValue { value.map { .number(Double($0)) } ?? .null }
    /// A list of strings.
    static func texts(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
    /// An ISO 8601 date, or `null`.
    static func date(_ value: Date?) -> JSONValue {
        value.map { .string($0.formatted(.iso8601)) } ?? .null
    }
}
