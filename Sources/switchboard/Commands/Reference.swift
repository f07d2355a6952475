import ArgumentParser
import Console
import Foundation

/// `switchboard reference`: the README's generated tables (hidden; `scripts/readme-keys` runs it).
struct ReferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reference",
        abstract: "Print the README's generated tables, or rewrite them in a README.",
        discussion: """
            Example:
              switchboard reference keys
              switchboard reference update README.md
            """,
        shouldDisplay: false,
        subcommands: [Keys.self, Capabilities.self, Update.self]
    )

    /// `switchboard reference keys`: every console key, as a Markdown table.
    struct Keys: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print every console key as a Markdown table (from the key registry).")

        func run() {
            print(KeyRegistry.markdown, terminator: "")
        }
    }

    /// `switchboard reference capabilities`: each vendor's capabilities, as a Markdown table.
    struct Capabilities: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print what each vendor can do as a Markdown table (from the clients' capabilities).")

        func run() {
            print(CapabilityTable.markdown, terminator: "")
        }
    }

    /// `switchboard reference update README.md`: rewrites every generated table in place.
    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rewrite the generated tables between their marker comments in a README, in place.")

        @Argument(help: "The README to rewrite.")
        var path: String = "README.md"

        func run() throws {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
            else { throw CommandFailure.usage("cannot read \(path)") }
            let updated: String
            do {
                updated = try GeneratedReadme.regenerated(text)
            } catch let error as GeneratedReadme.MissingMarkers {
                throw CommandFailure.usage("\(path): \(error.description)")
            }
            guard updated != text else {
                print("\(path): the generated tables are up to date")
                return
            }
            // Not atomically: the file keeps its mode and owner.
            try updated.write(toFile: path, atomically: false, encoding: .utf8)
            print("\(path): generated tables rewritten")
        }
    }
}
