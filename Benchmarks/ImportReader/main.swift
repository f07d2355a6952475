// Times the CSV reader and the whole CSV import (read, map, validate) over a generated
// file of typical contact rows, and prints a table. Build and run with
// Benchmarks/import-reader.sh [ROWS].
import Foundation
import SwitchboardCore

let rows = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1])! : 1_000_000
let path = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-bench-\(getpid()).csv").path
defer { unlink(path) }

let header = "external_id,first_name,last_name,email,phone,timezone,plan,notes\r\n"
FileManager.default.createFile(atPath: path, contents: Data(header.utf8))
let output = FileHandle(forWritingAtPath: path)!
output.seekToEndOfFile()
var bytes = header.utf8.count
var pending: [UInt8] = []
for row in 0..<rows {
    let phone = String(row % 10000)
    pending += "crm-\(row),Ada,\"Lovelace, Countess\",ada.\(row)@example.com,(415) 555-".utf8
    pending += String(repeating: "0", count: 4 - phone.count).utf8
    pending += "\(phone),America/New_York,pro,\"said \"\"call me\"\"\"\r\n".utf8
    if pending.count > 1 << 20 || row == rows - 1 {
        output.write(Data(pending))
        bytes += pending.count
        pending.removeAll(keepingCapacity: true)
    }
}
output.closeFile()

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
        + Double(usage.ru_stime.tv_usec) / 1e6
}

func measure(_ name: String, _ body: () throws -> Int) rethrows {
    let wall = Date()
    let cpu = cpuSeconds()
    let count = try body()
    let cpuUsed = cpuSeconds() - cpu
    let wallUsed = Date().timeIntervalSince(wall)
    print(
        name.padding(toLength: 24, withPad: " ", startingAt: 0),
        String(
            format: "%9d rows  %7.3f s wall  %7.3f s cpu  %6.3f µs cpu/row  %7.1f MB/s", count, wallUsed, cpuUsed,
            cpuUsed / Double(count) * 1e6, Double(bytes) / wallUsed / 1e6))
}

print("file: \(rows) rows, \(bytes) bytes (\(bytes / rows) bytes per row)")
try measure("CSVReader.next") {
    let reader = try CSVReader(path: path)
    var count = 0
    while let record = try reader.next() {
        if record.problem == nil { count += 1 }
    }
    return count - 1
}
try measure("ContactImport.nextBatch") {
    let source = try ContactImport(path: path, options: ImportOptions(vendor: .anyreach, defaultCountryCode: "+1"))
    var count = 0
    while let batch = try source.nextBatch() {
        precondition(batch.problems.isEmpty, "\(batch.problems.first!)")
        count += batch.contacts.count
    }
    return count
}
var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
print("peak RSS \(usage.ru_maxrss / 1024) MB")
