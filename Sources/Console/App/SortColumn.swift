/// A column the campaigns table sorts by; each has a Shift+letter key.
public enum SortColumn: String, CaseIterable, Hashable, Sendable {
    case name, status, pending, active, completed, exhausted, failed, attempts, calls

    /// The column's title in the table.
    public var title: String {
        switch self {
        case .name: "Name"
        case .status: "Status"
        case .pending: "Pending"
        case .active: "In prog"
        case .completed: "Done"
        case .exhausted: "Exhaust"
        case .failed: "Error"
        case .attempts: "Attempts"
        case .calls: "Calls"
        }
    }

    /// The Shift+letter that sorts by it.
    public var key: Character {
        switch self {
        case .name: "N"
        case .status: "S"
        case .pending: "P"
        case .active: "I"
        case .completed: "C"
        case .exhausted: "E"
        case .failed: "X"
        case .attempts: "T"
        case .calls: "L"
        }
    }
}
