/// Where each part of the screen goes at a given size; `update` uses it too, to know
/// how many rows a page is.
public struct Layout: Hashable, Sendable {
    /// Below this the console shows only a message asking for a bigger window.
    public static let minimumWidth = 60
    public static let minimumHeight = 16
    /// Rows of the campaign screen's stats panel (the contacts pane's title row follows).
    public static let statsPanelHeight = 6

    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    public var header: Rect { Rect(x: 0, y: 0, width: width, height: 1) }
    public var main: Rect { Rect(x: 0, y: 1, width: width, height: height - 3) }
    public var footer: Rect { Rect(x: 0, y: height - 2, width: width, height: 1) }
    public var statusLine: Rect { Rect(x: 0, y: height - 1, width: width, height: 1) }

    /// The campaigns table's area, and the rows of data it shows (one row is titles).
    public var campaignsTable: Rect { main }
    public var campaignRows: Int { max(1, main.height - 1) }

    public var statsPanel: Rect { main.splitTop(Self.statsPanelHeight).top }
    /// The contacts pane's title: what it shows, the filter, and whether it has the focus.
    public var contactsTitle: Rect { main.row(Self.statsPanelHeight) }
    public var contactsTable: Rect { main.splitTop(Self.statsPanelHeight + 1).rest }
    public var contactRows: Int { max(1, contactsTable.height - 1) }
}
