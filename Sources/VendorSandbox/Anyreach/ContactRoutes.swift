import Hummingbird

extension AnyreachVendor {
    /// Contacts of a campaign (or of `default`): upsert, list, get, delete.
    func addContactRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.post("campaign/campaigns/:id/contacts") { request, context in
            let id = try context.parameters.require("id")
            try authentication.authorize(request, needs: .manageCampaigns)
            let body = try await parsing.bytes(of: request, context: context)
            // The fast reader, else `JSONDecoder` (which also words the 422 of a wrong body).
            let contacts =
                try UpsertBodyReader.contacts(in: body) ?? parsing.decode(UpsertRequest.self, from: body).contacts
            guard contacts.count <= AnyreachState.upsertContactLimit else {
                throw AnyreachError.badRequest(
                    "Too many contacts: \(contacts.count) (at most \(AnyreachState.upsertContactLimit) per request)"
                )
            }
            // The upsert validates every contact before it changes anything.
            return try await upsertInPlace { state in
                try state.upsert(contacts, into: try state.bucket(id))
            }
        }
        group.get("campaign/campaigns/:id/contacts") { request, context in
            let id = try context.parameters.require("id")
            try authentication.authorize(request, needs: .readCampaigns)
            let limit = try parsing.integer("limit", of: request, in: 1...200, default: 50)
            let offset = try parsing.integer("offset", of: request, in: 0...Int.max, default: 0)
            let statuses = try parsing.values("status", of: request, as: ContactStatus.self)
            return try await read { state in
                state.contactPage(in: try state.bucket(id), statuses: statuses, limit: limit, offset: offset)
            }
        }
        group.get("campaign/campaigns/:id/contacts/:contact_id") { request, context in
            let id = try context.parameters.require("id")
            let contactID = try context.parameters.require("contact_id")
            try authentication.authorize(request, needs: .readCampaigns)
            return try await read { state in
                try state.contact(contactID, in: try state.bucket(id))
            }
        }
        group.delete("campaign/campaigns/:id/contacts/:contact_id") { request, context in
            let id = try context.parameters.require("id")
            let contactID = try context.parameters.require("contact_id")
            try authentication.authorize(request, needs: .manageCampaigns)
            return try await write { state in
                try state.deleteContact(contactID, in: try state.bucket(id))
            }
        }
    }
}
