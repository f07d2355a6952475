import SwitchboardCore

extension JournalEntry {
    /// What the entry changed, as the results screen names it: the campaign, or for a
    /// settings change the configuration or the account's concurrency limit.
    var targetText: String {
        switch action {
        case .createConfiguration: "new configuration \(campaignID)"
        case .updateConfiguration, .deleteConfiguration: "configuration \(campaignID)"
        case .setConcurrency: "concurrency limit \(settings?.concurrencyLimit.map(String.init) ?? "?")"
        default: "campaign \(campaignID)"
        }
    }

    /// The line under the counts: why it failed, else what the vendor said to a settings change.
    var noteText: String? {
        reason ?? settings?.outcome.map { "the vendor answered: \($0)" }
    }
}
