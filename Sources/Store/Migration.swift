/// One named, append-only schema change. Once shipped, a migration is never edited or removed:
/// a later change is a new migration.
public struct Migration: Sendable {
    /// The unique name recorded in `schema_migrations` once applied.
    public let name: String
    /// The change, run inside the migration's own transaction.
    public let apply: @Sendable (Database) throws -> Void

    /// A migration made of arbitrary work on the connection.
    public init(name: String, apply: @escaping @Sendable (Database) throws -> Void) {
        self.name = name
        self.apply = apply
    }

    /// A migration made of a constant SQL script (DDL; no data is ever interpolated into it).
    public init(name: String, sql: String) {
        self.init(name: name) { try $0.executeScript(sql) }
    }
}
