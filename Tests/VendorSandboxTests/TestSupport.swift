import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import VendorSandbox

/// Seeded tokens, short names for the tests.
enum Tokens {
    static let org = SandboxCredentials.Anyreach.orgKey
    static let personal = SandboxCredentials.Anyreach.personalToken
    static let readOnly = SandboxCredentials.Anyreach.readOnlyKey
}

extension SandboxOptions {
    /// A small, quiet, fault-free sandbox whose dialer only moves when a test steps it.
    static func testing(contacts: Int = 150, seed: UInt64 = 7, faults: FaultSpec = .none) -> SandboxOptions {
        var options = SandboxOptions()
        options.port = 0
        options.seed = seed
        options.demoContactCount = contacts
        options.faults = faults
        options.dialerEnabled = false
        return options
    }
}

let quietLogger: Logger = {
    var logger = Logger(label: "sandbox-tests")
    logger.logLevel = .critical
    return logger
}()

/// Runs `body` against an in-process sandbox (`.router` unless told otherwise).
@discardableResult
func withSandbox<Value: Sendable>(
    _ options: SandboxOptions = .testing(), setup: TestingSetup = .router,
    _ body: @Sendable (Sandbox, any TestClientProtocol) async throws -> Value
) async throws -> Value {
    let sandbox = Sandbox(options: options, logger: quietLogger)
    return try await sandbox.buildApplication().test(setup) { client in try await body(sandbox, client) }
}

extension TestClientProtocol {
    /// Calls an Anyreach route (`path` after `/anyreach`) with a bearer token and JSON body.
    func anyreach(
        _ method: HTTPRequest.Method, _ path: String, token: String? = Tokens.org, org: String? = nil,
        json: String? = nil
    ) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let org { headers[HTTPField.Name("X-Anyreach-Org")!] = org }
        if json != nil { headers[.contentType] = "application/json" }
        return try await execute(
            uri: "/anyreach" + path, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }
}

extension TestResponse {
    /// The body parsed as JSON (`.null` when it is not JSON).
    var json: JSONValue {
        (try? JSONDecoder().decode(JSONValue.self, from: Data(String(buffer: body).utf8))) ?? .null
    }

    /// The `detail` of an Anyreach error answer.
    var detail: String? { json["detail"]?.string }
}

extension JSONValue {
    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    subscript(index: Int) -> JSONValue? {
        if case .array(let array) = self, array.indices.contains(index) { return array[index] }
        return nil
    }

    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var int: Int? {
        if case .number(let value) = self { return Int(value) }
        return nil
    }

    var double: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    var array: [JSONValue] {
        if case .array(let value) = self { return value }
        return []
    }

    var keys: Set<String> {
        if case .object(let object) = self { return Set(object.keys) }
        return []
    }

    var isNull: Bool { self == .null }
}

/// The vendor's example bodies, shared with the client's tests.
enum DocumentedExample {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/vendor-docs/examples/anyreach")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }
}

/// Creates a campaign through the API and answers its JSON.
func createCampaign(
    _ client: any TestClientProtocol, name: String = "Test campaign", externalID: String? = nil,
    configurationID: String? = nil
) async throws -> JSONValue {
    var fields = ["\"name\": \"\(name)\""]
    if let externalID { fields.append("\"external_id\": \"\(externalID)\"") }
    if let configurationID { fields.append("\"configuration_id\": \"\(configurationID)\"") }
    let response = try await client.anyreach(.post, "/campaign/campaigns", json: "{\(fields.joined(separator: ","))}")
    #expect(response.status == .ok, "\(String(buffer: response.body))")
    return response.json
}
