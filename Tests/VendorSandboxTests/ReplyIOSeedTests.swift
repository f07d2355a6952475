import Foundation
import HummingbirdTesting
import Testing

@testable import VendorSandbox

@Suite struct ReplyIOSeedTests {
    @Test func sameSeedSameDataOtherSeedOtherData() throws {
        let encoder = JSONAnswer.encoder()
        let first = try encoder.encode(ReplyIOSnapshot(ReplyIOSeed.state(seed: 1)))
        let again = try encoder.encode(ReplyIOSnapshot(ReplyIOSeed.state(seed: 1)))
        let other = try encoder.encode(ReplyIOSnapshot(ReplyIOSeed.state(seed: 2)))
        #expect(first == again)
        #expect(first != other)
    }

    @Test func accountHasSequencesInEveryStateListsAndEnrolledContacts() {
        let state = ReplyIOSeed.state(seed: 1)
        #expect(Set(state.sequences.map(\.status)) == Set(ReplyIOSequenceStatus.allCases))
        #expect(state.sequences.contains { $0.isArchived })
        #expect(Set(state.sequences.map(\.health)) == Set(ReplyIOSequenceHealth.allCases))
        #expect(state.lists.count >= 3)
        #expect(state.contacts.count == ReplyIOSeed.contactCount)
        #expect(Set(state.contacts.map(\.id)).count == state.contacts.count)
        let emails = state.contacts.compactMap { $0.email?.lowercased() }
        #expect(Set(emails).count == emails.count, "an email belongs to one contact")
        #expect(state.contacts.allSatisfy { $0.email != nil || $0.linkedInURL != nil })
        let enrolled = state.contacts.filter { !$0.sequences.isEmpty }
        #expect(enrolled.count > state.contacts.count / 2)
        #expect(state.contacts.contains { $0.sequences.count == 2 })
        #expect(state.contacts.contains { !$0.listIDs.isEmpty })
        let draft = state.sequences.filter { $0.status == .new }.map(\.id)
        #expect(!enrolled.contains { $0.sequences.contains { draft.contains($0.sequenceID) } })
        #expect(Set(enrolled.flatMap(\.sequences).map(\.status)) == Set(ReplyIOEnrollmentStatus.allCases))
        for enrollment in enrolled.flatMap(\.sequences) {
            let steps = state.sequences.first { $0.id == enrollment.sequenceID }?.stepCount ?? 0
            #expect(enrollment.currentStep >= 1 && enrollment.currentStep <= steps)
        }
        #expect(state.contacts.contains { $0.accountID == 100 })
    }

    @Test func namesIncludeAccentsCJKAndEmoji() {
        let names = ReplyIOSeed.state(seed: 1).contacts.compactMap(\.firstName)
        #expect(names.contains { $0 != $0.folding(options: .diacriticInsensitive, locale: nil) })
        #expect(names.contains { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } })
        #expect(names.contains { $0.unicodeScalars.contains { $0.properties.isEmojiPresentation } })
    }

    @Test func stateShowsTheAccountAndResetRestoresIt() async throws {
        try await withSandbox { _, client in
            let created = try await client.createReplyIOContact(#"{"email": "new@example.com"}"#)
            #expect(created.status == .created)
            let state = try await client.execute(uri: "/_sandbox/state", method: .get).json
            let replyIO = try #require(state["replyio"])
            #expect(replyIO.keys.isSuperset(of: ["sequences", "lists", "contacts", "users", "contactAccounts"]))
            #expect(replyIO["contacts"]?.array.count == ReplyIOSeed.contactCount + 1)
            #expect(replyIO["sequences"]?.array.count == 8)
            #expect(!String(describing: replyIO).contains(SandboxCredentials.ReplyIO.apiKey), "keys stay out")

            _ = try await client.execute(uri: "/_sandbox/reset", method: .post)
            let after = try await client.execute(uri: "/_sandbox/state", method: .get).json
            #expect(after["replyio"]?["contacts"]?.array.count == ReplyIOSeed.contactCount)
            let again = try await client.createReplyIOContact(#"{"email": "new@example.com"}"#)
            #expect(again.status == .created, "the created contact is gone")
            #expect(again.json["id"] == created.json["id"], "and ids start over")
        }
    }

    @Test func accountsFileHasTheReplyIOAccount() {
        let file = Sandbox(options: .testing(), logger: quietLogger).accountsFile(host: "0.0.0.0", port: 8089)
        #expect(
            file.contains(
                """
                [accounts.sandbox-replyio]
                vendor = "replyio"
                base_url = "http://127.0.0.1:8089/replyio"
                token = "\(SandboxCredentials.ReplyIO.apiKey)"
                api_version = "v4"
                """))
    }

    @Test func injectedFaultsUseTheProblemShape() async throws {
        try await withSandbox(.testing(faults: try FaultSpec(parsing: "503:1"))) { _, client in
            let response = try await client.replyIO(.get, "/sequences")
            #expect(response.status == .serviceUnavailable)
            #expect(response.isProblem)
            #expect(response.json["status"]?.int == 503)
            #expect(response.json["detail"]?.string == "Service Unavailable (injected)")
            #expect(response.json["code"]?.string != nil)
            #expect(response.headers[.retryAfter] == "1")
        }
    }
}
