import CSQLite

/// SQLite's "copy this buffer now" destructor, which Swift does not import (the C macro is a cast of -1; docs/platform.md).
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A prepared SQL statement: bound by index or name, stepped row by row, finalized on deinit.
///
/// Not Sendable: it belongs to its `Database`, which has a single owner.
public final class Statement {
    /// The SQL text, kept for error reports (never with its bound values).
    public let sql: String
    private let handle: OpaquePointer
    /// Set while a cached statement is being stepped, so that nested use prepares a fresh one.
    var isInUse = false

    init(connection: OpaquePointer, sql: String) throws {
        var prepared: OpaquePointer?
        // The tail points into the C string, so it is read inside the closure that owns it.
        let (code, hasTrailingStatement) = sql.withCString { text -> (Int32, Bool) in
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v3(connection, text, -1, 0, &prepared, &tail)
            let rest = tail.map { String(cString: $0) } ?? ""
            return (code, !rest.allSatisfy { $0.isWhitespace || $0 == ";" })
        }
        guard code == SQLITE_OK, let prepared else {
            throw DatabaseError(code: code, connection: connection, sql: sql)
        }
        if hasTrailingStatement {
            sqlite3_finalize(prepared)
            throw DatabaseError(
                resultCode: SQLITE_MISUSE, extendedCode: SQLITE_MISUSE,
                message: "more than one SQL statement in one prepare", sql: sql)
        }
        self.sql = sql
        self.handle = prepared
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// The number of parameters (`?`, `?NNN`, `:name`) in the statement.
    public var parameterCount: Int32 { sqlite3_bind_parameter_count(handle) }

    /// Resets the statement to run again and clears every binding.
    public func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Resets, then binds `values` to parameters 1…n in order; the count must match exactly.
    public func bind(_ values: [any SQLBindable]) throws {
        reset()
        guard values.count == Int(parameterCount) else {
            throw DatabaseError(
                resultCode: SQLITE_RANGE, extendedCode: SQLITE_RANGE,
                message: "\(values.count) values for \(parameterCount) parameters",
                sql: sql)
        }
        for (offset, value) in values.enumerated() {
            try bind(value, at: Int32(offset + 1))
        }
    }

    /// Binds one value to the 1-based parameter `index`.
    public func bind(_ value: any SQLBindable, at index: Int32) throws {
        let code: Int32
        switch value.sqlValue {
        case .null:
            code = sqlite3_bind_null(handle, index)
        case .integer(let integer):
            code = sqlite3_bind_int64(handle, index, integer)
        case .real(let real):
            code = sqlite3_bind_double(handle, index, real)
        case .text(let text):
            // An explicit byte length keeps text after an embedded NUL instead of truncating it.
            code = sqlite3_bind_text(handle, index, text, Int32(text.utf8.count), transient)
        case .blob(let bytes):
            // A zero-length blob with a nil pointer would bind NULL: bind an explicit empty blob.
            code =
                bytes.isEmpty
                ? sqlite3_bind_zeroblob(handle, index, 0)
                : bytes.withUnsafeBytes {
                    sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), transient)
                }
        }
        try check(code)
    }

    /// Binds one value to the named parameter, written with its prefix (`:id`, `@id`, `$id`).
    public func bind(_ value: any SQLBindable, named name: String) throws {
        let index = sqlite3_bind_parameter_index(handle, name)
        guard index > 0 else {
            throw DatabaseError(
                resultCode: SQLITE_RANGE, extendedCode: SQLITE_RANGE,
                message: "no parameter named \(name)", sql: sql)
        }
        try bind(value, at: index)
    }

    /// Advances to the next row: true when a row is available, false when the statement is done.
    public func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = DatabaseError(code: code, connection: sqlite3_db_handle(handle), sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// The number of columns in each result row.
    public var columnCount: Int32 { sqlite3_column_count(handle) }

    /// The column at `index` in its stored storage class. O(length) for text and blobs.
    public func value(_ index: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: return .integer(int64(index))
        case SQLITE_FLOAT: return .real(double(index))
        case SQLITE_TEXT: return .text(text(index))
        case SQLITE_BLOB: return .blob(blob(index))
        default: return .null
        }
    }

    /// Whether the column at `index` (0-based) holds NULL.
    public func isNull(_ index: Int32) -> Bool {
        sqlite3_column_type(handle, index) == SQLITE_NULL
    }

    /// The column as a 64-bit integer (NULL reads as 0; use `optionalInt64` to tell them apart).
    public func int64(_ index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }

    /// The column as an `Int`.
    public func int(_ index: Int32) -> Int { Int(sqlite3_column_int64(handle, index)) }

    /// The column as a double.
    public func double(_ index: Int32) -> Double { sqlite3_column_double(handle, index) }

    /// The column as a boolean (non-zero is true).
    public func bool(_ index: Int32) -> Bool { sqlite3_column_int64(handle, index) != 0 }

    /// The column as text (NULL reads as the empty string). O(length).
    public func text(_ index: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// The column as bytes (NULL reads as empty). O(length).
    public func blob(_ index: Int32) -> [UInt8] {
        // The pointer must be taken before the length (SQLite's documented call order).
        guard let bytes = sqlite3_column_blob(handle, index) else { return [] }
        let count = Int(sqlite3_column_bytes(handle, index))
        return Array(UnsafeRawBufferPointer(start: bytes, count: count))
    }

    /// The column as an integer, or nil when NULL.
    public func optionalInt64(_ index: Int32) -> Int64? { isNull(index) ? nil : int64(index) }

    /// The column as an `Int`, or nil when NULL.
    public func optionalInt(_ index: Int32) -> Int? { isNull(index) ? nil : int(index) }

    /// The column as a double, or nil when NULL.
    public func optionalDouble(_ index: Int32) -> Double? { isNull(index) ? nil : double(index) }

    /// The column as text, or nil when NULL. O(length).
    public func optionalText(_ index: Int32) -> String? { isNull(index) ? nil : text(index) }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else {
            throw DatabaseError(code: code, connection: sqlite3_db_handle(handle), sql: sql)
        }
    }
}
