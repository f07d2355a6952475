/// Draws the whole screen for a state: header, the current screen, footer, status
/// line, and help on top; below the minimum size, only a message saying so.
public enum ConsoleView {
    public static func render(_ state: AppState) -> Canvas {
        var canvas = Canvas(width: state.width, height: state.height)
        let layout = state.layout
        if layout.isTooSmall {
            MinimumSizeView.draw(state, into: &canvas)
            return canvas
        }
        HeaderView.draw(state, into: &canvas, area: layout.header)
        switch state.screen {
        case .campaigns: CampaignsView.draw(state, into: &canvas, area: layout.main)
        case .campaign(let id): CampaignView.draw(state, campaignID: id, into: &canvas, layout: layout)
        case .contact(let campaignID, let key):
            ContactView.draw(state, campaignID: campaignID, key: key, into: &canvas, area: layout.main)
        case .configurations: ConfigurationsView.draw(state, into: &canvas, area: layout.main)
        case .journal: JournalView.draw(state, into: &canvas, area: layout.main)
        case .results: ResultsView.draw(state, into: &canvas, area: layout.main)
        }
        let vendorName = state.account?.vendorName ?? ""
        if let form = state.contactForm {
            ContactFormView.draw(form, vendorName: vendorName, into: &canvas, area: layout.main)
        } else if let removal = state.removal {
            ContactFormView.drawRemoval(removal, vendorName: vendorName, into: &canvas, area: layout.main)
        }
        if let flow = state.importFlow, flow.isShown {
            ImportView.draw(flow, into: &canvas, area: layout.main)
        }
        FooterView.draw(state, into: &canvas, keys: layout.footer, status: layout.statusLine)
        CampaignSetupView.draw(state, into: &canvas, area: layout.main)
        ConfigurationFormView.draw(state, into: &canvas, area: layout.main)
        if state.showingHelp {
            KeyRegistry.help(for: state.keyContext, readOnly: state.isReadOnly).render(into: &canvas, area: layout.main)
        }
        return canvas
    }
}
