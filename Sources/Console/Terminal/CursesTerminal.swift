import CNcursesw
import Foundation

/// The real terminal, through ncursesw. Every call happens on the one thread that
/// created it (the console loop's).
final class CursesTerminal: Terminal {
    let colorMode: ColorMode
    private var pairs: [PairKey: Int16] = [:]
    private var restored = false
    /// The console's symbols as this terminal can show them.
    private var glyphs = Glyphs.unicode
    /// For testing the crash path end to end: fail on purpose once a frame is on the screen.
    private let crashesAfterFirstFrame =
        ProcessInfo.processInfo.environment["SWITCHBOARD_DEBUG_CRASH_AFTER_FIRST_FRAME"] == "1"
    /// The characters of the segment being gathered (reused between frames).
    private var text: [wchar_t] = []

    private struct PairKey: Hashable {
        var foreground: Int16
        var background: Int16
    }

    /// Takes over the terminal: locale first (or wide characters break), then curses
    /// with no echo, cbreak, keypad keys, a 25 ms Esc delay and a hidden cursor; line
    /// drawing in place of Unicode symbols where the terminal or the locale lacks them.
    init(noColor: Bool) {
        setlocale(LC_ALL, "")
        sb_install_crash_restore()
        initscr()
        set_escdelay(25)
        cbreak()
        noecho()
        nonl()
        keypad(sb_stdscr(), true)
        nodelay(sb_stdscr(), true)
        curs_set(0)
        if !noColor, has_colors() {
            start_color()
            use_default_colors()
            colorMode = sb_colors() >= 256 ? .full : sb_colors() >= 8 ? .eight : .none
        } else {
            colorMode = .none
        }
        let utf8 = sb_locale_is_utf8() != 0
        let term = ProcessInfo.processInfo.environment["TERM"]
        glyphs = Glyphs(plainSymbols: !utf8 || Glyphs.predatesUnicode(term: term), unicodeText: utf8) { letter in
            let form = sb_acs(letter)
            let character = Character(Unicode.Scalar(UInt8(truncatingIfNeeded: form & sb_a_chartext())))
            return (character, attr_t(form) & sb_a_altcharset() != 0)
        }
    }

    var size: (width: Int, height: Int) {
        var rows: Int32 = 0
        var columns: Int32 = 0
        sb_getmaxyx(sb_stdscr(), &rows, &columns)
        return (Int(columns), Int(rows))
    }

    var inputDescriptor: Int32 { STDIN_FILENO }

    func adoptWindowSize() -> (width: Int, height: Int) {
        var window = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0, window.ws_row > 0, window.ws_col > 0 {
            resizeterm(Int32(window.ws_row), Int32(window.ws_col))
        }
        return size
    }

    var inputIsAtEnd: Bool {
        var available: Int32 = 0
        return ioctl(STDIN_FILENO, UInt(FIONREAD), &available) != 0 || available == 0
    }

    func readInput() -> [TerminalInput] {
        var inputs: [TerminalInput] = []
        // Characters curses passed through, decoded together: a sequence spans several.
        var typed: [UInt32] = []
        var character: wint_t = 0
        while true {
            let result = get_wch(&character)
            if result == ERR { break }
            if result == KEY_CODE_YES {
                inputs += KeyDecoder.decode(typed)
                typed = []
                if Int32(character) == KEY_RESIZE {
                    let size = self.size
                    inputs.append(.resize(width: size.width, height: size.height))
                } else if let key = Self.functionKey(Int32(character)) {
                    inputs.append(.key(key))
                }
            } else {
                typed.append(UInt32(character))
            }
        }
        return inputs + KeyDecoder.decode(typed)
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_NPAGE: .pageDown
        case KEY_PPAGE: .pageUp
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_BTAB: .tab
        default: nil
        }
    }

    /// Writes each run in as few curses calls as it can: printable ASCII cells of one
    /// style go out together; any other cell is placed at its own column.
    func draw(_ runs: [CellRun]) {
        guard !runs.isEmpty else { return }
        let runs = glyphs.fit(runs)
        for run in runs {
            var x = run.x
            var segmentX = run.x
            var segmentStyle: Style?
            text.removeAll(keepingCapacity: true)
            for cell in run.cells {
                defer { x += 1 }
                if cell.isContinuation { continue }
                // Printable ASCII takes one column everywhere; anything else is placed at
                // its own column, so a width curses counts differently cannot shift a row.
                let ascii = cell.width == 1 ? cell.printableASCII : nil
                let agreed = ascii != nil
                if cell.style != segmentStyle || !agreed {
                    flush(y: run.y, x: segmentX, style: segmentStyle)
                    segmentX = x
                    segmentStyle = cell.style
                }
                if let ascii {
                    text.append(wchar_t(bitPattern: ascii))
                } else {
                    for scalar in cell.text.unicodeScalars { text.append(wchar_t(bitPattern: scalar.value)) }
                }
                if !agreed {
                    flush(y: run.y, x: segmentX, style: segmentStyle)
                    segmentStyle = nil
                }
            }
            flush(y: run.y, x: segmentX, style: segmentStyle)
        }
        wnoutrefresh(sb_stdscr())
        doupdate()
        if crashesAfterFirstFrame { fatalError("SWITCHBOARD_DEBUG_CRASH_AFTER_FIRST_FRAME is set") }
    }

    /// Writes the characters gathered in `text` from (y, x) in `style`, and empties it.
    private func flush(y: Int, x: Int, style: Style?) {
        guard let style, !text.isEmpty else {
            text.removeAll(keepingCapacity: true)
            return
        }
        text.append(0)
        _ = text.withUnsafeBufferPointer { buffer in
            sb_put(Int32(y), Int32(x), buffer.baseAddress, attributes(style), pair(for: style))
        }
        text.removeAll(keepingCapacity: true)
    }

    func invalidate() {
        clearok(sb_stdscr(), true)
    }

    private func attributes(_ style: Style) -> attr_t {
        var attributes = sb_a_normal()
        if style.bold { attributes |= sb_a_bold() }
        if style.reverse || (style.reverseWithoutColor && colorMode == .none) { attributes |= sb_a_reverse() }
        if style.underline { attributes |= sb_a_underline() }
        if style.dim { attributes |= sb_a_dim() }
        if style.alternateCharset { attributes |= sb_a_altcharset() }
        return attributes
    }

    /// The colour pair for a style's colours, made on first use (0 = terminal defaults).
    private func pair(for style: Style) -> Int16 {
        let key = PairKey(
            foreground: colorMode.resolve(style.foreground) ?? -1, background: colorMode.resolve(style.background) ?? -1)
        if key.foreground == -1 && key.background == -1 { return 0 }
        if let pair = pairs[key] { return pair }
        let next = Int16(pairs.count + 1)
        guard Int32(next) < sb_color_pairs() else { return 0 }
        init_pair(next, key.foreground, key.background)
        pairs[key] = next
        return next
    }

    func restore() {
        guard !restored else { return }
        restored = true
        if sb_has_alternate_screen() == 0 {
            // The last frame stays on such a terminal (vt100): give the shell a clean bottom line.
            wmove(sb_stdscr(), Int32(sb_lines() - 1), 0)
            wclrtoeol(sb_stdscr())
            wrefresh(sb_stdscr())
        }
        curs_set(1)
        endwin()
    }
}
