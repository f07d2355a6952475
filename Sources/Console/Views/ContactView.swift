import Foundation
import SwitchboardCore

/// One contact: every field, its metadata, and what Switchboard last sent and heard.
enum ContactView {
    static func draw(_ state: AppState, campaignID: String, key: String, into canvas: inout Canvas, area: Rect) {
        canvas.fill(area, style: .plain)
        guard let cached = state.contact(key: key) else {
            canvas.put(" This contact is no longer in the cache; Esc goes back.", x: area.x, y: area.y + 1, style: .muted)
            return
        }
        let contact = cached.contact
        var lines: [(String, String)] = [
            ("Name", contact.displayName.isEmpty ? "(no name)" : contact.displayName),
            ("Vendor id", contact.vendorID ?? "—"), ("External id", contact.externalID ?? "—"),
            ("Email", contact.email ?? "—"),
            ("Phones", contact.phoneNumbers.isEmpty ? "—" : contact.phoneNumbers.joined(separator: ", ")),
            ("Status", contact.status.map { "\($0.raw) (\($0.normalized.rawValue))" } ?? "—"),
            ("Attempts", contact.attemptCount.map(String.init) ?? "—"), ("Timezone", contact.timezone ?? "—"),
            ("Scheduled", contact.scheduledAt ?? "—"), ("Updated", contact.updatedAt ?? "—"),
            ("Campaign", campaignID),
        ]
        if let sent = cached.lastSentAt {
            lines.append(("Last sent", ISO8601DateFormatter().string(from: sent)))
            lines.append(("Vendor said", [cached.lastResult, cached.lastMessage].compactMap { $0 }.joined(separator: ": ")))
        }
        canvas.put(" Contact", x: area.x, y: area.y, style: .title)
        var y = area.y + 1
        for (label, value) in lines where y < area.y + area.height {
            canvas.put(" " + DisplayText.pad(label, toWidth: 12), x: area.x, y: y, style: .muted)
            canvas.put(value, x: area.x + 14, y: y, style: .plain, maxWidth: area.width - 15)
            y += 1
        }
        guard y + 1 < area.y + area.height else { return }
        canvas.put(" Metadata", x: area.x, y: y + 1, style: .title)
        y += 2
        if contact.data.isEmpty {
            canvas.put(" none", x: area.x, y: y, style: .muted)
        }
        for (name, value) in contact.data.sorted(by: { $0.key < $1.key }) where y < area.y + area.height {
            canvas.put(" " + DisplayText.pad(DisplayText.sanitize(name), toWidth: 12), x: area.x, y: y, style: .muted)
            canvas.put(value.description, x: area.x + 14, y: y, style: .plain, maxWidth: area.width - 15)
            y += 1
        }
    }
}
