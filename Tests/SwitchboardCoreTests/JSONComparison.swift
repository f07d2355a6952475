import Foundation
import SwitchboardCore

/// Whether two JSON texts hold the same value (key order and number spelling aside).
func sameJSON(_ left: [UInt8], _ right: [UInt8]) throws -> Bool {
    try JSONDecoder().decode(JSONValue.self, from: Data(left)) == JSONDecoder().decode(JSONValue.self, from: Data(right))
}

/// The request body as a JSON object, for checking single members.
func jsonObject(_ bytes: [UInt8]?) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(bytes ?? [])) as? [String: Any] ?? [:]
}
