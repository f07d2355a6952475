import Foundation
import TOMLKit

/// The accounts file (`config.toml`): one `[accounts.NAME]` table per vendor account.
///
/// ```toml
/// [accounts.acme-calls]
/// vendor = "anyreach"
/// base_url = "https://api.anyreach.ai"
/// token = "ak_..."            # or token_env = "NAME", or token_command = "pass show acme"
/// org = "org_123"
/// default_country_code = "+1"
/// campaigns = ["..."]        # Replify only
/// api_version = "v4"          # Reply.io only: "v4" (X-API-Key, default) or "v3" (Bearer)
/// readonly = true             # the console offers no change to this account
/// ```
public struct AccountsFile: Sendable {
    public var path: String
    /// Accounts in the order of their names.
    public var accounts: [Account]

    static let allowedKeys: Set<String> = [
        "vendor", "base_url", "token", "token_env", "token_command", "org", "default_country_code", "campaigns",
        "api_version", "readonly",
    ]

    /// The longest a `token_command` may run before it is stopped and the file refused.
    public static let tokenCommandTimeout: Duration = .seconds(10)

    /// Where the accounts file is: `$SWITCHBOARD_CONFIG`, else
    /// `$XDG_CONFIG_HOME/switchboard/config.toml`, else `~/.config/switchboard/config.toml`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["SWITCHBOARD_CONFIG"], !path.isEmpty { return path }
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty { return config + "/switchboard/config.toml" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.config/switchboard/config.toml"
    }

    /// Reads and checks the file at `path` (default: `defaultPath`).
    public static func load(
        path: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> AccountsFile {
        let path = path ?? defaultPath(environment: environment)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(
                file: path,
                message: FileManager.default.fileExists(atPath: path)
                    ? "cannot read the accounts file" : "no accounts file here; create one (see README) or set SWITCHBOARD_CONFIG")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, message: "the accounts file is not UTF-8 text")
        }
        let mode = (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? 0o600
        return try parse(text, path: path, fileMode: mode, environment: environment)
    }

    /// Parses accounts file text; `fileMode` decides whether inline tokens are allowed.
    public static func parse(
        _ text: String, path: String, fileMode: Int, environment: [String: String]
    ) throws -> AccountsFile {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(file: path, line: error.source.begin.line, message: "not valid TOML: \(error.description)")
        }
        let locator = TOMLLocator(text: text)
        for key in table.keys where key != "accounts" {
            throw ConfigError(
                file: path, line: locator.line(table: [], key: key) ?? locator.line(table: [key]), key: key,
                message: "unknown top-level key; accounts go in [accounts.NAME] tables")
        }
        guard let accountsTable = table["accounts"]?.table else {
            throw ConfigError(
                file: path, line: locator.line(table: [], key: "accounts"), key: "accounts",
                message: table["accounts"] == nil ? "no [accounts.NAME] table" : "`accounts` must be a table")
        }
        var accounts: [Account] = []
        for name in accountsTable.keys.sorted() {
            let where_ = ["accounts", name]
            guard let entry = accountsTable[name]?.table else {
                throw ConfigError(
                    file: path, line: locator.line(table: ["accounts"], key: name), key: "accounts.\(name)",
                    message: "must be a table ([accounts.\(name)])")
            }
            let reader = AccountReader(
                name: name, table: entry, path: path, locator: locator, tablePath: where_, fileMode: fileMode,
                environment: environment)
            accounts.append(try reader.account())
        }
        if accounts.isEmpty {
            throw ConfigError(file: path, line: locator.line(table: ["accounts"]), key: "accounts", message: "no accounts defined")
        }
        return AccountsFile(path: path, accounts: accounts)
    }

    /// The account called `name`; with no name, the only account (an error when there are several).
    public func account(named name: String?) throws -> Account {
        if let name {
            guard let account = accounts.first(where: { $0.name == name }) else {
                throw ConfigError(
                    file: path, key: "accounts.\(name)",
                    message: "no such account; known: \(accounts.map(\.name).joined(separator: ", "))")
            }
            return account
        }
        guard accounts.count == 1 else {
            throw ConfigError(
                file: path,
                message: "\(accounts.count) accounts defined; pick one with --account (\(accounts.map(\.name).joined(separator: ", ")))")
        }
        return accounts[0]
    }
}

/// Reads one `[accounts.NAME]` table, with errors that point at the offending key.
private struct AccountReader {
    let name: String
    let table: TOMLTable
    let path: String
    let locator: TOMLLocator
    let tablePath: [String]
    let fileMode: Int
    let environment: [String: String]

    func error(_ key: String?, _ message: String) -> ConfigError {
        ConfigError(
            file: path, line: locator.line(table: tablePath, key: key),
            key: (tablePath + (key.map { [$0] } ?? [])).joined(separator: "."), message: message)
    }

    func string(_ key: String) throws -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string else { throw error(key, "must be a string") }
        return text
    }

    func account() throws -> Account {
        for key in table.keys where !AccountsFile.allowedKeys.contains(key) {
            throw error(key, "unknown key (known: \(AccountsFile.allowedKeys.sorted().joined(separator: ", ")))")
        }
        guard let vendorName = try string("vendor") else { throw error(nil, "missing `vendor`") }
        guard let vendor = Vendor(rawValue: vendorName) else {
            throw error(
                "vendor",
                "unknown vendor \"\(vendorName)\" (expected \(Vendor.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let baseURL = try string("base_url")
        if let baseURL { try checkBaseURL(baseURL) }
        let (source, secret) = try credential()
        let organization = try string("org")
        if secret.revealed.hasPrefix("pat_"), vendor == .anyreach, organization == nil {
            throw error("org", "an Anyreach personal token (pat_) needs `org`, the organization id")
        }
        var campaigns: [String] = []
        if let value = table["campaigns"] {
            guard let array = value.array else { throw error("campaigns", "must be a list of strings") }
            for item in array {
                guard let id = item.string else { throw error("campaigns", "must be a list of strings") }
                campaigns.append(id)
            }
        }
        let countryCode = try string("default_country_code")
        if let countryCode, countryCode.range(of: #"^\+[1-9][0-9]{0,3}$"#, options: .regularExpression) == nil {
            throw error("default_country_code", "\"\(countryCode)\" is not a country code like \"+1\" or \"+44\"")
        }
        let apiVersion = try string("api_version")
        if let apiVersion {
            guard vendor == .replyio else {
                throw error("api_version", "only Reply.io accounts have an API version")
            }
            let known = ReplyIOAPIVersion.allCases.map(\.rawValue)
            guard known.contains(apiVersion) else {
                throw error("api_version", "\"\(apiVersion)\" is not a Reply.io API version (expected \(known.joined(separator: " or ")))")
            }
        }
        var readonly = false
        if let value = table["readonly"] {
            guard let flag = value.bool else { throw error("readonly", "must be true or false") }
            readonly = flag
        }
        return Account(
            name: name, vendor: vendor, baseURL: baseURL, credentialSource: source, credential: secret,
            organization: organization, defaultCountryCode: countryCode, campaigns: campaigns, apiVersion: apiVersion,
            readonly: readonly)
    }

    /// The one secret source the account names: `token`, `token_env` or `token_command`.
    func credential() throws -> (CredentialSource, Secret) {
        let sources = [("token", try string("token")), ("token_env", try string("token_env")),
            ("token_command", try string("token_command"))].compactMap { key, value in value.map { (key, $0) } }
        guard let (key, value) = sources.first else {
            throw error(
                nil,
                "missing credential: set `token_env = \"NAME\"`, `token_command = \"...\"` (or `token` in a 0600 file)")
        }
        if sources.count > 1 {
            throw error(
                sources[1].0, "give exactly one of `token`, `token_env` and `token_command`, not \(sources.map { "`\($0.0)`" }.joined(separator: " and "))")
        }
        switch key {
        case "token":
            if fileMode & 0o077 != 0 {
                throw error(
                    "token",
                    "an inline token is refused because the file is readable by others (mode \(String(fileMode & 0o777, radix: 8))); run chmod 600 \(path) or use token_env")
            }
            guard !value.isEmpty else { throw error("token", "is empty") }
            return (.inline, Secret(value))
        case "token_env":
            guard let secret = environment[value], !secret.isEmpty else {
                throw error("token_env", "the environment variable \(value) is not set")
            }
            return (.environment(value), Secret(secret))
        default:
            guard !value.trimmingCharacters(in: .whitespaces).isEmpty else { throw error("token_command", "is empty") }
            do {
                let secret = try CredentialCommand(command: value, environment: environment)
                    .run(timeout: AccountsFile.tokenCommandTimeout)
                return (.command(value), secret)
            } catch let failure as CredentialCommand.Failure {
                throw error("token_command", failure.description)
            }
        }
    }

    func checkBaseURL(_ text: String) throws {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty
        else {
            throw error("base_url", "\"\(text)\" is not an http(s) URL")
        }
        switch scheme {
        case "https": return
        case "http":
            let loopback = host == "localhost" || host.hasPrefix("127.") || host == "::1" || host == "[::1]"
            if !loopback {
                throw error("base_url", "plain http is allowed only for loopback hosts (the sandbox); use https")
            }
        default:
            throw error("base_url", "\"\(text)\" is not an http(s) URL")
        }
    }
}
