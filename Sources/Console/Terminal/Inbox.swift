import Synchronization

/// Messages posted to the terminal thread from other threads and tasks: each post
/// wakes the thread's `poll()` through the pipe.
final class Inbox: Sendable {
    private let messages = Mutex<[Msg]>([])
    private let stopSignal = Mutex<Int32?>(nil)
    private let resizeRequested = Mutex(false)
    let pipe: WakePipe

    init() throws {
        pipe = try WakePipe()
    }

    func post(_ message: Msg) {
        messages.withLock { $0.append(message) }
        pipe.wake()
    }

    /// Posts several messages with one wake-up (they are taken in the same turn).
    func post(_ batch: [Msg]) {
        guard !batch.isEmpty else { return }
        messages.withLock { $0.append(contentsOf: batch) }
        pipe.wake()
    }

    /// Asks the loop to restore the terminal and stop (a signal arrived).
    func requestStop(signal: Int32) {
        stopSignal.withLock { $0 = $0 ?? signal }
        pipe.wake()
    }

    /// Asks the loop to read the window size again (SIGWINCH).
    func requestResize() {
        resizeRequested.withLock { $0 = true }
        pipe.wake()
    }

    /// Whether a resize was requested since the last call; clears the request.
    func takeResizeRequest() -> Bool {
        resizeRequested.withLock { requested in
            defer { requested = false }
            return requested
        }
    }

    /// The signal that asked the loop to stop, if one did.
    var stopRequest: Int32? { stopSignal.withLock { $0 } }

    /// Everything posted so far, oldest first.
    func takeAll() -> [Msg] {
        pipe.drain()
        return messages.withLock { taken in
            defer { taken = [] }
            return taken
        }
    }
}
