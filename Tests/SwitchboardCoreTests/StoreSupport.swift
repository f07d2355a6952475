import Foundation

@testable import SwitchboardCore

/// A fresh directory under the system temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "switchboard-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Runs `body` with a store opened in a fresh temporary data directory.
func withTemporaryStore<T>(_ body: (Store, TemporaryDirectory) async throws -> T) async throws -> T {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try Store.open(directory: directory.path + "/data")
    return try await body(store, directory)
}

/// `count` Anyreach-shaped contacts with external ids `prefix-0 ...`.
func sampleContacts(_ count: Int, prefix: String = "c") -> [Contact] {
    (0..<count).map { index in
        Contact(
            externalID: "\(prefix)-\(index)", firstName: "First\(index)", lastName: "Last",
            email: "\(prefix)\(index)@example.com", phoneNumbers: [String(format: "+1415555%04d", index % 10_000)])
    }
}
