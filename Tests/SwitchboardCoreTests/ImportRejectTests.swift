import Foundation
import GRDB
import Testing

@testable import SwitchboardCore

/// The rows an import rejects before sending, kept in the journal with their file line,
/// column and reason (migration "v7 import rejected rows"), read back a page at a time.
@Suite struct ImportRejectTests {
    func source(_ csv: String, batchSize: Int) throws -> ContactImport {
        var options = ImportOptions(vendor: .anyreach, defaultCountryCode: "+1")
        options.batchSize = batchSize
        return try ContactImport(path: ImportFixture.file(csv), options: options)
    }

    @Test func aRowsProblemsAreJoinedIntoOneReject() {
        let problems = [
            ImportProblem(file: "f.csv", line: 7, column: "email", reason: "not an email"),
            ImportProblem(file: "f.csv", line: 2, column: "phone", reason: "too short"),
            ImportProblem(file: "f.csv", line: 2, column: "email", reason: "not an email"),
            ImportProblem(file: "f.csv", line: 4, reason: "the row has 2 fields; the header has 3"),
        ]
        let rejects = ImportReject.rows(problems)
        #expect(rejects.map(\.line) == [2, 4, 7])
        #expect(rejects.map(\.column) == ["phone, email", nil, "email"])
        #expect(
            rejects.map(\.reason) == [
                #"column "phone": too short; column "email": not an email"#, "the row has 2 fields; the header has 3",
                "not an email",
            ])
        #expect(rejects[0].message == rejects[0].reason, "several problems name their columns in the reason")
        #expect(rejects[2].message == #"column "email": not an email"#)
        #expect(rejects.count == ImportBatch(problems: problems).rejectedRows, "one reject per counted row")
    }

    @Test func rejectsAreJournaledWithLineColumnAndReasonAcrossBatches() async throws {
        try await withTemporaryStore { store, _ in
            // Lines 2 and 3 are rejected before the first valid contact (batches of 2), line 5 has
            // two problems, lines 9 and 12 fall in later batches.
            var csv = "external_id,email,phone\n"
            csv += "bad-1,nope,+14155550101\n"  // line 2
            csv += "bad-2,,12\n"  // line 3
            csv += "ok-1,a1@example.com,+14155550104\n"  // line 4
            csv += "bad-3,nope,12\n"  // line 5
            for row in 6...13 {
                let email = [9, 12].contains(row) ? "x@@y" : "a\(row)@example.com"
                csv += "ok-\(row),\(email),+141555501\(10 + row)\n"
            }
            var problems: [ImportProblem] = []
            let change = Change(account: "acme", campaignID: "k", action: .upsert)
            let id = try #require(
                try await store.journalImport(try source(csv, batchSize: 2), as: change) { batch, _, _ in
                    problems += batch.problems
                })
            let entry = try #require(try await store.journal.entry(id))
            #expect(entry.rejectedCount == 5)
            let rejects = try await store.journal.rejects(of: id, limit: 100)
            #expect(rejects.map(\.line) == [2, 3, 5, 9, 12])
            #expect(rejects.allSatisfy { $0.entryID == id })
            #expect(rejects.map(\.column) == ["email", "phone", "email, phone", "email", "email"])
            let expected = ImportReject.rows(problems)
            #expect(rejects.map(\.reason) == expected.map(\.reason), "the reasons the importer gave, joined per line")
            #expect(
                rejects[2].reason.contains(#"column "email": "#) && rejects[2].reason.contains(#"column "phone": "#))
            #expect(!rejects[0].reason.isEmpty && !rejects[0].reason.contains("column"))
        }
    }

    @Test func rejectsArePagedByLine() async throws {
        try await withTemporaryStore { store, _ in
            var csv = "external_id,phone\nok-0,+14155550100\n"
            for row in 3...9 { csv += "bad-\(row),12\n" }
            let change = Change(account: "acme", campaignID: "k", action: .upsert)
            let id = try #require(
                try await store.journalImport(try source(csv, batchSize: 3), as: change) { _, _, _ in })
            let first = try await store.journal.rejects(of: id, limit: 3)
            #expect(first.map(\.line) == [3, 4, 5])
            let second = try await store.journal.rejects(of: id, after: first.last!.order, limit: 3)
            #expect(second.map(\.line) == [6, 7, 8])
            let last = try await store.journal.rejects(of: id, after: second.last!.order, limit: 3)
            #expect(last.map(\.line) == [9])
            #expect(try await store.journal.rejects(of: id, after: 9 << 32, limit: 3).isEmpty)

            let page = try #require(try await store.journal.results(of: id, filter: .rejected, offset: 2, limit: 2))
            #expect(page.rejects.map(\.line) == [5, 6])
            #expect(page.rows.isEmpty)
            #expect(page.rejectRows == 7 && page.counts["rejected"] == 7)
            let all = try #require(try await store.journal.results(of: id, filter: .all, offset: 0, limit: 5))
            #expect(all.rows.count == 1 && all.rejects.isEmpty && all.rejectRows == 7)
        }
    }

    @Test func aDryRunKeepsNoRejects() async throws {
        try await withTemporaryStore { store, _ in
            let csv = "external_id,phone\nok-0,+14155550100\nbad-1,12\n"
            let change = Change(account: "acme", campaignID: "k", action: .upsert)
            let id = try await store.journalImport(try source(csv, batchSize: 5), as: change, dryRun: true) { _, _, _ in
            }
            #expect(id == nil)
            let kept = try await store.pool.read { db in try JournalReject.fetchCount(db) }
            #expect(kept == 0)
        }
    }

    @Test func aLineSeenInTwoBatchesKeepsBothReasons() async throws {
        try await withTemporaryStore { store, _ in
            let entry = try await store.journal.record(
                Change(account: "acme", campaignID: "k", action: .upsert, contacts: sampleContacts(1)))
            let id = try #require(entry.id)
            // A minified JSON file: every object starts on line 1.
            try await store.journal.addRejected(
                ImportReject.rows([ImportProblem(file: "f.json", line: 1, column: "email", reason: "not an email")]),
                to: id)
            try await store.journal.addRejected(
                ImportReject.rows([ImportProblem(file: "f.json", line: 1, reason: "no phone")]), to: id)
            let rejects = try await store.journal.rejects(of: id, limit: 10)
            #expect(rejects == [JournalReject(entryID: id, line: 1, column: "email", reason: "not an email; no phone")])
            #expect(try await store.journal.entry(id)?.rejectedCount == 2)
        }
    }

    @Test func removingAnEntryRemovesItsRejects() async throws {
        try await withTemporaryStore { store, _ in
            let entry = try await store.journal.record(
                Change(account: "acme", campaignID: "k", action: .upsert, contacts: sampleContacts(1)))
            try await store.journal.addRejected(
                ImportReject.rows([ImportProblem(file: "f.csv", line: 3, column: "phone", reason: "too short")]),
                to: entry.id!)
            try await store.pool.write { db in _ = try JournalEntry.deleteOne(db, key: entry.id!) }
            let kept = try await store.pool.read { db in try JournalReject.fetchCount(db) }
            #expect(kept == 0)
        }
    }

    @Test func aStoreFromV6IsMigratedAndItsEntriesKeepTheirCount() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/" + Store.fileName
        let old = try DatabasePool(path: path)
        try StoreMigrations.migrator.migrate(old, upTo: "v6 import source")
        try await old.write { db in
            try db.execute(
                sql: """
                    INSERT INTO journalEntry (idempotencyKey, account, campaignID, action, partial, state, attempts,
                      contactCount, answeredCount, failedCount, createdAt, updatedAt, rejectedCount, sourcePath)
                    VALUES ('k', 'acme', 'spring', 'upsert', 0, 'done', 1, 0, 0, 0,
                      '2026-01-01 00:00:00', '2026-01-01 00:00:00', 10, '/home/op/spring.csv')
                    """)
        }
        try old.close()
        let store = try Store.open(path: path)
        let applied = try await store.pool.read { db in try StoreMigrations.migrator.appliedIdentifiers(db) }
        #expect(applied.contains("v7 import rejected rows"))
        let entry = try #require(try await store.journal.entry(1))
        #expect(entry.rejectedCount == 10 && entry.sourcePath == "/home/op/spring.csv")
        #expect(try await store.journal.rejects(of: 1, limit: 10).isEmpty, "rows rejected before v7 were not kept")
        let results = try #require(try await store.journal.results(of: 1, filter: .rejected, offset: 0, limit: 5))
        #expect(results.counts["rejected"] == 10 && results.rejectRows == 0 && results.rejects.isEmpty)
        // New imports into the migrated store keep their rows.
        let source = try source("external_id,phone\nok-0,+14155550100\nbad-1,12\n", batchSize: 5)
        let id = try #require(
            try await store.journalImport(source, as: Change(account: "acme", campaignID: "k", action: .upsert)) {
                _, _, _ in
            })
        #expect(try await store.journal.rejects(of: id, limit: 10).map(\.line) == [3])
    }

    @Test func aRejectedRowKeepsItsFieldsAndTheEntryItsHeader() async throws {
        try await withTemporaryStore { store, _ in
            // Line 3 fails validation, line 4 has too few fields, line 5 a stray quote (not read
            // whole), line 6 spans two lines and fails validation.
            let csv = """
                external_id,email,phone
                ok-1,a@example.com,+14155550101
                bad-1,nope,+14155550102
                bad-2,b@example.com
                bad-3,c"d@example.com,+14155550104
                "bad-4
                x",nope,12

                """
            let change = Change(account: "acme", campaignID: "k", action: .upsert)
            let id = try #require(
                try await store.journalImport(try source(csv, batchSize: 2), as: change, sourcePath: "/leads.csv") {
                    _, _, _ in
                })
            let entry = try #require(try await store.journal.entry(id))
            #expect(entry.sourceHeader == ["external_id", "email", "phone"])
            #expect(entry.sourcePath == "/leads.csv")
            let rejects = try await store.journal.rejects(of: id, limit: 10)
            #expect(rejects.map(\.line) == [3, 4, 5, 6])
            #expect(rejects[0].fields == ["bad-1", "nope", "+14155550102"])
            #expect(rejects[1].fields == ["bad-2", "b@example.com"], "a short row is kept as it was")
            #expect(rejects[2].fields == nil, "a row the reader could not read whole keeps none")
            #expect(rejects[3].fields == ["bad-4\nx", "nope", "12"])
        }
    }

    /// A JSON import keeps each rejected contact as the file had it, one reject a contact
    /// even when several share a line (a minified file), and exports them as a JSON array
    /// with the notes first that imports again once fixed.
    @Test func aJSONImportKeepsEachRejectedContact() async throws {
        try await withTemporaryStore { store, directory in
            var options = ImportOptions(vendor: .anyreach, defaultCountryCode: "+1")
            options.format = .json
            let file = directory.path + "/leads.json"
            try (#"[{"external_id": "a", "phone_numbers": ["+14155550101"]}, {"external_id": "b", "phone_numbers": ["12"], "data": {"plan": "pro"}}, "#
                + #"{"first_name": "Nokey"}, 7]"#).write(toFile: file, atomically: true, encoding: .utf8)
            let id = try #require(
                try await store.journalImport(
                    try ContactImport(path: file, options: options),
                    as: Change(account: "acme", campaignID: "k", action: .upsert), sourcePath: file
                ) { _, _, _ in })
            let entry = try #require(try await store.journal.entry(id))
            #expect(entry.sourceHeader == nil)
            #expect(entry.rejectedCount == 3)
            let rejects = try await store.journal.rejects(of: id, limit: 10)
            #expect(rejects.map(\.line) == [1, 1, 1])
            #expect(rejects.map(\.jsonElement) == [1, 2, 3])
            #expect(rejects.map(\.column) == ["[1].phone_numbers", "[2]", "[3]"])
            #expect(rejects[0].fields == [#"{"data":{"plan":"pro"},"external_id":"b","phone_numbers":["12"]}"#])
            #expect(rejects[1].fields == [#"{"first_name":"Nokey"}"#])
            #expect(rejects[2].fields == ["7"])
            // Paged one at a time, in file order.
            var paged: [Int?] = []
            try await KeysetPages.forEach(
                limit: 1, page: { try await store.journal.rejects(of: id, after: $0, limit: $1) }, key: \.order
            ) { paged += $0.map(\.jsonElement) }
            #expect(paged == [1, 2, 3])

            let exported = try await store.journal.exportFailures(of: id, at: Date(timeIntervalSince1970: 1))
            let path = try #require(exported.rejectsPath)
            #expect(path.hasSuffix(".json") && exported.rejectCount == 3)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(
                text == """
                    [
                    {"rejected_line":1,"rejected_column":"[1].phone_numbers","rejected_reason":"\\"12\\" is not a valid E.164 number: +1 national numbers have 10 digits; this has 2","data":{"plan":"pro"},"external_id":"b","phone_numbers":["12"]},
                    {"rejected_line":1,"rejected_column":"[2]","rejected_reason":"Anyreach needs a phone number, an id or an external_id; this row has none","first_name":"Nokey"},
                    {"rejected_line":1,"rejected_column":"[3]","rejected_reason":"a contact must be a JSON object, not 7","rejected_value":7}
                    ]

                    """)
            // Fixed (a phone for b), the file imports again: the notes are skipped, b is valid.
            let fixed = directory.path + "/fixed.json"
            try text.replacingOccurrences(of: #""phone_numbers":["12"]"#, with: #""phone_numbers":["+14155550102"]"#)
                .write(toFile: fixed, atomically: true, encoding: .utf8)
            let again = try ContactImport(path: fixed, options: options)
            let batch = try #require(try again.nextBatch())
            #expect(batch.contacts.map(\.externalID) == ["b"])
            #expect(batch.contacts.first?.data == ["plan": .string("pro")])
            #expect(batch.problems.map(\.element) == [1, 2])
        }
    }

    @Test func aStoreFromV7IsMigratedAndItsRejectsHaveNoFields() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/" + Store.fileName
        let old = try DatabasePool(path: path)
        try StoreMigrations.migrator.migrate(old, upTo: "v7 import rejected rows")
        try await old.write { db in
            try db.execute(
                sql: """
                    INSERT INTO journalEntry (idempotencyKey, account, campaignID, action, partial, state, attempts,
                      contactCount, answeredCount, failedCount, createdAt, updatedAt, rejectedCount, sourcePath)
                    VALUES ('k', 'acme', 'spring', 'upsert', 0, 'done', 1, 0, 0, 0,
                      '2026-01-01 00:00:00', '2026-01-01 00:00:00', 1, '/home/op/spring.csv');
                    INSERT INTO journalReject (entryID, line, "column", reason) VALUES (1, 4, 'phone', 'too short');
                    """)
        }
        try old.close()
        let store = try Store.open(path: path)
        let entry = try #require(try await store.journal.entry(1))
        #expect(entry.sourceHeader == nil)
        #expect(
            try await store.journal.rejects(of: 1, limit: 10)
                == [JournalReject(entryID: 1, line: 4, column: "phone", reason: "too short")])
    }

    @Test func theNoteColumnsOfARejectCSVAreSkipped() throws {
        let mapping = try ColumnMapping(
            header: RejectCSV.noteColumns + ["external_id", "Rejected_Reason ", "phone"])
        #expect(mapping.fields == [.skip, .skip, .skip, .externalID, .skip, .phone])
        // The operator can still map one of them on purpose.
        var overrides = try ColumnOverrides(parsing: ["rejected_reason=data.note"])
        let mapped = try ColumnMapping(header: RejectCSV.noteColumns + ["phone"], overrides: overrides)
        #expect(mapped.fields[2] == .data("note"))
        overrides = ColumnOverrides()
        #expect(try ColumnMapping(header: ["line", "reason"], overrides: overrides).fields == [.data("line"), .data("reason")])
    }
}
