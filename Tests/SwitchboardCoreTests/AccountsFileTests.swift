import Foundation
import Testing

@testable import SwitchboardCore

@Suite struct AccountsFileTests {
    let sample = """
        # two accounts
        [accounts.acme-calls]
        vendor = "anyreach"
        base_url = "https://api.anyreach.ai"
        token = "ak_123.secret"
        default_country_code = "+1"

        [accounts.libby]
        vendor = "replify"
        token_env = "REPLIFY_KEY"
        campaigns = ["0b6f1c1e-0000-4000-8000-000000000001"]
        """

    @Test func parsesAccountsInNameOrder() throws {
        let file = try AccountsFile.parse(sample, path: "c.toml", fileMode: 0o600, environment: ["REPLIFY_KEY": "rk_1"])
        #expect(file.accounts.map(\.name) == ["acme-calls", "libby"])
        let acme = file.accounts[0]
        #expect(acme.vendor == .anyreach)
        #expect(acme.baseURL == "https://api.anyreach.ai")
        #expect(acme.credential.revealed == "ak_123.secret")
        #expect(acme.credentialSource == .inline)
        #expect(acme.defaultCountryCode == "+1")
        let libby = file.accounts[1]
        #expect(libby.baseURL == Vendor.replify.defaultBaseURL)
        #expect(libby.credentialSource == .environment("REPLIFY_KEY"))
        #expect(libby.credential.revealed == "rk_1")
        #expect(libby.campaigns == ["0b6f1c1e-0000-4000-8000-000000000001"])
    }

    @Test func inlineTokenRefusedUnlessMode0600() {
        let error = #expect(throws: ConfigError.self) {
            try AccountsFile.parse(sample, path: "c.toml", fileMode: 0o644, environment: ["REPLIFY_KEY": "x"])
        }
        #expect(error?.line == 5)
        #expect(error?.key == "accounts.acme-calls.token")
        #expect(error?.description.contains("chmod 600") == true)
        #expect(error?.description.contains("ak_123") == false)
    }

    @Test func unknownVendorNamesLineAndKey() {
        let text = "[accounts.x]\nvendor = \"dialmaster\"\ntoken_env = \"T\"\n"
        let error = #expect(throws: ConfigError.self) {
            try AccountsFile.parse(text, path: "/etc/sb.toml", fileMode: 0o600, environment: ["T": "v"])
        }
        #expect(error?.description == "/etc/sb.toml:2: accounts.x.vendor: unknown vendor \"dialmaster\" (expected anyreach, replify, campaignlark, replyio)")
    }

    @Test func malformedTOMLNamesTheLine() {
        let text = "[accounts.x]\nvendor = \"anyreach\"\ntoken = \"unterminated\n"
        let error = #expect(throws: ConfigError.self) {
            try AccountsFile.parse(text, path: "c.toml", fileMode: 0o600, environment: [:])
        }
        #expect(error?.line == 3)
        #expect(error?.description.hasPrefix("c.toml:3: not valid TOML") == true)
    }

    @Test func missingEnvironmentVariable() {
        let text = "[accounts.x]\nvendor = \"anyreach\"\ntoken_env = \"ANYREACH_TOKEN\"\n"
        let error = #expect(throws: ConfigError.self) {
            try AccountsFile.parse(text, path: "c.toml", fileMode: 0o644, environment: [:])
        }
        #expect(error?.line == 3)
        #expect(error?.message == "the environment variable ANYREACH_TOKEN is not set")
    }

    @Test func refusesBothOrNoCredential() {
        let both = "[accounts.x]\nvendor = \"anyreach\"\ntoken = \"a\"\ntoken_env = \"B\"\n"
        #expect(throws: ConfigError.self) {
            try AccountsFile.parse(both, path: "c.toml", fileMode: 0o600, environment: ["B": "b"])
        }
        let none = "[accounts.x]\nvendor = \"anyreach\"\n"
        let error = #expect(throws: ConfigError.self) {
            try AccountsFile.parse(none, path: "c.toml", fileMode: 0o600, environment: [:])
        }
        #expect(error?.line == 1)
    }

    @Test func personalTokenNeedsOrg() {
        let text = "[accounts.x]\nvendor = \"anyreach\"\ntoken = \"pat_abc\"\n"
        let error = #expect(throws: ConfigError.self) {
            try AccountsFile.parse(text, path: "c.toml", fileMode: 0o600, environment: [:])
        }
        #expect(error?.key == "accounts.x.org")
        #expect(error?.description.contains("pat_abc") == false)
    }

    @Test func unknownKeyAndBadValues() {
        let typo = "[accounts.x]\nvendor = \"anyreach\"\ntoken_env = \"T\"\nbase_ulr = \"https://a\"\n"
        let error = #expect(throws: ConfigError.self) {
            try AccountsFile.parse(typo, path: "c.toml", fileMode: 0o600, environment: ["T": "v"])
        }
        #expect(error?.line == 4)
        #expect(error?.key == "accounts.x.base_ulr")

        let http = "[accounts.x]\nvendor = \"anyreach\"\ntoken_env = \"T\"\nbase_url = \"http://api.example.com\"\n"
        #expect(throws: ConfigError.self) {
            try AccountsFile.parse(http, path: "c.toml", fileMode: 0o600, environment: ["T": "v"])
        }
        let loopback = "[accounts.x]\nvendor = \"anyreach\"\ntoken_env = \"T\"\nbase_url = \"http://127.0.0.1:8089/anyreach\"\n"
        let file = try? AccountsFile.parse(loopback, path: "c.toml", fileMode: 0o600, environment: ["T": "v"])
        #expect(file?.accounts.first?.baseURL == "http://127.0.0.1:8089/anyreach")

        let code = "[accounts.x]\nvendor = \"anyreach\"\ntoken_env = \"T\"\ndefault_country_code = \"1\"\n"
        let codeError = #expect(throws: ConfigError.self) {
            try AccountsFile.parse(code, path: "c.toml", fileMode: 0o600, environment: ["T": "v"])
        }
        #expect(codeError?.line == 4)
    }

    @Test func replyIOAPIVersion() throws {
        let v3 = "[accounts.r]\nvendor = \"replyio\"\ntoken_env = \"T\"\napi_version = \"v3\"\n"
        let file = try AccountsFile.parse(v3, path: "c.toml", fileMode: 0o600, environment: ["T": "v"])
        #expect(file.accounts.first?.apiVersion == "v3")
        #expect(file.accounts.first?.baseURL == "https://api.reply.io")
        let standard = "[accounts.r]\nvendor = \"replyio\"\ntoken_env = \"T\"\n"
        #expect(try AccountsFile.parse(standard, path: "c.toml", fileMode: 0o600, environment: ["T": "v"]).accounts.first?.apiVersion == nil)

        let unknown = "[accounts.r]\nvendor = \"replyio\"\ntoken_env = \"T\"\napi_version = \"v5\"\n"
        let error = #expect(throws: ConfigError.self) {
            try AccountsFile.parse(unknown, path: "c.toml", fileMode: 0o600, environment: ["T": "v"])
        }
        #expect(error?.description == "c.toml:4: accounts.r.api_version: \"v5\" is not a Reply.io API version (expected v4 or v3)")

        let notString = "[accounts.r]\nvendor = \"replyio\"\ntoken_env = \"T\"\napi_version = 4\n"
        let typeError = #expect(throws: ConfigError.self) {
            try AccountsFile.parse(notString, path: "c.toml", fileMode: 0o600, environment: ["T": "v"])
        }
        #expect(typeError?.line == 4)
        #expect(typeError?.message == "must be a string")

        let wrongVendor = "[accounts.a]\nvendor = \"anyreach\"\ntoken_env = \"T\"\napi_version = \"v4\"\n"
        let vendorError = #expect(throws: ConfigError.self) {
            try AccountsFile.parse(wrongVendor, path: "c.toml", fileMode: 0o600, environment: ["T": "v"])
        }
        #expect(vendorError?.line == 4)
        #expect(vendorError?.key == "accounts.a.api_version")
        #expect(AccountsFile.allowedKeys.contains("api_version"))
    }

    @Test func defaultPathFollowsEnvironment() {
        #expect(AccountsFile.defaultPath(environment: ["SWITCHBOARD_CONFIG": "/a.toml", "HOME": "/h"]) == "/a.toml")
        #expect(AccountsFile.defaultPath(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/switchboard/config.toml")
        #expect(AccountsFile.defaultPath(environment: ["HOME": "/h"]) == "/h/.config/switchboard/config.toml")
    }

    @Test func loadsFromDiskCheckingTheRealMode() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sb-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("config.toml").path
        try SecureFile.write("[accounts.a]\nvendor = \"anyreach\"\ntoken = \"ak_1.s\"\n", to: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let directoryMode = try FileManager.default.attributesOfItem(atPath: directory.path)[.posixPermissions] as? Int
        #expect(directoryMode == 0o700)
        #expect(try AccountsFile.load(path: path, environment: [:]).accounts.count == 1)
        chmod(path, 0o644)
        #expect(throws: ConfigError.self) { try AccountsFile.load(path: path, environment: [:]) }
        #expect(throws: ConfigError.self) { try AccountsFile.load(path: path + ".missing", environment: [:]) }
    }

    @Test func pickingAnAccount() throws {
        let file = try AccountsFile.parse(sample, path: "c.toml", fileMode: 0o600, environment: ["REPLIFY_KEY": "k"])
        #expect(try file.account(named: "libby").vendor == .replify)
        #expect(throws: ConfigError.self) { try file.account(named: nil) }
        #expect(throws: ConfigError.self) { try file.account(named: "nope") }
    }
}
