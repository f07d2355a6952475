import Synchronization
import SwitchboardCore

/// Serves the contacts table's windows from a larger block of rows that one store
/// observation keeps fresh, so scrolling a row or a page mostly needs no query at all:
/// the window is cut from the block and posted at once, and the loop draws it in the
/// same frame as the key. When the window comes within `marginWindows` of the block's
/// edge, a new block centred on it is observed in the background while the old one still
/// serves; only a jump outside the block waits for the store.
final class ContactWindows: Sendable {
    /// Whose rows: a new scope forgets the rows of the old one.
    struct Scope: Hashable, Sendable {
        var account: String
        var campaignID: String
        var filter: ContactFilter
    }

    /// The rows one block holds, in windows.
    static let blockWindows = 12
    /// How near (in windows) the window may come to the block's edge before the next
    /// block is read: two, so paging a window at a time does not outrun the read.
    static let marginWindows = 2
    /// How long a block read ahead waits, so it does not compete with the frame being drawn.
    static let prefetchDelay = Duration.milliseconds(5)

    /// Where rows come from: what the caller observes, in a block from `start`.
    typealias Observe = @Sendable (_ start: Int, _ limit: Int) -> any AsyncSequence<[CachedContact], any Error> & Sendable
    /// The message that delivers a window's rows from `offset`.
    typealias Deliver = @Sendable (_ offset: Int, _ rows: [CachedContact]) -> Msg

    private struct Block {
        var start: Int
        var limit: Int
        var rows: [CachedContact]

        /// Whether the block holds rows `offset..<offset+limit` (or all that exist of them).
        func holds(offset: Int, limit wanted: Int) -> Bool {
            guard offset >= start else { return false }
            return offset + wanted <= start + rows.count || rows.count < limit
        }

        func window(offset: Int, limit wanted: Int) -> [CachedContact] {
            let from = min(rows.count, offset - start)
            return Array(rows[from..<min(rows.count, from + wanted)])
        }
    }

    private struct Request {
        var scope: Scope
        var offset: Int
        var limit: Int
        var observe: Observe
        var deliver: Deliver
    }

    private struct State {
        var request: Request?
        /// The rows last delivered for the scope (by the running observation or the one before it).
        var block: Block?
        /// The block the running observation follows.
        var observing: (start: Int, limit: Int)?
        var task: Task<Void, Never>?
        var generation = 0
    }

    private let inbox: Inbox
    private let state = Mutex(State())
    private let failed: @Sendable (any Error) -> Void

    init(inbox: Inbox, failed: @escaping @Sendable (any Error) -> Void) {
        self.inbox = inbox
        self.failed = failed
    }

    /// Shows rows `offset..<offset+limit` of `scope` (a campaign and filter): posts them at
    /// once when the block holds them, else when the store delivers; later changes are
    /// posted as the store sees them. A new scope forgets the old rows.
    func show(scope: Scope, offset: Int, limit: Int, observe: @escaping Observe, deliver: @escaping Deliver) {
        let message: Msg? = state.withLock { state in
            if let current = state.request?.scope, current != scope { Self.forget(&state) }
            state.request = Request(scope: scope, offset: offset, limit: limit, observe: observe, deliver: deliver)
            let served = state.block.map { $0.holds(offset: offset, limit: limit) } ?? false
            // While the old block still serves, the next one is read a little after the
            // frame that asked for it, so reading it does not compete with that frame.
            if needsNewBlock(state) { startObserving(&state, after: served ? Self.prefetchDelay : nil) }
            guard served, let block = state.block else { return nil }
            return deliver(offset, block.window(offset: offset, limit: limit))
        }
        if let message { inbox.post(message) }
    }

    /// Stops observing and forgets the rows.
    func stop() {
        state.withLock { Self.forget(&$0) }
    }

    /// Cancels the observation and forgets the rows; the generation moves on, so rows
    /// the cancelled task still hands over are dropped.
    private static func forget(_ state: inout State) {
        state.task?.cancel()
        state.task = nil
        state.request = nil
        state.block = nil
        state.observing = nil
        state.generation += 1
    }

    /// Whether the running observation's block is missing or too close to the window:
    /// within a window of its edge, where the data goes on beyond it.
    private func needsNewBlock(_ state: State) -> Bool {
        guard let request = state.request else { return false }
        guard let observing = state.observing else { return true }
        let margin = request.limit * Self.marginWindows
        if request.offset < observing.start + (observing.start > 0 ? margin : 0) { return true }
        let dataEnds = state.block.map { $0.start == observing.start && $0.rows.count < $0.limit } ?? false
        return !dataEnds && request.offset + request.limit + margin > observing.start + observing.limit
    }

    private func startObserving(_ state: inout State, after delay: Duration? = nil) {
        guard let request = state.request else { return }
        state.task?.cancel()
        state.generation += 1
        let limit = max(1, request.limit) * Self.blockWindows
        let start = max(0, request.offset - (limit - request.limit) / 2)
        state.observing = (start, limit)
        let (generation, values, inbox, failed) = (state.generation, request.observe(start, limit), inbox, failed)
        state.task = Task { [weak self] in
            do {
                if let delay { try await Task.sleep(for: delay) }
                for try await rows in values {
                    guard let self else { return }
                    if let message = self.received(rows, generation: generation) { inbox.post(message) }
                }
            } catch is CancellationError {
                return
            } catch {
                failed(error)
            }
        }
    }

    /// A block's rows arrived: keep them and cut the wanted window from them.
    private func received(_ rows: [CachedContact], generation: Int) -> Msg? {
        state.withLock { state in
            guard generation == state.generation, let observing = state.observing, let request = state.request else {
                return nil
            }
            let block = Block(start: observing.start, limit: observing.limit, rows: rows)
            state.block = block
            guard block.holds(offset: request.offset, limit: request.limit) else {
                // The window moved on while this block was read: follow it.
                if needsNewBlock(state) { startObserving(&state) }
                return nil
            }
            if needsNewBlock(state) { startObserving(&state) }
            return request.deliver(request.offset, block.window(offset: request.offset, limit: request.limit))
        }
    }
}
