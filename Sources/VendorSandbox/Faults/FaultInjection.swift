import Hummingbird
import NIOCore
import Synchronization

/// The faults in force, changed while the sandbox runs by `POST /_sandbox/faults`.
final class FaultSwitch: Sendable {
    private let current: Mutex<FaultSpec>

    init(_ spec: FaultSpec) {
        current = Mutex(spec)
    }

    var spec: FaultSpec {
        get { current.withLock { $0 } }
        set { current.withLock { $0 = newValue } }
    }
}

/// Rolls the seeded dice for each request, one request at a time.
actor FaultDice {
    private var random: SeededGenerator

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed, stream: 4)
    }

    func roll() -> Double {
        Double.random(in: 0..<1, using: &random)
    }
}

/// Middleware on a vendor's routes that delays requests and answers some of them with an
/// injected status or a dropped connection, as the ``FaultSpec`` in force says.
struct FaultInjection: RouterMiddleware {
    typealias Context = SandboxRequestContext

    let faults: FaultSwitch
    let dice: FaultDice
    let vendor: any SimulatedVendor

    /// Thrown after the connection is closed, so no answer is written.
    struct ConnectionReset: Error {}

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let spec = faults.spec
        if spec.isNone { return try await next(request, context) }
        if spec.latency > .zero { try await Task.sleep(for: spec.latency) }
        switch spec.fault(forRoll: await dice.roll()) {
        case nil:
            return try await next(request, context)
        case .reset:
            context.logger.debug("Injected fault: connection reset")
            try? await context.channel.close()
            throw ConnectionReset()
        case .status(let code):
            let status = Self.status(code)
            context.logger.debug("Injected fault", metadata: ["status": "\(code)"])
            var response = try vendor.errorResponse(status: status, message: "\(status.reasonPhrase) (injected)")
            if code == 429 || code == 503 { response.headers[.retryAfter] = "1" }
            return response
        }
    }

    /// Statuses whose reason phrase is worth spelling out in an injected answer.
    private static let knownStatuses: [HTTPResponse.Status] = [
        .badRequest, .unauthorized, .forbidden, .notFound, .methodNotAllowed, .requestTimeout, .conflict,
        .contentTooLarge, .unprocessableContent, .tooManyRequests, .internalServerError, .notImplemented,
        .badGateway, .serviceUnavailable, .gatewayTimeout,
    ]

    /// The status for a code, with its standard reason phrase where there is one.
    static func status(_ code: Int) -> HTTPResponse.Status {
        knownStatuses.first { $0.code == code } ?? HTTPResponse.Status(code: code, reasonPhrase: "HTTP \(code)")
    }
}
