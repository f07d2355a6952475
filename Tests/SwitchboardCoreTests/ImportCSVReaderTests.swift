import Foundation
import SwitchboardCore
import Testing

@Suite struct ImportCSVReaderTests {
    @Test func plainFieldsAndLineNumbers() throws {
        let records = try ImportFixture.records("a,b,c\n1,2,3\n")
        #expect(
            records == [CSVRecord(line: 1, fields: ["a", "b", "c"]), CSVRecord(line: 2, fields: ["1", "2", "3"])])
    }

    @Test func lastRecordWithoutLineBreak() throws {
        #expect(try ImportFixture.records("a,b\n1,2").map(\.fields) == [["a", "b"], ["1", "2"]])
    }

    @Test func quotedFieldsHoldCommasDoubledQuotesAndLineBreaks() throws {
        let records = try ImportFixture.records(
            "name,note\n\"Lovelace, Ada\",\"she said \"\"hi\"\"\"\n\"two\nlines\",x\nnext,row\n")
        #expect(
            records.map(\.fields) == [
                ["name", "note"], ["Lovelace, Ada", "she said \"hi\""], ["two\nlines", "x"], ["next", "row"],
            ])
        #expect(records.map(\.line) == [1, 2, 3, 5])
    }

    @Test func emptyFieldsQuotedAndUnquoted() throws {
        #expect(try ImportFixture.records("a,,\"\",b\n,\n").map(\.fields) == [["a", "", "", "b"], ["", ""]])
    }

    @Test func crlfAndBareCRLineEnds() throws {
        let records = try ImportFixture.records("a,b\r\n1,\"x\r\ny\"\r\n2,3\r4,5\r\n")
        #expect(records.map(\.fields) == [["a", "b"], ["1", "x\r\ny"], ["2", "3"], ["4", "5"]])
        #expect(records.map(\.line) == [1, 2, 4, 5])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let records = try ImportFixture.records(
            [0xEF, 0xBB, 0xBF] + Array("email,phone\nx@y.z,1\n".utf8), chunkSize: 1)
        #expect(records.first?.fields == ["email", "phone"])
    }

    @Test func blankLinesAreSkipped() throws {
        let records = try ImportFixture.records("a\n\n1\r\n\r\n2\n\n")
        #expect(records.map(\.fields) == [["a"], ["1"], ["2"]])
        #expect(records.map(\.line) == [1, 3, 5])
    }

    @Test(arguments: [1, 2, 3, 5, 7, 64])
    func recordsSpanningReadChunks(chunkSize: Int) throws {
        let text = "id,note\r\n1,\"a quoted field, with \"\"quotes\"\"\r\nand a line break\"\r\n2,plain\r\n"
        let records = try ImportFixture.records(text, chunkSize: chunkSize)
        #expect(records == (try ImportFixture.records(text)))
        #expect(
            records.map(\.fields) == [
                ["id", "note"], ["1", "a quoted field, with \"quotes\"\r\nand a line break"], ["2", "plain"],
            ])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func unicodeFieldsKeptWhole() throws {
        #expect(
            try ImportFixture.records("名前,émoji\n山田,👩‍💻\n", chunkSize: 3).map(\.fields) == [
                ["名前", "émoji"], ["山田", "👩‍💻"],
            ])
    }

    @Test func unterminatedQuoteAtEndOfFile() throws {
        let records = try ImportFixture.records("a,b\n1,\"open\n2,3\n")
        #expect(records.count == 2)
        #expect(records[1].line == 2)
        #expect(records[1].problem == .unterminatedQuote(field: 1, line: 2))
        #expect(records[1].problem?.reason.contains("never closed") == true)
    }

    @Test func strayQuoteInUnquotedFieldSpoilsOnlyItsRow() throws {
        let records = try ImportFixture.records("a,b\n1,5\" screen\n2,3\n")
        #expect(records[1].problem == .strayQuote(field: 1, line: 2))
        #expect(records[2] == CSVRecord(line: 3, fields: ["2", "3"]))
    }

    @Test func textAfterClosingQuoteSpoilsOnlyItsRow() throws {
        let records = try ImportFixture.records("a,b\n\"x\"y,1\n2,3\n")
        #expect(records[1].problem == .textAfterClosingQuote(field: 0, line: 2))
        #expect(records[2].fields == ["2", "3"])
    }

    @Test func invalidUTF8NamesLineAndByte() throws {
        let bytes = Array("a,b\nok,\"two\nli".utf8) + [0xFF] + Array("ne\"\n3,4\n".utf8)
        let records = try ImportFixture.records(bytes)
        #expect(records[1].problem == .invalidUTF8(field: 1, line: 3, byteOffset: 6))
        #expect(records[1].problem?.reason == "invalid UTF-8 on line 3 at byte 7 of the field; save the file as UTF-8")
        #expect(records[2].fields == ["3", "4"])
    }

    @Test func overlongAndTruncatedSequencesAreInvalid() throws {
        let records = try ImportFixture.records([0xC0, 0xAF, 0x0A, 0x61, 0xE2, 0x82, 0x0A])
        #expect(
            records.map(\.problem) == [
                .invalidUTF8(field: 0, line: 1, byteOffset: 0), .invalidUTF8(field: 0, line: 2, byteOffset: 1),
            ])
    }

    @Test func megabyteFieldIsReportedWithoutBeingKept() throws {
        let big = String(repeating: "x", count: 1 << 20)
        let reader = try CSVReader(path: ImportFixture.file("a,b\n1,\"\(big)\"\n2,\(big)\n3,4\n"), chunkSize: 4096)
        var records: [CSVRecord] = []
        var largest = 0
        while let record = try reader.next() {
            records.append(record)
            largest = max(largest, reader.bufferCapacity)
        }
        #expect(
            records.map(\.problem) == [
                nil, .fieldTooLarge(field: 1, limit: 65536), .fieldTooLarge(field: 1, limit: 65536), nil,
            ])
        #expect(records.last?.fields == ["3", "4"])
        #expect(largest <= 4096 + 2 * 65536 + 8 * 1024)
    }

    @Test func tooManyFields() throws {
        let row = Array(repeating: "x", count: 2000).joined(separator: ",")
        let records = try ImportFixture.records("a\n\(row)\nb\n")
        #expect(records[1].problem == .tooManyFields(limit: 1024))
        #expect(records[2].fields == ["b"])
    }

    @Test func emptyFileHasNoRecords() throws {
        #expect(try ImportFixture.records("").isEmpty)
        #expect(try ImportFixture.records([0xEF, 0xBB, 0xBF]).isEmpty)
    }

    @Test func missingFileThrowsNamingIt() {
        #expect {
            _ = try CSVReader(path: "/nonexistent/leads.csv")
        } throws: { error in
            (error as? ImportProblem)?.description.hasPrefix("/nonexistent/leads.csv: cannot open the file") == true
        }
    }

    /// 200,000 rows with a 70 KB field in the middle: the reader's buffers never grow past
    /// one chunk plus the record bound, however long the file.
    @Test func memoryStaysFlatOverLargeFile() throws {
        let path = ImportFixture.file("id,email,phone,note\n")
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        var chunk: [UInt8] = []
        for row in 0..<200_000 {
            chunk +=
                "\(row),user\(row)@example.com,+1415555\(String(row % 10000)),\"note, \"\"quoted\"\"\nline two\"\n".utf8
            if row == 100_000 { chunk += "x,\(String(repeating: "y", count: 70_000)),z,w\n".utf8 }
            if chunk.count > 1 << 20 {
                handle.write(Data(chunk))
                chunk.removeAll(keepingCapacity: true)
            }
        }
        handle.write(Data(chunk))
        handle.closeFile()

        let reader = try CSVReader(path: path)
        var count = 0
        var problems = 0
        var largest = 0
        while let record = try reader.next() {
            count += 1
            if record.problem != nil { problems += 1 }
            largest = max(largest, reader.bufferCapacity)
        }
        #expect(count == 200_002)
        #expect(problems == 1)
        #expect(largest <= CSVReader.defaultChunkSize + 2 * CSVReader.defaultMaxFieldBytes + 8 * 1024)
    }
}
