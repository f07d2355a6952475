import Foundation
import SwitchboardCore
import Testing

@Suite struct ImportBatchTests {
    private let anyreach = ImportOptions(vendor: .anyreach, defaultCountryCode: "+1")

    @Test func csvRowsBecomeContactsInBatches() throws {
        var text = "external_id,first_name,Last Name,phone,mobile,plan\r\n"
        for row in 1...25 {
            text += "crm-\(row),Ada,\"Lovelace, \"\"A\"\"\",(415) 555-01\(10 + row),415.555.0200,pro\r\n"
        }
        var options = anyreach
        options.batchSize = 10
        options.chunkSize = 7
        let batches = try ImportFixture.batches(text, options: options)
        #expect(batches.map(\.contacts.count) == [10, 10, 5])
        #expect(batches.flatMap(\.rowNumbers) == Array(2...26))
        #expect(
            batches[0].contacts[0]
                == Contact(
                    externalID: "crm-1", firstName: "Ada", lastName: "Lovelace, \"A\"",
                    phoneNumbers: ["+14155550111", "+14155550200"], data: ["plan": .string("pro")]))
    }

    @Test func explicitMappingIsApplied() throws {
        var options = anyreach
        options.overrides = try ColumnOverrides(parsing: ["Work=phone", "ref=external_id"])
        let batch = try #require(try ImportFixture.batches("ref,Work\nr-1,4155550123\n", options: options).first)
        #expect(batch.contacts == [Contact(externalID: "r-1", phoneNumbers: ["+14155550123"])])
    }

    @Test func mappingMistakesStopTheImportNamingTheFile() throws {
        var options = anyreach
        options.overrides = try ColumnOverrides(parsing: ["Cell Phone=phone"])
        let path = ImportFixture.file("email,phone\n")
        #expect {
            try ContactImport(path: path, options: options)
        } throws: { error in
            (error as? ImportProblem)?.description
                == "\(path):1: mapping names column \"Cell Phone\", which the header does not have (columns: \"email\", \"phone\")"
        }
    }

    /// Malformed rows are reported with file, line, column and reason; the rest of the file goes on.
    @Test func malformedRowsDoNotStopTheFile() throws {
        let bytes =
            Array("phone,note\n4155550101,fine\n4155550102,5\" screen\n4155550103,a,extra\n4155550104,\"bad\"x\n".utf8)
            + Array("4155550105,caf".utf8) + [0xE9]
            + Array("\n4155550106,\(String(repeating: "z", count: 1 << 20))\n".utf8)
            + Array("4155550107,last\n4155550108,\"never closed\n4155550109,swallowed\n".utf8)
        let path = ImportFixture.file(bytes)
        let source = try ContactImport(path: path, options: anyreach)
        var batches: [ImportBatch] = []
        while let batch = try source.nextBatch() { batches.append(batch) }
        let problems = batches.flatMap(\.problems)
        #expect(batches.flatMap(\.rowNumbers) == [2, 8])
        #expect(
            problems.map(\.description) == [
                "\(path):3: column \"note\": a quote (\") on line 3 inside a field that is not quoted; quote the whole field and double the quote",
                "\(path):4: the row has 3 fields; the header has 2",
                "\(path):5: column \"note\": text after a closing quote on line 5; a quote inside a quoted field must be doubled (\"\")",
                "\(path):6: column \"note\": invalid UTF-8 on line 6 at byte 4 of the field; save the file as UTF-8",
                "\(path):7: column \"note\": the field is longer than 65536 bytes; the row was skipped",
                "\(path):9: column \"note\": the quote opened on line 9 is never closed; the rest of the file was read as this field",
            ])
    }

    @Test func emptyFileIsAProblemForTheWholeFile() {
        let path = ImportFixture.file("")
        #expect {
            try ContactImport(path: path, options: anyreach)
        } throws: { error in
            (error as? ImportProblem)?.description
                == "\(path): the file is empty; a CSV import starts with a header row"
        }
    }

    @Test func headerOnlyFileSaysSo() throws {
        let batches = try ImportFixture.batches("\u{FEFF}email,phone\r\n", options: anyreach)
        #expect(batches.count == 1)
        #expect(batches.first?.contacts.isEmpty == true)
        #expect(batches.first?.problems.map(\.reason) == ["the file has a header but no rows"])
        #expect(batches.first?.problems.map(\.line) == [1])
    }

    @Test func malformedHeaderStopsTheImport() {
        let path = ImportFixture.file("email,\"phone\n1,2\n")
        #expect {
            try ContactImport(path: path, options: anyreach)
        } throws: { error in
            (error as? ImportProblem)?.line == 1
                && (error as? ImportProblem)?.reason.hasPrefix("the header row: the quote opened on line 1") == true
        }
    }

    @Test func aBatchEndsAfterBatchSizeProblemsSoMemoryStaysBounded() throws {
        var options = anyreach
        options.batchSize = 4
        let text = "phone\n" + String(repeating: "nope\n", count: 10) + "4155550123\n"
        let batches = try ImportFixture.batches(text, options: options)
        #expect(batches.map(\.problems.count) == [4, 4, 2])
        #expect(batches.map(\.contacts.count) == [0, 0, 1])
    }
}
