import Foundation

/// Everything the seeded Reply.io account stores, plus its simulated clock.
///
/// A value type: a request works on a copy and the store keeps it only when the request
/// succeeds.
struct ReplyIOState: Sendable {
    var users: [ReplyIOUser]
    var contactAccounts: [ReplyIOContactAccount]
    var sequences: [ReplyIOSequence]
    var lists: [ReplyIOList]
    var contacts: [ReplyIOContact]
    /// Simulated time: stamps contacts created through the API.
    var now: Date
    /// The id the next created contact gets.
    var nextContactID: Int

    func user(withKey key: String) -> ReplyIOUser? {
        users.first { $0.apiKey == key }
    }

    func sequence(_ id: Int) throws -> ReplyIOSequence {
        guard let sequence = sequences.first(where: { $0.id == id }) else { throw ReplyIOProblem.sequenceNotFound(id) }
        return sequence
    }

    func list(_ id: Int) throws -> ReplyIOList {
        guard let list = lists.first(where: { $0.id == id }) else { throw ReplyIOProblem.listNotFound(id) }
        return list
    }

    /// The contact holding `email`, compared without regard to case.
    func contact(withEmail email: String) -> ReplyIOContact? {
        let lowered = email.lowercased()
        return contacts.first { $0.email?.lowercased() == lowered }
    }
}
