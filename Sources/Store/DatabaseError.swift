import CSQLite

/// A failure reported by SQLite, with the statement that caused it but never its bound values
/// (they may hold personal data: names, e-mail addresses).
public struct DatabaseError: Error, Equatable, CustomStringConvertible {
    /// The primary result code (`SQLITE_BUSY`, `SQLITE_CONSTRAINT`, …).
    public let resultCode: Int32
    /// The extended result code (`SQLITE_CONSTRAINT_UNIQUE`, …), equal to `resultCode` when none.
    public let extendedCode: Int32
    /// SQLite's message for the failure.
    public let message: String
    /// The SQL text being prepared or run, if any.
    public let sql: String?

    /// Makes an error from explicit parts.
    public init(resultCode: Int32, extendedCode: Int32, message: String, sql: String?) {
        self.resultCode = resultCode
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
    }

    /// Reads the error state of `connection` right after a call returned `code`.
    init(code: Int32, connection: OpaquePointer?, sql: String?) {
        let extended = connection.map { sqlite3_extended_errcode($0) } ?? code
        let text =
            connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        self.init(resultCode: code & 0xFF, extendedCode: extended, message: text, sql: sql)
    }

    /// An error for a call made on a closed connection, a programmer error surfaced as `SQLITE_MISUSE`.
    static func closed(sql: String?) -> DatabaseError {
        DatabaseError(
            resultCode: SQLITE_MISUSE, extendedCode: SQLITE_MISUSE,
            message: "database connection is closed", sql: sql)
    }

    /// Whether a constraint (UNIQUE, FOREIGN KEY, CHECK, NOT NULL) was violated.
    public var isConstraintViolation: Bool { resultCode == SQLITE_CONSTRAINT }

    /// Whether the database stayed locked by another connection past the busy timeout.
    public var isBusy: Bool { resultCode == SQLITE_BUSY }

    /// The message, codes, and SQL on one line.
    public var description: String {
        var text = "SQLite error \(resultCode) (extended \(extendedCode)): \(message)"
        if let sql { text += " — SQL: \(sql)" }
        return text
    }
}
