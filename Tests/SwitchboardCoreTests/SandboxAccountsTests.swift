import Foundation
import Testing
import VendorSandbox

@testable import SwitchboardCore

/// The accounts file the sandbox prints is one the core reads, and every account in it
/// reaches its vendor through the neutral protocol.
@Suite struct SandboxAccountsTests {
    @Test func everySeededAccountWorks() async throws {
        try await withLiveSandbox { base, transport in
            let port = Int(base.split(separator: ":").last!)!
            let text = Sandbox(options: SandboxOptions()).accountsFile(host: "127.0.0.1", port: port)
            let file = try AccountsFile.parse(text, path: "sandbox.toml", fileMode: 0o600, environment: [:])
            #expect(Set(file.accounts.map(\.vendor)) == Set(Vendor.allCases))
            for account in file.accounts {
                let client = try VendorRegistry.client(for: account, transport: transport)
                #expect(client.vendor == account.vendor)
                let campaigns = try await client.campaigns(nameContains: nil, states: [])
                #expect(!campaigns.isEmpty, "\(account.name)")
                if client.capabilities.contains(.listContacts) {
                    let campaign = client.capabilities.contains(.defaultCampaign) && account.vendor != .anyreach
                        ? "default" : campaigns[0].id
                    let page = try await client.contacts(campaignID: campaign, status: nil, limit: 10, offset: 0)
                    #expect(!page.contacts.isEmpty, "\(account.name)")
                }
            }
        }
    }
}
