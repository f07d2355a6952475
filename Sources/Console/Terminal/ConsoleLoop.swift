import Foundation

/// The terminal thread's loop: wait in `poll()` on the input and the wake pipe (with a
/// timeout only while live refresh is on or a frame is due), turn what arrived into
/// messages, `update`, hand the effects to the runner, and write only the cells that
/// changed.
///
/// When to draw: a key is drawn at once, unless the contact rows it scrolled to are still
/// being read (then its frame waits for them, at most `pendingRowsWait`, so scrolling
/// never flashes placeholder rows). Changes from background messages (a tick, a vendor
/// answer, a store observation) are drawn at once after a quiet spell, else at most one
/// frame per `backgroundFrameDelay`; after a tick, they wait until the stats refresh it
/// started has answered (and its sample is in), but never longer than
/// `backgroundFrameLimit`. So one stats refresh (tick, answer, new sample) is one frame,
/// not three, and the header does not flash "2s ago" in between.
final class ConsoleLoop {
    /// How long background changes wait for another message before they are drawn.
    static let backgroundFrameDelay: TimeInterval = 0.03
    /// The longest background changes wait to be drawn.
    static let backgroundFrameLimit: TimeInterval = 0.5
    /// How long a key's frame waits for contact rows the store is still reading.
    static let pendingRowsWait: TimeInterval = 0.05
    /// Rounds of messages that effects post at once (a window already in memory) drawn
    /// in the same frame as the message that caused them.
    static let immediateRounds = 4

    private let terminal: any Terminal
    private let inbox: Inbox
    private let runner: EffectRunner
    private var state: AppState
    private var previous: Canvas?
    private var nextTick: Date?
    /// A key or resize not drawn yet: its frame is due by then.
    private var inputDue: Date?
    /// When the first background change not drawn yet arrived, and when its frame is due.
    private var backgroundSince: Date?
    private var backgroundDue: Date?
    /// Whether those changes include a tick (its frame waits for the refresh it started).
    private var backgroundTicked = false
    /// When the last frame drawn for background changes alone was drawn.
    private var lastBackgroundFrame = Date.distantPast
    private let frameSignal = FrameSignal()

    init(terminal: any Terminal, inbox: Inbox, runner: EffectRunner, state: AppState) {
        self.terminal = terminal
        self.inbox = inbox
        self.runner = runner
        self.state = state
    }

    /// Runs until quit, a stop signal, or the end of input; returns why it stopped.
    func run() -> ConsoleExit {
        let size = terminal.size
        _ = update(&state, .resize(width: size.width, height: size.height))
        runner.run(start(&state))
        scheduleTick()
        draw()
        while true {
            if let signal = inbox.stopRequest { return .signal(signal) }
            var messages: [Msg] = []
            var sawInput = false
            let wake = waitForInput()
            switch wake {
            case .input, .interrupted:
                let inputs = terminal.readInput()
                if inputs.isEmpty, wake == .input, terminal.inputIsAtEnd { return .endOfInput }
                for input in inputs {
                    sawInput = true
                    switch input {
                    case .key(let key): messages.append(.key(key))
                    case .resize(let width, let height):
                        previous = nil
                        messages.append(.resize(width: width, height: height))
                    case .redraw:
                        previous = nil
                        terminal.invalidate()
                    case .endOfInput: return .endOfInput
                    }
                }
            case .closed:
                return .endOfInput
            case .woken, .timeout:
                break
            }
            if let signal = inbox.stopRequest { return .signal(signal) }
            if inbox.takeResizeRequest() {
                let size = terminal.adoptWindowSize()
                previous = nil
                sawInput = true
                messages.append(.resize(width: size.width, height: size.height))
            }
            messages += inbox.takeAll()
            if let tick = nextTick, Date() >= tick {
                messages.append(.tick(Date()))
                nextTick = nil
                backgroundTicked = true
            }
            process(messages)
            if state.quitting { return .quit }
            if nextTick == nil || state.tickInterval == nil { scheduleTick() }
            let now = Date()
            if sawInput {
                inputDue = inputDue ?? now.addingTimeInterval(Self.pendingRowsWait)
            } else if !messages.isEmpty {
                let since = backgroundSince ?? now
                let limit = since.addingTimeInterval(Self.backgroundFrameLimit)
                backgroundSince = since
                if backgroundTicked {
                    // Wait for the refresh the tick started, then briefly for its sample.
                    backgroundDue =
                        state.refreshing.isEmpty ? min(limit, now.addingTimeInterval(Self.backgroundFrameDelay)) : limit
                } else {
                    // At once after a quiet spell (the campaign list arriving), then at most
                    // one frame per `backgroundFrameDelay` while messages keep coming.
                    let earliest = lastBackgroundFrame.addingTimeInterval(Self.backgroundFrameDelay)
                    backgroundDue = backgroundDue ?? max(now, min(earliest, limit))
                }
            }
            if let due = inputDue {
                if !rowsPending || now >= due { draw() }
            } else if let due = backgroundDue, now >= due {
                lastBackgroundFrame = now
                draw()
            }
        }
    }

    /// Updates the state with `messages` and runs their effects; messages the effects
    /// post at once are taken in the same turn (a few rounds at most; the rest wake the
    /// loop again).
    private func process(_ messages: [Msg]) {
        var batch = messages
        var round = 0
        while !batch.isEmpty {
            var effects: [Effect] = []
            for message in batch { effects += update(&state, message) }
            runner.run(effects)
            round += 1
            if round >= Self.immediateRounds || state.quitting { return }
            batch = inbox.takeAll()
        }
    }

    private enum Wake {
        case input, interrupted, closed, woken, timeout
    }

    /// Blocks until input, a posted message, the next tick or a frame that is due; no
    /// timeout when paused and nothing is due.
    private func waitForInput() -> Wake {
        var descriptors = [
            pollfd(fd: terminal.inputDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: inbox.pipe.readEnd, events: Int16(POLLIN), revents: 0),
        ]
        let wakeAt = [nextTick, inputDue, backgroundDue].compactMap { $0 }.min()
        let timeout = wakeAt.map { Int32(max(0, min(Double(Int32.max), $0.timeIntervalSinceNow * 1000).rounded(.up))) } ?? -1
        let result = poll(&descriptors, 2, timeout)
        if result < 0 {
            // A signal landed on this thread; the inbox says which.
            return errno == EINTR ? .interrupted : .closed
        }
        let input = descriptors[0].revents
        if input & Int16(POLLIN) != 0 { return .input }
        if input & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .closed }
        return result == 0 ? .timeout : .woken
    }

    private func scheduleTick() {
        nextTick = state.tickInterval.map { interval in
            let (seconds, attoseconds) = interval.components
            return Date().addingTimeInterval(Double(seconds) + Double(attoseconds) / 1e18)
        }
    }

    private func draw() {
        inputDue = nil
        backgroundSince = nil
        backgroundDue = nil
        backgroundTicked = false
        let canvas = ConsoleView.render(state)
        let runs = canvas.changes(from: previous)
        terminal.draw(runs)
        previous = canvas
        if !runs.isEmpty { frameSignal.frameShown(complete: !rowsPending) }
    }

    /// Whether the contacts table shows placeholders for rows the store has not delivered yet.
    private var rowsPending: Bool {
        guard case .campaign = state.screen, let pane = state.campaign else { return false }
        guard let count = pane.listCount else { return true }
        return pane.window.count < max(0, min(state.layout.contactRows, count - pane.windowOffset))
    }
}

/// Why the console stopped.
public enum ConsoleExit: Equatable, Sendable {
    case quit
    case signal(Int32)
    case endOfInput

    /// The process exit status: 0 for quit, 128 + the signal's number, 1 for lost input.
    public var status: Int32 {
        switch self {
        case .quit: 0
        case .signal(let number): 128 + number
        case .endOfInput: 1
        }
    }
}
