import Foundation
import Logging
import SwitchboardCore
import Synchronization
import Testing

@testable import Console

/// The real loop on a fake terminal, with the real effect runner over a temporary store:
/// keys in, frames out, and each way it stops.
@Suite struct ConsoleLoopTests {
    /// A loop running on its own thread, as the console runs it.
    final class Running: Sendable {
        let terminal: FakeTerminal
        let inbox: Inbox
        private let exit = Mutex<ConsoleExit?>(nil)
        private let directory: String

        init(width: Int = 80, height: Int = 24) async throws {
            directory = NSTemporaryDirectory() + "switchboard-loop-" + UUID().uuidString
            let store = try Store.open(directory: directory)
            try await store.saveCampaigns(
                Fixtures.campaigns.map { Campaign(id: $0.id, name: $0.name, state: .active) }, account: "acme-calls",
                seenAt: Fixtures.t0)
            terminal = try FakeTerminal(width: width, height: height)
            inbox = try Inbox()
            let runner = EffectRunner(clients: [:], store: store, inbox: inbox, logger: Logger(label: "test"))
            let state = AppState(accounts: Fixtures.accounts, width: 1, height: 1, now: Fixtures.t0)
            Thread { [self] in
                let loop = ConsoleLoop(terminal: terminal, inbox: inbox, runner: runner, state: state)
                let result = loop.run()
                runner.cancelAll()
                exit.withLock { $0 = result }
            }.start()
        }

        deinit { try? FileManager.default.removeItem(atPath: directory) }

        /// Waits up to 10 s for `condition` on the screen's lines.
        func waitFor(_ what: String, _ condition: ([String]) -> Bool) async throws {
            for _ in 0..<500 {
                if condition(terminal.text.lines) { return }
                try await Task.sleep(for: .milliseconds(20))
            }
            let screen = terminal.text.lines.joined(separator: "\n")
            Issue.record("timed out waiting for \(what); screen:\n\(screen)")
        }

        func waitFor(_ text: String) async throws {
            try await waitFor(text) { $0.contains { $0.contains(text) } }
        }

        /// Waits up to 10 s for the loop to return.
        func exited() async throws -> ConsoleExit? {
            for _ in 0..<500 {
                if let result = exit.withLock({ $0 }) { return result }
                try await Task.sleep(for: .milliseconds(20))
            }
            return nil
        }
    }

    @Test func keysGoInFramesComeOutAndQReturnsQuit() async throws {
        let console = try await Running()
        try await console.waitFor("Spring renewals")
        #expect(console.terminal.text.lines.first?.hasPrefix(" Switchboard │ acme-calls") == true)
        try await console.waitFor("no client for account acme-calls")
        console.terminal.send([.key(.character("/")), .key(.character("Z")), .key(.character("o")), .key(.enter)])
        try await console.waitFor("the filter to leave one campaign") { lines in
            !lines.contains { $0.contains("Spring renewals") } && lines.contains { $0.contains("Zoë’s 东京") }
        }
        console.terminal.send([.key(.enter)])
        try await console.waitFor(" Contacts ")
        try await console.waitFor("Zoë’s 东京 callbacks")
        let frames = console.terminal.text.frames
        console.terminal.send([.key(.character("q"))])
        #expect(try await console.exited() == .quit)
        #expect(console.terminal.text.frames == frames, "no frame after quitting")
    }

    @Test func theEndOfInputStopsTheLoop() async throws {
        let console = try await Running()
        try await console.waitFor("Spring renewals")
        console.terminal.closeInput()
        #expect(try await console.exited() == .endOfInput)
    }

    @Test func aStopSignalStopsTheLoop() async throws {
        let console = try await Running()
        try await console.waitFor("Spring renewals")
        console.inbox.requestStop(signal: SIGTERM)
        #expect(try await console.exited() == .signal(SIGTERM))
        #expect(ConsoleExit.signal(SIGTERM).status == 143)
    }

    @Test func aResizeRedrawsAtTheNewSize() async throws {
        let console = try await Running(width: 80, height: 24)
        try await console.waitFor("Spring renewals")
        console.terminal.resizeWindow(width: 100, height: 30)
        console.inbox.requestResize()
        try await console.waitFor("30 rows of 100") { $0.count == 30 && $0[0].count == 100 }
        try await console.waitFor("the footer on the new last rows") { $0.count == 30 && $0[28].contains("quit") }
        console.terminal.resizeWindow(width: 40, height: 10)
        console.inbox.requestResize()
        try await console.waitFor("Switchboard needs at least")
        console.terminal.send([.key(.character("q"))])
        #expect(try await console.exited() == .quit)
    }
}
