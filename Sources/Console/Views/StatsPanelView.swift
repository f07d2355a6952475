import Foundation
import SwitchboardCore

/// The campaign's live stats: counts (changed ones highlighted), attempts, active calls
/// against the concurrency limit, and sparklines of completed and exhausted from samples.
/// Focused (Tab), j/k move a cursor through the samples and the counts are that sample's.
enum StatsPanelView {
    static func draw(_ state: AppState, campaignID: String, into canvas: inout Canvas, area: Rect) {
        canvas.fill(area, style: .plain)
        let cached = state.cachedCampaign(campaignID)
        let focused = state.campaign?.focus == .stats
        var x = canvas.put(
            " " + (cached?.name ?? campaignID) + (focused ? " " : ""), x: area.x, y: area.y,
            style: focused ? .focusedTitle : .title, maxWidth: area.width / 2)
        x += canvas.put("  " + (cached?.state ?? "—"), x: area.x + x, y: area.y, style: .plain)
        canvas.put("  id " + campaignID, x: area.x + x, y: area.y, style: .muted, maxWidth: area.width - x)
        guard let account = state.account else { return }
        if let lines = AccountContactsNote.lines(state, campaignID: campaignID) {
            for (index, line) in lines.enumerated() {
                canvas.put(" " + line, x: area.x, y: area.y + 2 + index, style: .muted, maxWidth: area.width)
            }
            return
        }
        guard account.capabilities.contains(.stats) else {
            canvas.put(
                " \(account.vendorName) reports no status counts for a campaign.", x: area.x, y: area.y + 2,
                style: .muted)
            return
        }
        let cursor = state.cursorSample
        if focused { drawCursorLine(state, cursor: cursor, into: &canvas, area: area.row(1)) }
        guard let counts = cursor?.sample.counts ?? state.stats[campaignID] else {
            canvas.put(" Reading status counts…", x: area.x, y: area.y + 2, style: .muted)
            return
        }
        let changed = cursor == nil ? state.changes[campaignID]?.columns ?? [] : []
        let buckets: [(String, SortColumn, Int)] = [
            ("pending", .pending, counts[.pending]), ("in progress", .active, counts[.active]),
            ("completed", .completed, counts[.completed]), ("exhausted", .exhausted, counts[.exhausted]),
            ("error", .failed, counts[.failed]),
        ]
        var column = area.x + 1
        for (label, key, value) in buckets {
            column += canvas.put(label + " ", x: column, y: area.y + 2, style: .muted)
            column += canvas.put(String(value), x: column, y: area.y + 2, style: changed.contains(key) ? .changed : .emphasizedPlain)
            column += canvas.put("   ", x: column, y: area.y + 2, style: .plain)
        }
        canvas.put("total \(counts.total)", x: column, y: area.y + 2, style: .plain)
        if let attempts = counts.attempts {
            let perContact = counts.total > 0 ? String(format: "%.2f", Double(attempts) / Double(counts.total)) : "0"
            canvas.put(
                " attempts \(attempts) · \(perContact) per contact", x: area.x, y: area.y + 3,
                style: changed.contains(.attempts) ? .changed : .plain)
        }
        if let active = counts.activeCalls {
            let label = " active calls "
            let used = canvas.put(label, x: area.x, y: area.y + 4, style: .plain)
            // The latest figures go against the account's concurrency setting, read from the
            // vendor with each stats refresh; a past sample keeps the limit it was taken with.
            let hasSetting = cursor == nil && account.capabilities.contains(.manageCampaigns)
            let limit = (hasSetting ? state.setup.concurrency?.limit : nil) ?? counts.concurrencyLimit ?? max(active, 1)
            let note = hasSetting ? concurrencyNote(state.setup) : ""
            // The bar gives up width (down to 12 columns) so the note fits beside it.
            let room = area.width - used
            let width = min(40, max(min(12, room), room - DisplayText.width(of: note)))
            ProgressBar(value: active, total: limit, style: .good).render(
                into: &canvas, area: Rect(x: area.x + used, y: area.y + 4, width: width, height: 1))
            canvas.put(note, x: area.x + used + width, y: area.y + 4, style: .muted, maxWidth: room - width)
        }
        drawSparklines(state.campaign?.samples ?? [], marked: cursor?.index, into: &canvas, area: area.row(5))
    }

    /// After the active-calls bar: where its limit comes from and the account's own active count.
    static func concurrencyNote(_ setup: CampaignSetup) -> String {
        switch (setup.concurrency, setup.concurrencyProblem) {
        case (let setting?, nil):
            let active = setting.activeCalls.map { " · \($0) active in account" } ?? ""
            return "  account limit \(setting.limit)\(active)"
        case (let setting?, let problem?):
            return "  account limit \(setting.limit) as last read; now unavailable: \(problem)"
        case (nil, let problem?):
            return "  concurrency setting unavailable: \(problem)"
        case (nil, nil):
            return setup.fetchingConcurrency ? "  reading the concurrency setting…" : ""
        }
    }

    /// Which sample the focused panel shows, and the keys that move through them.
    static func drawCursorLine(
        _ state: AppState, cursor: (index: Int, sample: StatsSample)?, into canvas: inout Canvas, area: Rect
    ) {
        let count = state.campaign?.samples.count ?? 0
        let text: String
        if let cursor {
            text = " sample \(cursor.index + 1) of \(count) at \(Timestamp.text(cursor.sample.takenAt))"
                + " · \(KeyRegistry.label(for: .down)) newer · \(KeyRegistry.label(for: .bottom)) latest"
        } else if count > 0 {
            text = " latest of \(count) samples · \(KeyRegistry.label(for: .up)) goes back in time"
        } else {
            text = " no samples stored yet"
        }
        canvas.put(text, x: area.x, y: area.y, style: .muted, maxWidth: area.width)
    }

    static func drawSparklines(_ samples: [StatsSample], marked: Int?, into canvas: inout Canvas, area: Rect) {
        guard !samples.isEmpty else { return }
        let half = area.width / 2
        for (index, (label, status, style)) in [
            ("completed", NormalizedStatus.completed, Style.good), ("exhausted", .exhausted, Style.bad),
        ].enumerated() {
            let x = area.x + index * half
            let used = canvas.put(" \(label) ", x: x, y: area.y, style: .muted)
            Sparkline(values: samples.map { $0.counts[status] }, style: style, marked: marked).render(
                into: &canvas, area: Rect(x: x + used, y: area.y, width: min(AppState.sampleLimit, half - used - 1), height: 1))
        }
    }
}

extension Style {
    /// Plain text in bold (figures).
    static let emphasizedPlain = Style(bold: true)
}
