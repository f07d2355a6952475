import Foundation

/// A sequence: Reply.io's campaign.
struct ReplyIOSequence: Equatable, Sendable {
    var id: Int
    var ownerUserID: Int
    var name: String
    var status: ReplyIOSequenceStatus
    var isArchived: Bool
    var health: ReplyIOSequenceHealth
    var created: Date
    /// The mailbox that sends its emails; contacts enrolled carry it as `emailAccountId`.
    var emailAccountID: Int
    /// The LinkedIn account of its LinkedIn steps, if it has any.
    var linkedInAccountID: Int?
    /// How many steps it has; an enrolled contact's `currentStep` is within them.
    var stepCount: Int
}

/// A contact list ("Hot Leads").
struct ReplyIOList: Equatable, Sendable {
    var id: Int
    var name: String
    var isShared: Bool
}

/// A contact account (a company record) a contact can be linked to by `accountId`.
struct ReplyIOContactAccount: Equatable, Sendable {
    var id: Int
    var name: String
    var domain: String
}

/// A user of the account and the API key that acts as them.
struct ReplyIOUser: Equatable, Sendable {
    var id: Int
    var name: String
    var apiKey: String
}

extension ReplyIOSequence {
    /// The id of a sequence's step: the sequence id times 100 plus the step number.
    static func stepID(sequence: Int, step: Int) -> Int {
        sequence * 100 + step
    }
}
