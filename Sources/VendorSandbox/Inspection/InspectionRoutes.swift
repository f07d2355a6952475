import Hummingbird

/// `/_sandbox/...`: what every vendor stores, a way back to the seed, a way to move
/// simulated time without waiting, and the injected faults. Never subject to injected faults.
struct InspectionRoutes: Sendable {
    let vendors: [any SimulatedVendor]
    let faults: FaultSwitch

    /// The faults in force, as `--faults` writes them.
    private struct Faults: Encodable, Sendable {
        let faults: String
    }

    /// Every vendor's snapshot under its name: `{"anyreach": {...}, ...}`.
    private struct StateAnswer: Encodable, Sendable {
        let snapshots: [(name: String, snapshot: any Encodable & Sendable)]

        private struct VendorKey: CodingKey {
            let stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: VendorKey.self)
            for (name, snapshot) in snapshots {
                try container.encode(snapshot, forKey: VendorKey(stringValue: name))
            }
        }
    }

    private struct Done: Encodable, Sendable {
        let ok = true
        let simulatedSeconds: Double?

        enum CodingKeys: String, CodingKey {
            case ok
            case simulatedSeconds = "simulated_seconds"
        }
    }

    func add(to group: RouterGroup<SandboxRequestContext>) {
        group.get("state") { _, _ in
            var snapshots: [(name: String, snapshot: any Encodable & Sendable)] = []
            for vendor in vendors { snapshots.append((vendor.name, await vendor.snapshot())) }
            return try JSONAnswer.response(StateAnswer(snapshots: snapshots))
        }
        group.post("reset") { _, _ in
            for vendor in vendors { await vendor.reset() }
            return try JSONAnswer.response(Done(simulatedSeconds: nil))
        }
        group.get("faults") { _, _ in
            try JSONAnswer.response(Faults(faults: faults.spec.description))
        }
        // `POST /_sandbox/faults?spec=500:0.1,429:0.05` sets the faults (an empty spec clears them).
        group.post("faults") { request, _ in
            let text = request.uri.queryParameters.get("spec") ?? ""
            do {
                faults.spec = try FaultSpec(parsing: text)
            } catch {
                throw HTTPError(.badRequest, message: "\(error)")
            }
            return try JSONAnswer.response(Faults(faults: faults.spec.description))
        }
        group.post("advance") { request, _ in
            let text = request.uri.queryParameters.get("seconds") ?? ""
            guard let seconds = Double(text), seconds > 0, seconds <= 3600 else {
                throw HTTPError(.badRequest, message: "seconds must be a number above 0 and at most 3600, not \(text)")
            }
            for vendor in vendors { await vendor.advance(by: seconds) }
            return try JSONAnswer.response(Done(simulatedSeconds: seconds))
        }
    }
}
