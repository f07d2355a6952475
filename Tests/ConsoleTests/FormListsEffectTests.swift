import Foundation
import Logging
import SwitchboardCore
import Testing
import VendorSandbox

@testable import Console

/// The contact form's lists effect: the runner reads the vendor's tags and fields off the
/// console's thread (a live sandbox here) and posts them as a message.
@Suite struct FormListsEffectTests {
    @Test func theRunnerReadsCampaignLarksTagsAndFields() async throws {
        var options = SandboxOptions()
        options.port = 0
        options.dialerEnabled = false
        options.demoContactCount = 0
        var quiet = Logger(label: "switchboard.test")
        quiet.logLevel = .critical
        let logger = quiet
        try await Sandbox.withRunning(options, logger: quiet) { base in
            let port = Int(base.split(separator: ":").last!)!
            let text = Sandbox(options: SandboxOptions()).accountsFile(host: "127.0.0.1", port: port)
            let file = try AccountsFile.parse(text, path: "sandbox.toml", fileMode: 0o600, environment: [:])
            let lark = try #require(file.accounts.first { $0.vendor == .campaignlark })
            let anyreach = try #require(file.accounts.first { $0.vendor == .anyreach })
            let transport = AsyncHTTPTransport()
            defer { Task { try? await transport.shutdown() } }
            let directory = NSTemporaryDirectory() + "switchboard-lists-" + UUID().uuidString
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let store = try Store.open(directory: directory)
            let inbox = try Inbox()
            let runner = EffectRunner(
                clients: [
                    lark.name: try VendorRegistry.client(for: lark, transport: transport),
                    anyreach.name: try VendorRegistry.client(for: anyreach, transport: transport),
                ],
                accounts: file.accounts, store: store, inbox: inbox, logger: logger)

            for account in [lark.name, anyreach.name, "missing"] {
                runner.run(.change(.fetchFormLists(account: account)))
            }
            var answers: [String: Result<ContactFormLists?, Failure>] = [:]
            for _ in 0..<600 where answers.count < 3 {
                for message in inbox.takeAll() {
                    if case .change(.formListsFetched(let account, let result)) = message { answers[account] = result }
                }
                try await Task.sleep(for: .milliseconds(20))
            }
            let lists = try #require(try answers[lark.name]?.get())
            #expect(lists.tags.contains(ContactFormLists.Tag(id: 2, name: "vip")))
            #expect(lists.fields.contains { $0.key == "birthday" && $0.kind == .date && $0.needsRow })
            #expect(lists.fields.contains { $0.key == "last_name" && !$0.needsRow })
            #expect(try answers[anyreach.name]?.get() == .some(nil), "Anyreach keeps no lists")
            guard case .failure(let failure)? = answers["missing"] else {
                Issue.record("no failure for an account without a client: \(String(describing: answers["missing"]))")
                return
            }
            #expect(failure.message.contains("no client for account missing"))
        }
    }
}
