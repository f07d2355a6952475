import Foundation

/// The Replify External API (`replify-external-api.openapi.yaml`): the campaign contacts
/// route and the outbound call route. Replify documents no route that lists or reads
/// campaigns or contacts; campaigns are the UUIDs the operator lists in the account.
public struct ReplifyClient: Sendable {
    /// Contacts per request. Replify documents no limit; 100 keeps one request (and one
    /// failed request's retry) small for an API gateway's body and time limits.
    public static let maxContactsPerUpsert = 100

    let connection: VendorConnection
    let account: Account

    /// A client for a Replify account; the key travels as `x-api-key`.
    public init(account: Account, transport: any HTTPTransport, timeout: Duration = .seconds(30)) {
        self.account = account
        self.connection = VendorConnection(
            baseURL: account.baseURL, transport: transport, headers: [("x-api-key", account.credential.revealed)],
            timeout: timeout, errorMessage: ReplifyErrorBody.message(status:body:))
    }

    /// `POST /campaigns/{campaignId}/contacts`: upserts, updates or removes up to
    /// `maxContactsPerUpsert` contacts in one campaign, as `request.action` says.
    public func manageContacts(campaign: String, _ request: ReplifyContactsRequest) async throws
        -> ReplifyContactsResult
    {
        guard UUID(uuidString: campaign) != nil else {
            throw VendorError.invalidRequest("Replify campaign ids are UUIDs; \"\(campaign)\" is not one")
        }
        guard request.contacts.count <= Self.maxContactsPerUpsert else {
            throw VendorError.invalidRequest(
                "\(request.contacts.count) contacts in one request; Switchboard sends Replify at most \(Self.maxContactsPerUpsert)")
        }
        return try await connection.json(.POST, ["campaigns", .value(campaign), "contacts"], sending: request)
    }

    /// `POST /outbound/call`: has an agent call one contact now. The body is checked
    /// first (UUID agent, E.164 number, one message form).
    public func placeCall(_ call: ReplifyCallRequest) async throws -> ReplifyCallResult {
        if let problem = call.problem { throw VendorError.invalidRequest(problem) }
        return try await connection.json(.POST, ["outbound", "call"], sending: call)
    }
}
