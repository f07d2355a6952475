import Foundation
import Testing

@testable import SwitchboardCore

/// `token_command`: the first line a shell command prints becomes the account's credential.
@Suite struct TokenCommandTests {
    func parse(_ command: String, environment: [String: String] = [:]) throws -> AccountsFile {
        let text = "[accounts.x]\nvendor = \"anyreach\"\ntoken_command = \(command)\n"
        return try AccountsFile.parse(text, path: "c.toml", fileMode: 0o644, environment: environment)
    }

    @Test func takesTheFirstLineTrimmed() throws {
        let file = try parse(#"'printf "  ak_cmd.secret \nsecond line\n"'"#)
        #expect(file.accounts[0].credential.revealed == "ak_cmd.secret")
        #expect(file.accounts[0].credentialSource == .command(#"printf "  ak_cmd.secret \nsecond line\n""#))
    }

    @Test func seesTheEnvironmentGiven() throws {
        let file = try parse(#""echo $PASS_ENTRY""#, environment: ["PASS_ENTRY": "ak_from_env", "PATH": "/usr/bin:/bin"])
        #expect(file.accounts[0].credential.revealed == "ak_from_env")
    }

    @Test func failureNamesLineAndKeyButNeverTheOutput() {
        let error = #expect(throws: ConfigError.self) {
            try parse(#""echo ak_leaked_secret; echo ak_stderr_secret >&2; exit 3""#)
        }
        #expect(error?.line == 3)
        #expect(error?.key == "accounts.x.token_command")
        #expect(error?.message.contains("exit status 3") == true)
        #expect(error?.description.contains("ak_leaked_secret") == false)
        #expect(error?.description.contains("ak_stderr_secret") == false)
    }

    @Test func emptyOutputIsRefused() {
        let error = #expect(throws: ConfigError.self) { try parse(#""true""#) }
        #expect(error?.message.contains("printed nothing") == true)
    }

    @Test func exactlyOneSource() {
        let text = "[accounts.x]\nvendor = \"anyreach\"\ntoken_env = \"T\"\ntoken_command = \"echo a\"\n"
        let error = #expect(throws: ConfigError.self) {
            try AccountsFile.parse(text, path: "c.toml", fileMode: 0o600, environment: ["T": "t"])
        }
        #expect(error?.key == "accounts.x.token_command")
        #expect(error?.line == 4)
    }

    @Test func slowCommandTimesOut() throws {
        let started = Date()
        #expect(throws: CredentialCommand.Failure.self) {
            try CredentialCommand(command: "sleep 5", environment: [:]).run(timeout: .milliseconds(200))
        }
        #expect(Date().timeIntervalSince(started) < 4)
    }

    @Test func describedWithoutTheSecret() throws {
        let file = try parse(#""printf ak_%s hidden""#)
        #expect(file.accounts[0].credential.revealed == "ak_hidden")
        #expect(file.accounts[0].credentialSource.description == "command `printf ak_%s hidden`")
        #expect(!"\(file.accounts[0])".contains("ak_hidden"))
    }
}
