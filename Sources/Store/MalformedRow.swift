import CivilTime

/// A stored row whose column holds a value the program cannot read: another tool wrote it
/// past the schema's CHECK, or the file was edited by hand. Names the row, never its other data.
public struct MalformedRow: Equatable, Sendable, CustomStringConvertible {
    /// What a column should hold.
    public enum Expectation: Equatable, Sendable {
        /// A calendar date `YYYY-MM-DD` that exists.
        case date
        /// A time of day `HH:MM`, 00:00 to 23:59.
        case time
        /// One of these words.
        case oneOf([String])
        /// A JSON array of strings.
        case stringList
        /// A date not before this one (a season's last date).
        case dateNotBefore(CivilDate)
        /// An instant after this one, Unix seconds (an evening's end).
        case instantAfter(Int64)
        /// A distance of zero kilometres or more.
        case nonNegativeDistance
        /// The length and digest of the row's text, as computed from it.
        case digest(String)
        /// A JSON array of a record's field changes (`RecordFieldChange`).
        case fieldChanges
    }

    /// The table (`events`, `seasons`, `outbox`…).
    public var table: String
    /// The row's id (text id, or the integer key written out).
    public var rowID: String
    /// The column at fault.
    public var column: String
    /// The value found, as stored.
    public var found: String
    /// What the column should hold.
    public var expected: Expectation

    /// Makes the description of a bad row.
    public init(table: String, rowID: String, column: String, found: String, expected: Expectation) {
        self.table = table
        self.rowID = rowID
        self.column = column
        self.found = found
        self.expected = expected
    }

    /// English, for logs and tests; `StoreText` in Operations writes it in French for the user.
    public var description: String {
        let wanted: String =
            switch expected {
            case .date: "a date YYYY-MM-DD"
            case .time: "a time HH:MM"
            case .oneOf(let words): "one of " + words.joined(separator: ", ")
            case .stringList: "a JSON array of strings"
            case .dateNotBefore(let date): "a date not before \(date)"
            case .instantAfter(let instant): "an instant after \(instant)"
            case .nonNegativeDistance: "a distance of 0 km or more"
            case .digest(let digest): "the mark of the kept text (\(digest))"
            case .fieldChanges: "a JSON array of record field changes"
            }
        return "table \(table), row \(rowID), column \(column): found « \(found) », expected \(wanted)"
    }
}
