import GRDB

/// The schema, one named migration per shipped step. Tables and columns are named by
/// string, never by app types, and a shipped migration is never edited: add a new one.
enum StoreMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 cache") { db in
            try db.create(table: "campaign") { t in
                t.column("account", .text).notNull()
                t.column("id", .text).notNull()
                t.column("name", .text).notNull()
                t.column("state", .text).notNull()
                t.column("externalID", .text)
                t.column("createdAt", .text)
                t.column("updatedAt", .text)
                t.column("lastSeenAt", .datetime).notNull()
                t.primaryKey(["account", "id"])
            }
            try db.create(table: "contact") { t in
                t.column("account", .text).notNull()
                t.column("campaignID", .text).notNull()
                t.column("key", .text).notNull()
                t.column("vendorID", .text)
                t.column("externalID", .text)
                t.column("email", .text)
                t.column("phone", .text)
                t.column("status", .text)
                t.column("contact", .jsonText).notNull()
                t.column("lastSeenAt", .datetime)
                t.column("lastSentAt", .datetime)
                t.column("lastResult", .text)
                t.column("lastMessage", .text)
                t.primaryKey(["account", "campaignID", "key"])
            }
            try db.create(table: "statsSample") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("account", .text).notNull()
                t.column("campaignID", .text).notNull()
                t.column("takenAt", .datetime).notNull()
                t.column("total", .integer).notNull()
                t.column("counts", .jsonText).notNull()
            }
            try db.create(
                index: "statsSample_byCampaign", on: "statsSample", columns: ["account", "campaignID", "takenAt"])
        }
        migrator.registerMigration("v1 journal") { db in
            try db.create(table: "journalEntry") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("idempotencyKey", .text).notNull().unique()
                t.column("account", .text).notNull()
                t.column("campaignID", .text).notNull()
                t.column("action", .text).notNull()
                t.column("partial", .boolean).notNull()
                t.column("state", .text).notNull()
                t.column("attempts", .integer).notNull()
                t.column("contactCount", .integer).notNull()
                t.column("answeredCount", .integer).notNull()
                t.column("failedCount", .integer).notNull()
                t.column("reason", .text)
                t.column("createdAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
            }
            try db.create(index: "journalEntry_byState", on: "journalEntry", columns: ["state"])
            try db.create(table: "journalContact") { t in
                t.column("entryID", .integer).notNull().references("journalEntry", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("contact", .jsonText).notNull()
                t.column("outcome", .text)
                t.column("vendorID", .text)
                t.column("message", .text)
                t.column("answeredAt", .datetime)
                t.primaryKey(["entryID", "position"])
            }
        }
        migrator.registerMigration("v2 contact lookups") { db in
            try db.create(index: "contact_byVendorID", on: "contact", columns: ["account", "campaignID", "vendorID"])
            try db.create(
                index: "contact_byExternalID", on: "contact", columns: ["account", "campaignID", "externalID"])
        }
        migrator.registerMigration("v3 campaign drafts") { db in
            try db.alter(table: "journalEntry") { t in t.add(column: "campaign", .jsonText) }
        }
        migrator.registerMigration("v4 settings changes") { db in
            try db.alter(table: "journalEntry") { t in t.add(column: "settings", .jsonText) }
        }
        migrator.registerMigration("v5 import rejects") { db in
            // Rows of an imported file left out as invalid before sending (not in journalContact).
            try db.alter(table: "journalEntry") { t in
                t.add(column: "rejectedCount", .integer).notNull().defaults(to: 0)
            }
        }
        migrator.registerMigration("v6 import source") { db in
            // The file an import read, so its failed contacts are exported next to it.
            try db.alter(table: "journalEntry") { t in t.add(column: "sourcePath", .text) }
        }
        migrator.registerMigration("v7 import rejected rows") { db in
            // Each rejected row of an imported file, one per file line, so its results say which and why.
            try db.create(table: "journalReject") { t in
                t.column("entryID", .integer).notNull().references("journalEntry", onDelete: .cascade)
                t.column("line", .integer).notNull()
                t.column("column", .text)
                t.column("reason", .text).notNull()
                t.primaryKey(["entryID", "line"])
            }
        }
        migrator.registerMigration("v8 import rejected row fields") { db in
            // A rejected CSV row's own fields and the file's header, so the rejected rows can
            // be exported as a file the operator fixes and imports again.
            try db.alter(table: "journalReject") { t in t.add(column: "fields", .jsonText) }
            try db.alter(table: "journalEntry") { t in t.add(column: "sourceHeader", .jsonText) }
        }
        migrator.registerMigration("v9 contact tally") { db in
            // How many contacts each campaign has cached, kept by triggers, so the console
            // counts a million-contact campaign and finds its last page without walking it.
            // A rowid table: SQLite tells observers of changes to it (not WITHOUT ROWID). One
            // statement per trigger; with the statement journal in memory (`temp_store`, set
            // in `Store.open`) an insert costs about 0.5 µs more.
            try db.execute(
                sql: """
                    CREATE TABLE contactTally (
                      account TEXT NOT NULL, campaignID TEXT NOT NULL, n INTEGER NOT NULL,
                      PRIMARY KEY (account, campaignID));
                    INSERT INTO contactTally (account, campaignID, n)
                      SELECT account, campaignID, COUNT(*) FROM contact GROUP BY account, campaignID;
                    CREATE TRIGGER contactTally_insert AFTER INSERT ON contact BEGIN
                      INSERT INTO contactTally (account, campaignID, n) VALUES (NEW.account, NEW.campaignID, 1)
                      ON CONFLICT (account, campaignID) DO UPDATE SET n = n + 1;
                    END;
                    CREATE TRIGGER contactTally_delete AFTER DELETE ON contact BEGIN
                      UPDATE contactTally SET n = n - 1 WHERE account = OLD.account AND campaignID = OLD.campaignID;
                    END;
                    CREATE TRIGGER contactTally_move AFTER UPDATE OF account, campaignID ON contact
                    WHEN OLD.account IS NOT NEW.account OR OLD.campaignID IS NOT NEW.campaignID BEGIN
                      UPDATE contactTally SET n = n - 1 WHERE account = OLD.account AND campaignID = OLD.campaignID;
                      INSERT INTO contactTally (account, campaignID, n) VALUES (NEW.account, NEW.campaignID, 1)
                      ON CONFLICT (account, campaignID) DO UPDATE SET n = n + 1;
                    END;
                    """)
        }
        migrator.registerMigration("v10 journal chunks") { db in
            // A bulk import's contacts kept as the vendor request bodies it sends (`storage`
            // 'chunks'): one row per request, its outcomes in a table of their own (an UPDATE
            // of the chunk's row would rewrite its body).
            try db.alter(table: "journalEntry") { t in
                t.add(column: "storage", .text).notNull().defaults(to: "rows")
            }
            try db.create(table: "journalChunk") { t in
                t.column("entryID", .integer).notNull().references("journalEntry", onDelete: .cascade)
                // The position of the chunk's first contact in the entry.
                t.column("first", .integer).notNull()
                t.column("count", .integer).notNull()
                // The exact vendor request body.
                t.column("body", .blob).notNull()
                // One key per contact, newline-separated (external id, else email, first phone, vendor id).
                t.column("keys", .text).notNull()
                // Each contact's file line, 4 bytes little-endian.
                t.column("lines", .blob)
                // Whether the body may name contacts by Anyreach id (its file had an id
                // column): a chunk that names none is sent without reading ids from its body.
                t.column("namesIDs", .boolean).notNull()
                t.primaryKey(["entryID", "first"])
            }
            try db.create(table: "journalChunkOutcome") { t in
                t.column("entryID", .integer).notNull()
                t.column("first", .integer).notNull()
                // Per contact: the outcome's code byte, the vendor id's length (2 bytes little-endian), its bytes.
                t.column("outcomes", .blob).notNull()
                // JSON object: contact index in the chunk -> message, only contacts with one.
                t.column("messages", .text)
                t.column("created", .integer).notNull().defaults(to: 0)
                t.column("updated", .integer).notNull().defaults(to: 0)
                t.column("upserted", .integer).notNull().defaults(to: 0)
                t.column("removed", .integer).notNull().defaults(to: 0)
                t.column("ignored", .integer).notNull().defaults(to: 0)
                t.column("failed", .integer).notNull().defaults(to: 0)
                t.column("answeredAt", .datetime).notNull()
                t.primaryKey(["entryID", "first"])
                t.foreignKey(["entryID", "first"], references: "journalChunk", columns: ["entryID", "first"], onDelete: .cascade)
            }
        }
        migrator.registerMigration("v11 import rejects per JSON contact") { db in
            // A JSON contact left out is a reject of its own (`element`, its place in the
            // array; -1 for a CSV row or the whole file), even when several share a line.
            try db.create(table: "journalRejectNew") { t in
                t.column("entryID", .integer).notNull().references("journalEntry", onDelete: .cascade)
                t.column("line", .integer).notNull()
                t.column("element", .integer).notNull().defaults(to: -1)
                t.column("column", .text)
                t.column("reason", .text).notNull()
                t.column("fields", .jsonText)
                t.primaryKey(["entryID", "line", "element"])
            }
            try db.execute(
                sql: """
                    INSERT INTO journalRejectNew (entryID, line, element, "column", reason, fields)
                    SELECT entryID, line, -1, "column", reason, fields FROM journalReject
                    """)
            try db.drop(table: "journalReject")
            try db.rename(table: "journalRejectNew", to: "journalReject")
        }
        migrator.registerMigration("v12 journal chunk bodies in files") { db in
            // A chunk's body in its entry's bodies file (`ChunkBodyFile`): its offset and
            // length there, `body` left empty. NULL `bodyAt`: the body is in the row.
            try db.alter(table: "journalChunk") { t in
                t.add(column: "bodyAt", .integer)
                t.add(column: "bodyLength", .integer)
            }
        }
        migrator.registerMigration("v13 contacts by status") { db in
            // A campaign's contacts with one status word, in key order: the console's status
            // filter reads its windows and its count from here, not by walking every cached
            // contact (1M cached, 200k of one status: a window 190,000 deep and the count
            // each took about 0.25 s without it, 0.02 s with it).
            try db.create(
                index: "contact_byStatus", on: "contact", columns: ["account", "campaignID", "status", "key"])
        }
        migrator.registerMigration("v14 chunk keys front-coded") { db in
            // 1: `keys` is front-coded (`OutcomeRun.keys`); 0: each key whole, as before.
            try db.alter(table: "journalChunk") { t in
                t.add(column: "keysCoded", .boolean).notNull().defaults(to: false)
            }
        }
        return migrator
    }
}
