/// Everything the Reply.io sandbox stores, as `GET /_sandbox/state` shows it under `replyio`
/// (enum words in the v4 spelling, contacts with `phone2`; API keys left out).
struct ReplyIOSnapshot: Encodable, Sendable {
    private struct User: Encodable {
        let id: Int
        let name: String
    }

    private struct Account: Encodable {
        let id: Int
        let name: String
        let domain: String
    }

    private struct List: Encodable {
        let id: Int
        let name: String
        let isShared: Bool
    }

    private let simulatedTime: String
    private let users: [User]
    private let contactAccounts: [Account]
    private let sequences: [ReplyIOSequenceAnswer]
    private let lists: [List]
    private let contacts: [ReplyIOContactAnswer]

    init(_ state: ReplyIOState) {
        simulatedTime = Timestamp.string(state.now)
        users = state.users.map { User(id: $0.id, name: $0.name) }
        contactAccounts = state.contactAccounts.map { Account(id: $0.id, name: $0.name, domain: $0.domain) }
        sequences = state.sequences.map { ReplyIOSequenceAnswer($0, version: .v4) }
        lists = state.lists.map { List(id: $0.id, name: $0.name, isShared: $0.isShared) }
        contacts = state.contacts.map { ReplyIOContactAnswer($0, in: state, version: .v4, showsPhone2: true) }
    }
}
