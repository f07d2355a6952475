import Foundation
import SwitchboardCore

/// The contact screen as lines: every field, the metadata, then the journal history.
/// `update` counts them to scroll; the view draws them.
struct ContactSheet {
    enum Line: Hashable {
        case title(String)
        case field(label: String, value: String)
        case note(String)
        case blank
        case historyHeader
        case history(ContactHistoryEntry)
    }

    let lines: [Line]

    init(state: AppState, campaignID: String, key: String) {
        guard let cached = state.contact(key: key) else {
            lines = [.note("This contact is no longer in the cache; Esc goes back.")]
            return
        }
        let contact = cached.contact
        var lines: [Line] = [.title("Contact")]
        let fields: [(String, String)] = [
            ("Name", contact.displayName.isEmpty ? "(no name)" : contact.displayName),
            ("Vendor id", contact.vendorID ?? "—"), ("External id", contact.externalID ?? "—"),
            ("Email", contact.email ?? "—"),
            ("Phones", contact.phoneNumbers.isEmpty ? "—" : contact.phoneNumbers.joined(separator: ", ")),
            ("Status", contact.status.map { "\($0.raw) (\($0.normalized.rawValue))" } ?? "—"),
            ("Attempts", contact.attemptCount.map(String.init) ?? "—"), ("Timezone", contact.timezone ?? "—"),
            ("Scheduled", contact.scheduledAt ?? "—"), ("Updated", contact.updatedAt ?? "—"),
            ("Campaign", campaignID),
        ]
        lines += fields.map { .field(label: $0.0, value: $0.1) }
        if let sent = cached.lastSentAt {
            lines.append(.field(label: "Last sent", value: Timestamp.text(sent)))
            let said = [cached.lastResult, cached.lastMessage].compactMap { $0 }.joined(separator: ": ")
            lines.append(.field(label: "Vendor said", value: said))
        }
        lines += [.blank, .title("Metadata")]
        if contact.data.isEmpty { lines.append(.note("none")) }
        for (name, value) in contact.data.sorted(by: { $0.key < $1.key }) {
            lines.append(.field(label: name, value: value.description))
        }
        lines += [.blank, .title("History (newest first)")]
        switch state.contactPane?.history {
        case nil: lines.append(.note("Reading the journal…"))
        case let history? where history.isEmpty: lines.append(.note("Switchboard has sent nothing for this contact."))
        case let history?: lines += [.historyHeader] + history.map(Line.history)
        }
        self.lines = lines
    }
}
