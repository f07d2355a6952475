import Foundation

/// The terminal thread's loop: wait in `poll()` on the input and the wake pipe (with a
/// timeout only while live refresh is on), turn what arrived into messages, `update`,
/// hand the effects to the runner, and write only the cells that changed.
final class ConsoleLoop {
    private let terminal: any Terminal
    private let inbox: Inbox
    private let runner: EffectRunner
    private var state: AppState
    private var previous: Canvas?
    private var nextTick: Date?
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
            let wake = waitForInput()
            switch wake {
            case .input, .interrupted:
                let inputs = terminal.readInput()
                if inputs.isEmpty, wake == .input, terminal.inputIsAtEnd { return .endOfInput }
                for input in inputs {
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
                messages.append(.resize(width: size.width, height: size.height))
            }
            messages += inbox.takeAll()
            let now = Date()
            if let tick = nextTick, now >= tick {
                messages.append(.tick(now))
                nextTick = nil
            }
            var effects: [Effect] = []
            for message in messages { effects += update(&state, message) }
            runner.run(effects)
            if state.quitting { return .quit }
            if nextTick == nil || state.tickInterval == nil { scheduleTick() }
            draw()
        }
    }

    private enum Wake {
        case input, interrupted, closed, woken, timeout
    }

    /// Blocks until input, a posted message, or the next tick; no timeout when paused.
    private func waitForInput() -> Wake {
        var descriptors = [
            pollfd(fd: terminal.inputDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: inbox.pipe.readEnd, events: Int16(POLLIN), revents: 0),
        ]
        let timeout = nextTick.map { Int32(max(0, min(Double(Int32.max), $0.timeIntervalSinceNow * 1000).rounded(.up))) } ?? -1
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
        let canvas = ConsoleView.render(state)
        let runs = canvas.changes(from: previous)
        terminal.draw(runs)
        previous = canvas
        if !runs.isEmpty { frameSignal.frameShown(complete: !rowsPending) }
    }

    /// Whether the contacts table shows placeholders for rows the store has not delivered yet.
    private var rowsPending: Bool {
        guard case .campaign = state.screen, let pane = state.campaign else { return false }
        guard let count = pane.cachedCount else { return true }
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
