import Foundation
import SwitchboardCore

@testable import Console

/// A transport that is never used: the clients here only describe forms and requests.
struct NoTransport: HTTPTransport {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse { throw VendorError.unsupported("no network in tests") }
}

/// Console states for editing contacts and the journal, built message by message.
enum ChangeFixtures {
    static let t0 = Fixtures.t0

    static func client(_ vendor: Vendor) -> any VendorClient {
        let credential = vendor == .anyreach ? "ak_test.secret" : "test-secret"
        return try! VendorRegistry.client(
            for: Account(name: vendor.rawValue, vendor: vendor, credential: Secret(credential), defaultCountryCode: "+1"),
            transport: NoTransport())
    }

    static func fields(_ vendor: Vendor) -> [ContactFormField] {
        (client(vendor) as! any ContactFormVendor).contactFormFields
    }

    /// Fixtures' accounts, the first able to edit contacts with Anyreach's form.
    static var accounts: [AccountInfo] {
        var accounts = Fixtures.accounts
        accounts[0].capabilities.formUnion([.upsert, .deleteContact, .remove])
        accounts[0].contactFields = fields(.anyreach)
        accounts[0].defaultCountryCode = "+1"
        accounts[1].contactFields = fields(.replify)
        accounts[1].defaultCountryCode = "+1"
        return accounts
    }

    /// Fixtures' campaign c2 open, with editing accounts.
    static func campaignState(width: Int, height: Int) -> AppState {
        var state = Fixtures.campaignState(width: width, height: height)
        state.accounts = accounts
        return state
    }

    static func press(_ state: inout AppState, _ keys: [Key]) -> [Effect] {
        keys.flatMap { update(&state, .key($0)) }
    }

    static func type(_ state: inout AppState, _ text: String) {
        for character in text { _ = update(&state, .key(.character(character))) }
    }

    /// Clears the focused field of the form.
    static func clear(_ state: inout AppState) {
        _ = update(&state, .key(.end))
        for _ in 0..<(state.contactForm?.inputs[state.contactForm!.focus].text.count ?? 0) {
            _ = update(&state, .key(.backspace))
        }
    }

    /// Moves the form's focus to the field labelled `label`.
    static func focus(_ state: inout AppState, _ label: String) {
        guard let index = state.contactForm?.fields.firstIndex(where: { $0.label == label }) else { return }
        state.contactForm?.focus = index
    }

    /// The first contact (王芳) in the edit form with a new first name and a national phone.
    static func editedFormState(width: Int, height: Int) -> AppState {
        var state = campaignState(width: width, height: height)
        _ = update(&state, .key(.character("e")))
        focus(&state, "First name")
        clear(&state)
        type(&state, "Wang")
        focus(&state, "Phones")
        clear(&state)
        type(&state, "(415) 555-0123, +81312345678")
        return state
    }

    static let entry: JournalEntry = {
        var entry = try! JSONDecoder().decode(
            JournalEntry.self,
            from: Data(
                """
                {"id": 12, "idempotencyKey": "k", "account": "acme-calls", "campaignID": "c2", "action": "upsert",
                 "partial": false, "state": "partial", "attempts": 1, "contactCount": 4, "answeredCount": 4,
                 "failedCount": 2, "rejectedCount": 0, "storage": "rows",
                 "reason": "the vendor refused 2 of 4 contacts; each keeps its reason",
                 "createdAt": 1800000000, "updatedAt": 1800000002}
                """.utf8))
        entry.createdAt = t0
        entry.updatedAt = t0.addingTimeInterval(2)
        return entry
    }()

    static func row(_ position: Int, _ contact: Contact, outcome: String, message: String? = nil) -> JournalContact {
        var row = try! JSONDecoder().decode(
            JournalContact.self,
            from: Data(#"{"entryID": 12, "position": \#(position), "contact": {"phoneNumbers": [], "data": {}}}"#.utf8))
        row.contact = contact
        row.outcome = outcome
        row.message = message
        return row
    }

    static let results = EntryResults(
        entry: entry, counts: ["created": 1, "updated": 1, "failed": 2], offset: 0,
        rows: [
            row(0, Fixtures.contacts[0].contact, outcome: "updated"),
            row(1, Fixtures.contacts[1].contact, outcome: "failed", message: "email bounced \u{1B}[31m"),
            row(2, Contact(firstName: "Nova", phoneNumbers: ["+15550100"]), outcome: "created"),
            row(3, Contact(firstName: "Ana 🌻", phoneNumbers: ["12"]), outcome: "failed", message: "phone_numbers[0] is not E.164"),
        ])

    /// `:journal` with two entries, the partial one selected, its results open.
    static func resultsState(width: Int, height: Int) -> AppState {
        var state = campaignState(width: width, height: height)
        _ = update(&state, .key(.character(":")))
        type(&state, "journal")
        _ = update(&state, .key(.enter))
        var done = entry
        done.id = 13
        done.state = .done
        done.failedCount = 0
        done.reason = nil
        _ = update(&state, .change(.journalObserved([done, entry])))
        _ = update(&state, .key(.character("j")))
        _ = update(&state, .key(.enter))
        _ = update(&state, .change(.resultsObserved(entryID: 12, filter: .all, offset: 0, results)))
        return state
    }
}
