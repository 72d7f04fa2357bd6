/// One value bound to a statement parameter, in SQLite's five storage classes.
public enum SQLValue: Equatable, Sendable {
    /// SQL NULL.
    case null
    /// A 64-bit signed integer.
    case integer(Int64)
    /// An IEEE 754 double.
    case real(Double)
    /// UTF-8 text.
    case text(String)
    /// Raw bytes.
    case blob([UInt8])
}

/// A Swift value that can be bound as a statement parameter.
public protocol SQLBindable {
    /// The value as SQLite stores it.
    var sqlValue: SQLValue { get }
}

extension Int: SQLBindable {
    /// The integer, widened to 64 bits.
    public var sqlValue: SQLValue { .integer(Int64(self)) }
}

extension Int64: SQLBindable {
    /// The integer as is.
    public var sqlValue: SQLValue { .integer(self) }
}

extension Double: SQLBindable {
    /// The double as a REAL.
    public var sqlValue: SQLValue { .real(self) }
}

extension Bool: SQLBindable {
    /// 1 for true, 0 for false (SQLite has no boolean type).
    public var sqlValue: SQLValue { .integer(self ? 1 : 0) }
}

extension String: SQLBindable {
    /// The string as UTF-8 text.
    public var sqlValue: SQLValue { .text(self) }
}

extension Array: SQLBindable where Element == UInt8 {
    /// The bytes as a BLOB.
    public var sqlValue: SQLValue { .blob(self) }
}

extension SQLValue: SQLBindable {
    /// The value itself.
    public var sqlValue: SQLValue { self }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
    /// The wrapped value, or NULL.
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
}
