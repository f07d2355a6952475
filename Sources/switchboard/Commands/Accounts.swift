import ArgumentParser
import Foundation
import SwitchboardCore

/// `switchboard accounts`: the accounts in the accounts file.
struct AccountsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accounts",
        abstract: "Show the accounts in the accounts file.",
        subcommands: [List.self]
    )

    /// `switchboard accounts list`: each account, where its secret comes from, and what its vendor can do.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List accounts: vendor, base URL, where the secret comes from, capabilities.",
            discussion: """
                The secret itself is never shown, only its source (inline, an environment variable, a command).

                Example:
                  switchboard accounts list
                  switchboard accounts list --json | jq -r '.accounts[].name'
                """
        )

        @OptionGroup var output: JSONFlag

        func run() async throws {
            let file = try AccountsFile.load()
            // Clients are made only to ask their capabilities; nothing is sent.
            let transport = AsyncHTTPTransport()
            let rows: [(Account, VendorCapabilities)]
            do {
                rows = try file.accounts.map { ($0, try VendorRegistry.client(for: $0, transport: transport).capabilities) }
            } catch {
                try? await transport.shutdown()
                throw error
            }
            try await transport.shutdown()
            if output.json {
                try JSONOutput.print(
                    .object([
                        "config": .string(file.path),
                        "accounts": .array(
                            rows.map { account, capabilities in
                                .object([
                                    "name": .string(account.name),
                                    "vendor": .string(account.vendor.rawValue),
                                    "base_url": .string(account.baseURL),
                                    "secret_source": secretSource(account.credentialSource),
                                    "organization": .text(account.organization),
                                    "default_country_code": .text(account.defaultCountryCode),
                                    "campaigns": .texts(account.campaigns),
                                    "capabilities": .texts(capabilities.names),
                                ])
                            }),
                    ]))
                return
            }
            var table = Table("NAME", "VENDOR", "BASE URL", "SECRET", "CAN")
            table.maxCellWidth = 200
            for (account, capabilities) in rows {
                table.add(
                    account.name, account.vendor.displayName, account.baseURL, account.credentialSource.description,
                    capabilities.description)
            }
            print(table.render(style: .forStream()))
        }

        private func secretSource(_ source: CredentialSource) -> JSONValue {
            switch source {
            case .inline: .object(["kind": .string("inline"), "name": .null])
            case .environment(let name): .object(["kind": .string("environment"), "name": .string(name)])
            case .command(let command): .object(["kind": .string("command"), "name": .string(command)])
            }
        }
    }
}
