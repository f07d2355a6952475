/// What the console loop needs from a terminal: the seam where tests put a fake.
public protocol Terminal: AnyObject {
    /// Columns and rows.
    var size: (width: Int, height: Int) { get }
    /// The descriptor to wait on for input.
    var inputDescriptor: Int32 { get }
    /// Every key (or resize) waiting in the input, without blocking; `.endOfInput` when
    /// the input is closed or failed (EOF, EIO).
    func readInput() -> [TerminalInput]
    /// True when the input is readable but holds nothing: end of file.
    var inputIsAtEnd: Bool { get }
    /// Reads the window's size from the terminal and resizes the screen to it.
    func adoptWindowSize() -> (width: Int, height: Int)
    /// Writes the runs of changed cells and shows the frame.
    func draw(_ runs: [CellRun])
    /// Makes the next `draw` repaint the whole screen from scratch (Ctrl-L).
    func invalidate()
    /// Gives the terminal back as it was found.
    func restore()
}

/// One thing read from the terminal.
public enum TerminalInput: Equatable, Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// Ctrl-L: repaint the whole screen (something else may have written over it).
    case redraw
    case endOfInput
}
