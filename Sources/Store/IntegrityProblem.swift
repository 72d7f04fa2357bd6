/// One problem found by `Database.check()`.
public enum IntegrityProblem: Equatable, Sendable, CustomStringConvertible {
    /// A line of `PRAGMA integrity_check` other than "ok" (corrupt page, bad index, CHECK failure).
    case integrity(String)
    /// A row of `PRAGMA foreign_key_check`: a row whose parent row is missing.
    case foreignKey(table: String, rowID: Int64?, parent: String)
    /// A row the program cannot read (a date, time or status written past the schema).
    case malformedRow(MalformedRow)

    /// One line for the user.
    public var description: String {
        switch self {
        case .integrity(let message):
            return "integrity: \(message)"
        case .foreignKey(let table, let rowID, let parent):
            return "foreign key: \(table) row \(rowID.map(String.init) ?? "?") refers to a missing \(parent) row"
        case .malformedRow(let row):
            return "unreadable row: \(row)"
        }
    }
}
