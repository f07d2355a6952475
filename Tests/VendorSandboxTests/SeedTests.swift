import Foundation
import HummingbirdTesting
import Testing

@testable import VendorSandbox

@Suite struct SeedTests {
    @Test func sameSeedSameDataOtherSeedOtherData() throws {
        let encoder = JSONAnswer.encoder()
        let first = try encoder.encode(AnyreachSnapshot(AnyreachSeed.state(seed: 1, contactCount: 500)))
        let again = try encoder.encode(AnyreachSnapshot(AnyreachSeed.state(seed: 1, contactCount: 500)))
        let other = try encoder.encode(AnyreachSnapshot(AnyreachSeed.state(seed: 2, contactCount: 500)))
        #expect(first == again)
        #expect(first != other)
    }

    @Test func demoOrganizationHasEveryKindOfRecord() {
        let state = AnyreachSeed.state(seed: 1, contactCount: 3000)
        #expect(state.contacts.count == 3000)
        #expect(Set(state.campaigns.map(\.status)) == Set(CampaignStatus.allCases))
        #expect(state.configurations.count == 3)
        #expect(Set(state.configurations.map(\.defaultCountryCode)) == ["+1", "+44"])
        #expect(Set(state.configurations.map(\.retryLimit)).count == 3)
        let inDefault = state.contacts.filter { $0.campaignID == nil }
        #expect(inDefault.count > 50)
        #expect(state.contacts.contains { $0.externalID != nil })
        #expect(state.contacts.contains { $0.scheduledAt != nil })
        let closed = Set(state.campaigns.filter { $0.status == .closed }.map(\.id))
        let closedStatuses = Set(state.contacts.filter { closed.contains($0.campaignID ?? "") }.map(\.status))
        #expect(closedStatuses.isSuperset(of: [.completed, .exhausted]))
        #expect(Set(state.contacts.map(\.id)).count == 3000)
    }

    @Test func phonesAreFictionalE164() {
        let state = AnyreachSeed.state(seed: 3, contactCount: 1000)
        for phone in state.contacts.flatMap(\.phoneNumbers) {
            let us = phone.hasPrefix("+1") && phone.count == 12 && phone.dropFirst(5).hasPrefix("55501")
            let uk = phone.hasPrefix("+447700900") && phone.count == 13
            #expect(us || uk, "\(phone)")
            #expect(PhoneNumbers.normalize(phone, countryCode: nil) == phone)
        }
    }

    @Test func namesIncludeNonASCIIAndHostileStrings() {
        let names = AnyreachSeed.state(seed: 1, contactCount: 3000).contacts.compactMap { contact -> String? in
            if case .string(let first) = contact.data["first_name"] { return first }
            return nil
        }
        for expected in ["Zoë", "José", "Łukasz", "王芳", "佐藤", "Ana 🌻", "Eve\u{1b}[31m", "Mallory\u{202e}"] {
            #expect(names.contains(expected), "\(expected)")
        }
    }

    @Test func hostileNamesAreServedAsJSONEscapes() async throws {
        try await withSandbox { _, client in
            let response = try await client.execute(uri: "/_sandbox/state", method: .get)
            let body = String(buffer: response.body)
            #expect(body.contains(#"Eve\u001b[31m"#))
            #expect(!body.contains("\u{1b}"))
            #expect(body.contains("Mallory\u{202e}"), "valid Unicode stays as is; the console escapes it")
        }
    }
}
