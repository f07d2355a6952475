import Foundation
import HummingbirdTesting
import Testing

@testable import VendorSandbox

/// Every kind of answer the sandbox gives on `POST /campaigns/{campaignId}/contacts`,
/// validated by a JSON-schema validator against the response schemas of Replify's own
/// OpenAPI document, with no keys beyond the documented ones.
@Suite struct ReplifyOpenAPITests {
    static let specification = ReplifyExample.folder.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("replify-external-api.openapi.yaml")

    /// Reads `{"status": N, "body": "..."}` lines and validates each body against the
    /// schema the document gives for its status; objects with `properties` get
    /// `additionalProperties: false` unless the document says otherwise.
    static let validator = """
        import json, sys, yaml
        from jsonschema import Draft4Validator, FormatChecker
        spec = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
        responses = spec["paths"]["/campaigns/{campaignId}/contacts"]["post"]["responses"]
        def strict(schema):
            if isinstance(schema, dict):
                schema = {key: strict(value) for key, value in schema.items()}
                if schema.get("type") == "object" and "properties" in schema:
                    schema.setdefault("additionalProperties", False)
            elif isinstance(schema, list):
                schema = [strict(item) for item in schema]
            return schema
        failed = 0
        lines = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8") if line.strip()]
        for exchange in lines:
            documented = responses.get(str(exchange["status"]))
            if documented is None:
                failed += 1
                print("undocumented status", exchange["status"], exchange["body"])
                continue
            schema = strict(documented["content"]["application/json"]["schema"])
            for error in Draft4Validator(schema, format_checker=FormatChecker()).iter_errors(json.loads(exchange["body"])):
                failed += 1
                print(exchange["status"], exchange["body"], "->", error.message)
        print(f"openapi: {len(lines) - failed} valid, {failed} failed")
        sys.exit(1 if failed or not lines else 0)
        """

    private struct Exchange: Encodable {
        let status: Int
        let body: String
    }

    /// Requests covering every answer: the documented examples, each rule's error items,
    /// removals, the 400s, 403s and 404.
    private static func exchanges(_ client: any TestClientProtocol) async throws -> [Exchange] {
        var answers: [TestResponse] = []
        for example in [
            "UpdateOnlyContacts", "UpsertContacts", "UpdateOnlyContacts", "UpsertWithExternalIds",
            "UpsertWithExternalIdsRoot", "RemoveContact",
        ] {
            answers.append(
                try await client.replify(Replify.contacts(), body: try ReplifyExample.text("request.\(example).json")))
        }
        answers.append(
            try await client.replifyContacts([#"{"email": "john@example.com"}"#, #"{"phone": "15559876543"}"#]))
        answers.append(
            try await client.replifyContacts([
                #"{"email": "john@example.com", "phone": "+1 555 987 6543"}"#, #"{"firstName": "Nobody"}"#,
                #"{"email": "bad address", "phone": "15550001111"}"#, #"{"phone": "12"}"#,
                #"{"email": "done@example.com", "status": "completed"}"#,
            ]))
        answers.append(
            try await client.replifyContacts(
                [#"{"phone": "15559876543"}"#, #"{"email": "nope@example.com"}"#], action: "remove"))
        answers.append(
            try await client.replify(Replify.contacts(), body: #"{"contacts": [{"email": "ava@example.com",}]}"#))
        answers.append(try await client.replify(Replify.contacts(), body: ""))
        answers.append(try await client.replify(Replify.contacts(), body: #"{"action": "upsert"}"#))
        answers.append(try await client.replify(Replify.contacts(), body: #"{"contacts": [], "action": "merge"}"#))
        answers.append(try await client.replify(Replify.contacts(), body: #"{"contacts": [{"phone": 1}]}"#))
        answers.append(try await client.replify(Replify.contacts(), key: nil, body: #"{"contacts": []}"#))
        answers.append(try await client.replify(Replify.contacts(), key: "wrong", body: #"{"contacts": []}"#))
        answers.append(try await client.replify(Replify.contacts(Replify.foreignCampaign), body: #"{"contacts": []}"#))
        answers.append(
            try await client.replify(
                Replify.contacts(Replify.otherCampaign), key: Replify.limitedKey, body: #"{"contacts": []}"#))
        answers.append(
            try await client.replify(
                Replify.contacts("00000000-0000-4000-8000-000000000000"), body: #"{"contacts": []}"#))
        return answers.map { Exchange(status: Int($0.status.code), body: String(buffer: $0.body)) }
    }

    @Test func everyAnswerValidatesAgainstTheVendorsDocument() async throws {
        let exchanges = try await withSandbox { _, client in try await Self.exchanges(client) }
        #expect(Set(exchanges.map(\.status)) == [200, 400, 403, 404])
        let lines = try exchanges.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("replify-answers-\(UUID()).jsonl")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }

        let python = ProcessInfo.processInfo.environment["SWITCHBOARD_OPENAPI_PYTHON"] ?? "python3"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, "-c", Self.validator, Self.specification.path, file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(printed)")
        #expect(printed.contains("openapi: \(exchanges.count) valid, 0 failed"), "\(printed)")
    }
}
