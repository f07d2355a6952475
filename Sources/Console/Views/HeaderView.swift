import Foundation

/// The top bar: account and vendor, connection state, read-only, last refresh, live or paused.
enum HeaderView {
    static func draw(_ state: AppState, into canvas: inout Canvas, area: Rect) {
        var left: [(text: String, style: Style)] = [(" Switchboard ", Style.bar.emphasized)]
        if let account = state.account {
            left.append(("│ \(account.name) (\(account.vendorName)) ", .bar))
            if account.readonly { left.append(("read-only ", Style.bar.emphasized)) }
            if state.accounts.count > 1 {
                left.append(("\(state.accountIndex + 1)/\(state.accounts.count) ", .bar))
            }
        } else {
            left.append(("│ no accounts ", .bar))
        }
        left.append(("│ " + connectionText(state.connection) + " ", .bar))
        var right: [String] = []
        if let last = state.lastRefresh { right.append("updated " + age(from: last, to: state.now)) }
        right.append(state.paused ? "paused" : "live")
        StatusBar(left: left, right: right.joined(separator: " · ") + " ", style: .bar).render(
            into: &canvas, area: area)
    }

    static func connectionText(_ connection: Connection) -> String {
        switch connection {
        case .connecting: "connecting…"
        case .notContacted: "no live route"
        case .online: "online"
        case .failed: "vendor error"
        }
    }

    /// "3s ago", "2m ago", "1h ago".
    static func age(from then: Date, to now: Date) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(then)))
        if seconds < 60 { return "\(seconds)s ago" }
        if seconds < 3600 { return "\(seconds / 60)m ago" }
        return "\(seconds / 3600)h ago"
    }
}
