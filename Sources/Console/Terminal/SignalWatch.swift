import Dispatch
import Foundation

/// SIGTERM, SIGHUP and SIGINT as requests to stop the loop, which then restores the
/// terminal; SIGWINCH as a request to adopt the new size. Ignoring them first makes
/// ncurses leave them alone at `initscr` and lets the dispatch sources see them. (With
/// many threads, SIGWINCH may land on one that is not in `poll()`, so ncurses' own
/// handler would not wake the terminal thread.)
final class SignalWatch {
    static let signals: [Int32] = [SIGTERM, SIGHUP, SIGINT, SIGWINCH]
    private let sources: [any DispatchSourceSignal]

    /// Created in a nonisolated function: a handler closure formed in main-actor code
    /// and run on a global queue crashes at run time (see PLATFORM.md).
    nonisolated init(inbox: Inbox) {
        sources = Self.signals.map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            if signalNumber == SIGWINCH {
                source.setEventHandler { inbox.requestResize() }
            } else {
                source.setEventHandler { inbox.requestStop(signal: signalNumber) }
            }
            source.resume()
            return source
        }
    }

    /// Stops watching and gives the signals their default actions back.
    func cancel() {
        for source in sources { source.cancel() }
        for signalNumber in Self.signals { signal(signalNumber, SIG_DFL) }
    }
}
