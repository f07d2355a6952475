import Hummingbird

/// The imitated Replify External API, mounted at `/replify` (for
/// `https://api.heylibby.com/api/v1`): campaign contacts by `x-api-key`, and outbound calls.
struct ReplifyVendor: SimulatedVendor {
    let name = "replify"
    let store: ReplifyStore

    init(seed: UInt64) {
        store = ReplifyStore(seed: seed)
    }

    func errorResponse(status: HTTPResponse.Status, message: String) throws -> Response {
        try ReplifyError(status: status, message: message).answer()
    }

    func snapshot() async -> any Encodable & Sendable {
        ReplifySnapshot(await store.state)
    }

    func reset() async {
        await store.reset()
    }

    /// Replify keeps no clock: nothing moves with simulated time.
    func advance(by seconds: Double) async {}
}
