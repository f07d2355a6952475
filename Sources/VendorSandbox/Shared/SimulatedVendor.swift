import Hummingbird

/// One imitated vendor: its routes under its own prefix, its error shape, its stored data.
///
/// A new vendor is a folder with one type conforming to this and a line in
/// `Sandbox.vendors`; the inspection routes and fault injection pick it up.
protocol SimulatedVendor: Sendable {
    /// The route prefix and the key in `GET /_sandbox/state` (`anyreach`, `replify`, ...).
    var name: String { get }

    /// Adds the vendor's routes to a group already mounted at `/<name>`.
    func addRoutes(to group: RouterGroup<SandboxRequestContext>)

    /// The vendor's own error body for a status, used for injected faults.
    func errorResponse(status: HTTPResponse.Status, message: String) throws -> Response

    /// Everything the vendor stores, for `GET /_sandbox/state`.
    func snapshot() async -> any Encodable & Sendable

    /// Back to the seeded state.
    func reset() async

    /// Moves the vendor's simulated time forward by `seconds`.
    func advance(by seconds: Double) async
}
