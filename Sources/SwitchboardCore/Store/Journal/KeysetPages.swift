/// Reads a keyset-paged list to its end, the way the journal's lists are read in full (an
/// export, a retry, a report): `page(after, limit)` gives the rows after a key (-1 before the
/// first), `key` a row's key, and `body` takes each page in order. Memory holds one page.
public enum KeysetPages {
    public static func forEach<Row>(
        limit: Int = 1000, page: (_ after: Int, _ limit: Int) async throws -> [Row], key: (Row) -> Int,
        _ body: ([Row]) async throws -> Void
    ) async throws {
        var after = -1
        while true {
            let rows = try await page(after, limit)
            guard let last = rows.last else { return }
            try await body(rows)
            after = key(last)
        }
    }
}
