import CNcursesw
import Foundation

/// The real terminal, through ncursesw. Every call happens on the one thread that
/// created it (the console loop's).
final class CursesTerminal: Terminal {
    let colorMode: ColorMode
    private var pairs: [PairKey: Int16] = [:]
    private var restored = false

    private struct PairKey: Hashable {
        var foreground: Int16
        var background: Int16
    }

    /// Takes over the terminal: locale first (or wide characters break), then curses
    /// with no echo, cbreak, keypad keys, a 25 ms Esc delay and a hidden cursor.
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
        var character: wint_t = 0
        while true {
            let result = get_wch(&character)
            if result == ERR { break }
            if result == KEY_CODE_YES {
                if Int32(character) == KEY_RESIZE {
                    let size = self.size
                    inputs.append(.resize(width: size.width, height: size.height))
                } else if let key = Self.functionKey(Int32(character)) {
                    inputs.append(.key(key))
                }
            } else if character == 12 {
                inputs.append(.redraw)
            } else if let key = Self.characterKey(UInt32(character)) {
                inputs.append(.key(key))
            }
        }
        return inputs
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

    static func characterKey(_ value: UInt32) -> Key? {
        switch value {
        case 10, 13: return .enter
        case 27: return .escape
        case 9: return .tab
        case 8, 127: return .backspace
        case 0..<32: return nil
        default: return Unicode.Scalar(value).map { .character(Character($0)) }
        }
    }

    func draw(_ runs: [CellRun]) {
        guard !runs.isEmpty else { return }
        for run in runs {
            var x = run.x
            for cell in run.cells {
                if !cell.isContinuation {
                    var text = cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
                    text.append(0)
                    _ = sb_put(Int32(run.y), Int32(x), text, attributes(cell.style), pair(for: cell.style))
                }
                x += 1
            }
        }
        wnoutrefresh(sb_stdscr())
        doupdate()
    }

    func invalidate() {
        clearok(sb_stdscr(), true)
    }

    private func attributes(_ style: Style) -> attr_t {
        var attributes = sb_a_normal()
        if style.bold { attributes |= sb_a_bold() }
        if style.reverse { attributes |= sb_a_reverse() }
        if style.underline { attributes |= sb_a_underline() }
        if style.dim { attributes |= sb_a_dim() }
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
        curs_set(1)
        endwin()
    }
}
