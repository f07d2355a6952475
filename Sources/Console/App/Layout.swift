/// Where each part of the screen goes at a given size; `update` uses it too, to know
/// how many rows a page is.
public struct Layout: Hashable, Sendable {
    /// Below this the console shows only a message asking for a bigger window.
    public static let minimumWidth = 60
    public static let minimumHeight = 16
    /// Rows of the campaign screen's stats panel.
    public static let statsPanelHeight = 7

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
    public var contactsTable: Rect { main.splitTop(Self.statsPanelHeight).rest }
    public var contactRows: Int { max(1, contactsTable.height - 1) }
}
