import Foundation
import GRDB
import Synchronization

/// A date as the database stores it, remembered for the last date asked: the sync engine
/// writes the same answer time on every row of a batch, and GRDB formats each `Date`
/// through `DateFormatter` (ICU), a few microseconds a row otherwise.
enum DateStamp {
    private static let last = Mutex<(Date, DatabaseValue)?>(nil)

    static func value(_ date: Date?) -> DatabaseValue {
        guard let date else { return .null }
        if let (known, value) = last.withLock({ $0 }), known == date { return value }
        let value = date.databaseValue
        last.withLock { $0 = (date, value) }
        return value
    }
}
