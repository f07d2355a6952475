import Foundation

/// For benchmarks and end-to-end drivers: with `SWITCHBOARD_FRAME_FD=N` in the
/// environment, one byte goes to descriptor N right after each frame has been written to
/// the terminal: `F` when the frame is complete, `P` while rows it shows are still being
/// read from the store. Without the variable it does nothing. A driver reading the
/// terminal then knows where a frame ends instead of guessing from a quiet interval.
struct FrameSignal {
    private let descriptor: Int32?

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        descriptor = environment["SWITCHBOARD_FRAME_FD"].flatMap(Int32.init).flatMap { $0 > 2 ? $0 : nil }
    }

    func frameShown(complete: Bool) {
        guard let descriptor else { return }
        var byte: UInt8 = complete ? 0x46 : 0x50
        while write(descriptor, &byte, 1) < 0 && errno == EINTR {}
    }
}
