import Foundation
import Testing

@testable import Console
@testable import SwitchboardCore

/// The README's generated tables match the code, and its accounts-file examples parse.
@Suite struct ReadmeTests {
    static let readmePath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("README.md").path

    static func readme() throws -> String {
        try String(contentsOfFile: readmePath, encoding: .utf8)
    }

    @Test(arguments: GeneratedReadme.parts.map(\.name))
    func generatedTableIsUpToDate(_ name: String) throws {
        let current = try #require(
            GeneratedReadme.current(name, in: try Self.readme()),
            "README.md has no <!-- \(name):begin --> / <!-- \(name):end --> lines")
        let expected = try #require(GeneratedReadme.expected(name))
        if current != expected {
            let (have, want) = (current.components(separatedBy: "\n"), expected.components(separatedBy: "\n"))
            let differing = (0..<max(have.count, want.count)).first { index in
                (index < have.count ? have[index] : nil) != (index < want.count ? want[index] : nil)
            }!
            Issue.record(
                """
                README.md's \(name) table is out of date with the code; run scripts/readme-keys and commit README.md.
                First difference, line \(differing + 1) of the table:
                  README: \(differing < have.count ? have[differing] : "(missing)")
                  code:   \(differing < want.count ? want[differing] : "(missing)")
                """)
        }
    }

    @Test func keysTableHasARowPerBindingAndMarksChanges() {
        let rows = KeyRegistry.markdown.split(separator: "\n").dropFirst(2)
        #expect(rows.count == KeyRegistry.bindings.count)
        for (row, binding) in zip(rows, Self.inTableOrder(KeyRegistry.bindings)) {
            #expect(row.hasPrefix("| \(binding.context.rawValue) | "))
            #expect(row.contains(binding.summary.replacingOccurrences(of: "|", with: "\\|")))
            #expect(row.hasSuffix(binding.changes ? "| refused (changes data) |" : "|  |"))
        }
        #expect(rows.contains { $0 == "| Everywhere | `j` `↓` | down |  |" })
    }

    @Test func capabilitiesTableMarksWhatEachClientCan() throws {
        let rows = CapabilityTable.markdown.split(separator: "\n").map {
            $0.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        #expect(Array(rows[0][2...5]) == Vendor.allCases.map(\.displayName))
        #expect(rows.count == 2 + VendorCapabilities.each.count)
        for (row, capability) in zip(rows.dropFirst(2), VendorCapabilities.each) {
            #expect(row[1] == "`\(capability.description)`")
            for (column, vendor) in Vendor.allCases.enumerated() {
                let client = ChangeFixtures.client(vendor)
                #expect(row[2 + column] == (client.capabilities.contains(capability) ? "yes" : "—"))
            }
        }
        let stats = try #require(rows.first { $0[1] == "`stats`" })
        #expect(Array(stats[2...5]) == ["yes", "—", "—", "—"])
    }

    @Test func everyCapabilityIsDescribed() {
        for capability in VendorCapabilities.each {
            let use = CapabilityTable.use(of: capability)
            #expect(use?.isEmpty == false, "add what \(capability) gives to CapabilityTable.uses")
        }
    }

    @Test func capabilityDescriptionsNameTheRegistrysKeys() {
        #expect(CapabilityTable.use(of: .campaignLifecycle)?.hasPrefix("`t`, `p` and `c`") == true)
        #expect(CapabilityTable.use(of: .deleteContact)?.hasPrefix("`d` deletes") == true)
    }

    @Test func clientsReportTheRegistrysCapabilities() {
        for vendor in Vendor.allCases {
            #expect(ChangeFixtures.client(vendor).capabilities == VendorRegistry.capabilities(of: vendor))
        }
    }

    @Test func regeneratingRewritesOnlyBetweenTheMarkers() throws {
        let readme = """
            # Title
            <!-- keys:begin (generated) -->
            | stale |
            <!-- keys:end -->
            middle text
            <!-- capabilities:begin -->
            <!-- capabilities:end -->
            end

            """
        let regenerated = try GeneratedReadme.regenerated(readme)
        #expect(regenerated.hasPrefix("# Title\n<!-- keys:begin (generated) -->\n\n| Where |"))
        #expect(!regenerated.contains("| stale |"))
        #expect(regenerated.contains("\n\n<!-- keys:end -->\nmiddle text\n<!-- capabilities:begin -->\n\n| Capability |"))
        #expect(regenerated.hasSuffix("|\n\n<!-- capabilities:end -->\nend\n"))
        #expect(GeneratedReadme.current("keys", in: regenerated) == GeneratedReadme.expected("keys"))
        #expect(try GeneratedReadme.regenerated(regenerated) == regenerated)
    }

    @Test func regeneratingWithoutMarkersSaysWhichAreMissing() {
        let noCapabilities = "<!-- keys:begin -->\n<!-- keys:end -->\n"
        #expect(GeneratedReadme.current("capabilities", in: noCapabilities) == nil)
        #expect(throws: GeneratedReadme.MissingMarkers.self) { try GeneratedReadme.regenerated(noCapabilities) }
        #expect(GeneratedReadme.current("keys", in: "<!-- keys:begin -->\nno end\n") == nil)
    }

    @Test func markdownCellsEscapePipesAndBackticks() {
        #expect(MarkdownTable.code("|") == "`\\|`")
        #expect(MarkdownTable.code("`") == "`` ` ``")
        #expect(MarkdownTable.code("Esc") == "`Esc`")
        #expect(MarkdownTable.cell("a|b\nc") == "a\\|b c")
    }

    // MARK: - The accounts file

    /// The fenced TOML blocks between `<!-- NAME:begin -->` and `<!-- NAME:end -->`.
    static func tomlBlocks(_ name: String, in readme: String) throws -> [String] {
        let begin = try #require(readme.range(of: "<!-- \(name):begin -->"))
        let end = try #require(readme.range(of: "<!-- \(name):end -->", range: begin.upperBound..<readme.endIndex))
        return readme[begin.upperBound..<end.lowerBound].components(separatedBy: "```toml\n").dropFirst().map {
            String($0.components(separatedBy: "```")[0])
        }
    }

    /// Each README example parsed with the real parser, the way an operator's shell would
    /// give it its keys: `token_env` variables set, and a `pass` on the PATH for `token_command`.
    static func parsedExamples() throws -> [AccountsFile] {
        let blocks = try tomlBlocks("config-examples", in: try readme())
        let bin = FileManager.default.temporaryDirectory.appendingPathComponent("readme-bin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: bin) }
        let pass = bin.appendingPathComponent("pass")
        try "#!/bin/sh\necho \"key-from-pass-$2\"\n".write(to: pass, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: pass.path)
        return try blocks.enumerated().map { index, block in
            var environment = ["PATH": "\(bin.path):/usr/bin:/bin"]
            for name in try tokenEnvNames(block) { environment[name] = "key-from-\(name)" }
            // 0644: an example must work in a file others can read, so it holds no key.
            return try AccountsFile.parse(
                block, path: "README.md example \(index + 1)", fileMode: 0o644, environment: environment)
        }
    }

    @Test func accountsExamplesParseOnePerVendor() throws {
        let files = try Self.parsedExamples()
        #expect(files.map { Set($0.accounts.map(\.vendor)) } == Vendor.allCases.map { [$0] })
        for account in files.flatMap(\.accounts) {
            switch account.credentialSource {
            case .environment(let name): #expect(account.credential.revealed == "key-from-\(name)")
            case .command(let command):
                #expect(command.hasPrefix("pass show "))
                #expect(account.credential.revealed == "key-from-pass-\(command.dropFirst("pass show ".count))")
            case .inline: Issue.record("\(account.name): an example never holds a key")
            }
            #expect(account.baseURL == account.vendor.defaultBaseURL)
        }
    }

    @Test func accountsExamplesShowEachVendorsOwnKeys() throws {
        let accounts = try Self.parsedExamples().flatMap(\.accounts)
        let replify = try #require(accounts.first { $0.vendor == .replify })
        #expect(!replify.campaigns.isEmpty, "Replify lists no campaigns; its example must name some")
        #expect(accounts.contains { $0.vendor == .anyreach && $0.organization != nil })
        #expect(accounts.contains { $0.vendor == .replyio && $0.apiVersion == "v4" })
        #expect(accounts.contains { $0.readonly })
        #expect(accounts.contains { $0.defaultCountryCode == "+44" })
    }

    @Test func accountKeyListIsTheParsersKeys() throws {
        let readme = try Self.readme()
        let begin = try #require(readme.range(of: "<!-- account-keys:begin -->"))
        let end = try #require(readme.range(of: "<!-- account-keys:end -->"))
        let keys = readme[begin.upperBound..<end.lowerBound].split(separator: "\n").dropFirst(2).compactMap { row in
            row.split(separator: "|").first.map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["`"]) }
        }
        #expect(keys.count == Set(keys).count)
        #expect(Set(keys) == AccountsFile.allowedKeys)
    }

    /// The bindings in the keys table's order: by `KeyContext`, then registry order.
    static func inTableOrder(_ bindings: [KeyBinding]) -> [KeyBinding] {
        KeyContext.allCases.flatMap { context in bindings.filter { $0.context == context } }
    }

    /// The names `token_env = "NAME"` lines ask for.
    static func tokenEnvNames(_ toml: String) throws -> [String] {
        let pattern = try NSRegularExpression(pattern: #"token_env\s*=\s*"([^"]+)""#)
        return pattern.matches(in: toml, range: NSRange(toml.startIndex..., in: toml)).compactMap {
            Range($0.range(at: 1), in: toml).map { String(toml[$0]) }
        }
    }
}
