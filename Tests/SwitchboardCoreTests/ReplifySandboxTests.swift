import Foundation
import Testing
import VendorSandbox

@testable import SwitchboardCore

/// The Replify client against the live sandbox: the five documented requests, each
/// documented error with its exact message, the outbound call, the neutral protocol,
/// and every request and answer checked against Replify's own OpenAPI document.
@Suite struct ReplifySandboxTests {
    typealias Credentials = SandboxCredentials.Replify
    static let spec = VendorExamples.folder.deletingLastPathComponent().appendingPathComponent(
        "replify-external-api.openapi.yaml")

    static func account(_ base: String, key: String = Credentials.apiKey) -> Account {
        Account(
            name: "sandbox-replify", vendor: .replify, baseURL: base + "/replify", credential: Secret(key),
            campaigns: Credentials.campaigns)
    }

    @Test(.enabled(if: OpenAPIValidator.python != nil, "needs openapi-core: run scripts/test"))
    func everyExchangeValidatesAgainstTheOpenAPIDocument() async throws {
        try await withLiveSandbox { base, transport in
            let recorder = ExchangeRecorder(transport, base: base + "/replify")
            let client = ReplifyClient(account: Self.account(base), transport: recorder)
            let campaign = Credentials.campaigns[1]
            for name in [
                "request.UpsertContacts.json", "request.UpsertWithExternalIds.json",
                "request.UpsertWithExternalIdsRoot.json", "request.UpdateOnlyContacts.json", "request.RemoveContact.json",
            ] {
                let request = try JSONCoding.decode(ReplifyContactsRequest.self, from: try VendorExamples.bytes("replify", name))
                let answer = try await client.manageContacts(campaign: campaign, request)
                #expect(answer.message?.isEmpty == false, "\(name)")
                #expect(answer.success.count + answer.errors.count <= request.contacts.count, "\(name)")
            }
            let mixed = try await client.manageContacts(
                campaign: campaign,
                ReplifyContactsRequest(contacts: [
                    ReplifyContactInput(firstName: "Zoë", email: "zoe.new@example.com"),
                    ReplifyContactInput(firstName: "Nobody"),
                    ReplifyContactInput(firstName: "Done", phone: "+1 (555) 010-9999", status: .completed),
                ]))
            #expect(mixed.success.count == 1)
            #expect(mixed.success.first?.email == "zoe.new@example.com")
            #expect(!mixed.errors.isEmpty)

            try await recorder.uncheckedRequests {
                try await Self.documentedErrors(base: base, recorder: recorder)
            }
            let (status, output) = try recorder.validate(spec: Self.spec, serverURL: "https://api.heylibby.com/api/v1")
            #expect(status == 0, "\(output)")
            #expect(output.contains("openapi: \(recorder.count) passed, 0 failed"), "\(output)")
        }
    }

    /// Each documented error, produced by the situation the document names, with its exact message.
    static func documentedErrors(base: String, recorder: ExchangeRecorder) async throws {
        let campaign = Credentials.campaigns[0]
        let body = Array(#"{"contacts":[{"email":"a@example.com"}]}"#.utf8)
        func send(key: String?, campaign: String, body: [UInt8]) async throws -> VendorError? {
            let connection = VendorConnection(
                baseURL: base + "/replify", transport: recorder, headers: key.map { [("x-api-key", $0)] } ?? [],
                errorMessage: ReplifyErrorBody.message(status:body:))
            do {
                _ = try await connection.send(.POST, ["campaigns", .value(campaign), "contacts"], body: body)
                return nil
            } catch let error as VendorError {
                return error
            }
        }
        let cases: [(String?, String, [UInt8], Int, String)] = [
            (nil, campaign, body, 403, "API key is required"),
            ("rpl_wrong", campaign, body, 403, "Invalid API key provided"),
            (Credentials.limitedKey, Credentials.campaigns[1], body, 403, "You are not authorized to access this campaign"),
            (Credentials.apiKey, "00000000-0000-4000-8000-000000000000", body, 404, "Campaign not found"),
            (Credentials.apiKey, campaign, Array("{not json".utf8), 400, "Invalid JSON in request body"),
            (Credentials.apiKey, campaign, Array(#"{"action":"upsert"}"#.utf8), 400, "Missing required field: contacts"),
        ]
        for (key, campaign, body, status, message) in cases {
            let error = try await send(key: key, campaign: campaign, body: body)
            #expect(error?.status == status, "\(message)")
            #expect(error?.message == message)
        }
    }

    @Test func outboundCall() async throws {
        try await withLiveSandbox { base, transport in
            let client = ReplifyClient(account: Self.account(base), transport: transport)
            let answer = try await client.placeCall(
                ReplifyCallRequest(
                    agentId: "5b0c3a8e-1f2d-4c6b-9a7e-3d2f1e0c9b8a",
                    contact: .init(phoneNumber: "+15550101234", firstName: "Ada"), callInstructions: "Confirm the visit."))
            #expect(answer.success)
            let refused = await #expect(throws: VendorError.self) {
                try await client.placeCall(
                    ReplifyCallRequest(
                        agentId: "5b0c3a8e-1f2d-4c6b-9a7e-3d2f1e0c9b8a", contact: .init(phoneNumber: "+15550101234"),
                        introMessage: "Hi"))
            }
            #expect(refused != nil)
        }
    }

    @Test func neutralProtocolOverTheSandbox() async throws {
        try await withLiveSandbox { base, transport in
            let client = try VendorRegistry.client(for: Self.account(base), transport: transport)
            #expect(!client.capabilities.contains(.listCampaigns))
            #expect(!client.capabilities.contains(.listContacts))
            #expect(client.capabilities.isSuperset(of: [.upsert, .updateOnly, .remove]))
            let campaigns = try await client.campaigns(nameContains: nil, states: [])
            #expect(campaigns.map(\.id) == Credentials.campaigns)
            let campaign = Credentials.campaigns[2]
            let added = try await client.upsert(
                UpsertRequest(
                    campaignID: campaign,
                    contacts: [
                        Contact(firstName: "王", lastName: "芳", email: "wang.fang@example.com"),
                        Contact(firstName: "José", phoneNumbers: ["+1 555 010 4242"]),
                        Contact(firstName: "No key"),
                    ]))
            #expect(added.outcomes.count == 3)
            #expect(added.outcomes[0].result == .created || added.outcomes[0].result == .upserted)
            guard case .failed(let reason) = added.outcomes[2].result else {
                Issue.record("a contact with neither email nor phone must fail: \(added.outcomes[2])")
                return
            }
            #expect(!reason.isEmpty)

            let updateOnly = try await client.upsert(
                UpsertRequest(
                    campaignID: campaign, action: .updateOnly,
                    contacts: [Contact(lastName: "Fang", email: "wang.fang@example.com"), Contact(email: "stranger@example.com")]))
            #expect(updateOnly.outcomes[0].result == .updated)
            if case .ignored = updateOnly.outcomes[1].result {} else {
                Issue.record("update-only must ignore a contact not in the campaign: \(updateOnly.outcomes[1])")
            }

            let removed = try await client.upsert(
                UpsertRequest(campaignID: campaign, action: .remove, contacts: [Contact(email: "wang.fang@example.com")]))
            #expect(removed.outcomes[0].result == .removed)
        }
    }
}
