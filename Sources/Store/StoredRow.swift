import CivilTime

/// A result row read as the typed value it stands for: every column the program interprets
/// (dates, times, enumerations) is checked, and a bad one is a `StoreError.malformedRow` naming
/// the table, the row and the column, never a crash.
struct StoredRow {
    /// The statement positioned on the row.
    let statement: Statement
    /// The table the row comes from.
    let table: String
    /// The row's id, for the error.
    let rowID: String

    /// Wraps the row whose id is in column `idColumn`.
    init(_ statement: Statement, table: String, idColumn: Int32) {
        self.statement = statement
        self.table = table
        self.rowID = statement.isNull(idColumn) ? "NULL" : statement.text(idColumn)
    }

    /// The column as a civil date.
    func date(_ index: Int32, _ column: String) throws(StoreError) -> CivilDate {
        let text = statement.text(index)
        guard let date = CivilDate(iso: text) else { throw fault(index, column, .date) }
        return date
    }

    /// The column as a civil date, or nil when NULL.
    func optionalDate(_ index: Int32, _ column: String) throws(StoreError) -> CivilDate? {
        statement.isNull(index) ? nil : try date(index, column)
    }

    /// The column as a time of day.
    func time(_ index: Int32, _ column: String) throws(StoreError) -> LocalTime {
        guard let time = LocalTime(text: statement.text(index)) else { throw fault(index, column, .time) }
        return time
    }

    /// The column as a time of day, or nil when NULL.
    func optionalTime(_ index: Int32, _ column: String) throws(StoreError) -> LocalTime? {
        statement.isNull(index) ? nil : try time(index, column)
    }

    /// The column as one of an enumeration's raw values.
    func choice<T: RawRepresentable & CaseIterable>(
        _ type: T.Type, _ index: Int32,
        _ column: String
    ) throws(StoreError) -> T where T.RawValue == String {
        guard let value = T(rawValue: statement.text(index)) else {
            throw fault(index, column, .oneOf(T.allCases.map(\.rawValue)))
        }
        return value
    }

    /// The error for column `index`, with the value found.
    func fault(_ index: Int32, _ column: String, _ expected: MalformedRow.Expectation) -> StoreError {
        let found = statement.isNull(index) ? "NULL" : statement.text(index)
        return .malformedRow(MalformedRow(table: table, rowID: rowID, column: column, found: found, expected: expected))
    }
}
