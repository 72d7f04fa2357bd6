/// One named, append-only schema change. Once shipped, a migration is never edited or removed:
/// a later change is a new migration.
public struct Migration: Sendable {
    /// The unique name recorded in `schema_migrations` once applied.
    public let name: String
    /// The change, run inside the migration's own transaction.
    public let apply: @Sendable (Database) throws -> Void
    /// Whether the change drops and recreates tables other tables refer to: the migrator then
    /// runs it with foreign keys off (a dropped parent would otherwise fail or cascade) and
    /// checks every foreign key before committing.
    public let rebuildsTables: Bool

    /// A migration made of arbitrary work on the connection.
    public init(name: String, rebuildsTables: Bool = false, apply: @escaping @Sendable (Database) throws -> Void) {
        self.name = name
        self.rebuildsTables = rebuildsTables
        self.apply = apply
    }

    /// A migration made of a constant SQL script (DDL; no data is ever interpolated into it).
    public init(name: String, rebuildsTables: Bool = false, sql: String) {
        self.init(name: name, rebuildsTables: rebuildsTables) { try $0.executeScript(sql) }
    }
}
