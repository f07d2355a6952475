import Foundation
import Synchronization

@testable import Console

/// A terminal for driving `ConsoleLoop` in tests: keys go in through `send` (which makes
/// a real descriptor readable, so the loop's `poll()` wakes as it would for a keyboard),
/// frames come out as a screen of text built from the runs the loop draws.
final class FakeTerminal: Terminal, Sendable {
    private struct Screen {
        var width: Int
        var height: Int
        var rows: [[String]]
        var frames = 0
        var pending: [TerminalInput] = []
    }

    private let screen: Mutex<Screen>
    private let readEnd: Int32
    private let writeEnd: Mutex<Int32?>

    init(width: Int, height: Int) throws {
        screen = Mutex(Screen(width: width, height: height, rows: Self.blank(width, height)))
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw POSIXError(.EIO) }
        _ = fcntl(ends[0], F_SETFL, fcntl(ends[0], F_GETFL) | O_NONBLOCK)
        readEnd = ends[0]
        writeEnd = Mutex(ends[1])
    }

    deinit {
        close(readEnd)
        writeEnd.withLock { if let end = $0 { close(end) } }
    }

    private static func blank(_ width: Int, _ height: Int) -> [[String]] {
        Array(repeating: Array(repeating: " ", count: width), count: height)
    }

    /// Queues keys (or resizes) and wakes the loop.
    func send(_ inputs: [TerminalInput]) {
        screen.withLock { $0.pending += inputs }
        writeEnd.withLock { end in
            var byte: UInt8 = 1
            if let end { _ = write(end, &byte, 1) }
        }
    }

    /// Closes the input, as a terminal that went away does.
    func closeInput() {
        writeEnd.withLock { end in
            if let descriptor = end { close(descriptor) }
            end = nil
        }
    }

    /// The screen as lines of text, and how many frames were drawn.
    var text: (lines: [String], frames: Int) {
        screen.withLock { ($0.rows.map { $0.joined() }, $0.frames) }
    }

    /// Makes the next size the loop reads (on SIGWINCH) `width`×`height`.
    func resizeWindow(width: Int, height: Int) {
        screen.withLock {
            $0.width = width; $0.height = height
        }
    }

    var size: (width: Int, height: Int) { screen.withLock { ($0.width, $0.height) } }

    var inputDescriptor: Int32 { readEnd }

    func readInput() -> [TerminalInput] {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readEnd, &buffer, buffer.count) > 0 {}
        return screen.withLock { screen in
            defer { screen.pending = [] }
            return screen.pending
        }
    }

    var inputIsAtEnd: Bool { writeEnd.withLock { $0 == nil } }

    func adoptWindowSize() -> (width: Int, height: Int) { size }

    func draw(_ runs: [CellRun]) {
        screen.withLock { screen in
            if screen.rows.count != screen.height || screen.rows.first?.count != screen.width {
                screen.rows = Self.blank(screen.width, screen.height)
            }
            for run in runs where run.y < screen.height {
                for (offset, cell) in run.cells.enumerated() where run.x + offset < screen.width {
                    screen.rows[run.y][run.x + offset] = cell.text
                }
            }
            screen.frames += 1
        }
    }

    func invalidate() {}

    func restore() {}
}
