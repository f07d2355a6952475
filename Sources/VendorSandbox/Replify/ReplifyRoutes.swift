import HTTPTypes
import Hummingbird

extension HTTPField.Name {
    /// The header Replify reads the API key from.
    static let replifyAPIKey = HTTPField.Name("x-api-key")!
}

extension ReplifyVendor {
    /// `POST /campaigns/{campaignId}/contacts` and `POST /outbound/call`.
    ///
    /// Checks run in this order: the key (403), the campaign (404, then 403 for a campaign
    /// the key may not reach), the body (400).
    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.post("campaigns/:campaignId/contacts") { request, context in
            let campaignID = try context.parameters.require("campaignId")
            let presented = request.headers[.replifyAPIKey]
            _ = try await store.read { state in try state.campaignIndex(campaignID, presenting: presented) }
            let contacts = try ReplifyContactsRequest(try await ReplifyBody.json(of: request, context: context))
            return try JSONAnswer.response(
                try await store.write { state in
                    state.apply(contacts, toCampaign: try state.campaignIndex(campaignID, presenting: presented))
                })
        }
        group.post("outbound/call") { request, context in
            let presented = request.headers[.replifyAPIKey]
            _ = try await store.read { state in try state.apiKey(presented) }
            let call = try ReplifyCall(try await ReplifyBody.json(of: request, context: context))
            try await store.write { state in state.calls.append(call) }
            return try JSONAnswer.response(
                ReplifyCallAnswer(message: "Outbound call to \(call.contact.phoneNumber) initiated"))
        }
    }
}
