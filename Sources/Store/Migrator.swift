/// Applies named migrations in order, each in its own transaction, recording them in
/// `schema_migrations`; refuses a database that records a migration it does not know.
public struct Migrator: Sendable {
    /// The migrations, in the order they apply.
    public let migrations: [Migration]

    /// The migrator for Tournée's schema.
    public static let tournee = Migrator(migrations: Schema.migrations)

    /// Makes a migrator; names must be unique (a programmer error otherwise).
    public init(migrations: [Migration]) {
        precondition(
            Set(migrations.map(\.name)).count == migrations.count,
            "duplicate migration names")
        self.migrations = migrations
    }

    /// The names already applied to `database`, in the order they were applied.
    public func appliedMigrations(in database: Database) throws -> [String] {
        try createMigrationTable(in: database)
        return try database.query("SELECT name FROM schema_migrations ORDER BY position") { $0.text(0) }
    }

    /// The names of known migrations not yet applied, in order. Throws if the database is newer.
    public func pendingMigrations(in database: Database) throws -> [String] {
        let applied = try appliedMigrations(in: database)
        try refuseUnknown(applied, in: database)
        return migrations.map(\.name).filter { !applied.contains($0) }
    }

    /// Applies every pending migration, each in its own `BEGIN IMMEDIATE` transaction, and
    /// returns the names applied. Running it again is a no-op. A crash mid-migration leaves
    /// that migration unrecorded and its changes rolled back, so the next run redoes it whole.
    @discardableResult
    public func migrate(_ database: Database, at now: Int64) throws -> [String] {
        try createMigrationTable(in: database)
        var applied: [String] = []
        for migration in migrations {
            // The pragma is a no-op inside a transaction: it is set around it.
            if migration.rebuildsTables { try database.execute("PRAGMA foreign_keys=OFF") }
            defer { if migration.rebuildsTables { try? database.execute("PRAGMA foreign_keys=ON") } }
            let didApply = try database.transaction { () throws -> Bool in
                // Re-read inside the lock: another process may have migrated meanwhile.
                let recorded = try database.query(
                    "SELECT name FROM schema_migrations ORDER BY position"
                ) { $0.text(0) }
                try refuseUnknown(recorded, in: database)
                guard !recorded.contains(migration.name) else { return false }
                try migration.apply(database)
                if migration.rebuildsTables,
                    let table = try database.queryOne("PRAGMA foreign_key_check", row: { $0.text(0) })
                {
                    throw MigrationError.foreignKeysBroken(migration: migration.name, table: table)
                }
                try database.execute(
                    "INSERT INTO schema_migrations (name, position, applied_at) VALUES (?, ?, ?)",
                    [migration.name, recorded.count + 1, now])
                return true
            }
            if didApply { applied.append(migration.name) }
        }
        return applied
    }

    private func createMigrationTable(in database: Database) throws {
        try database.execute(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                name TEXT PRIMARY KEY,
                position INTEGER NOT NULL UNIQUE,
                applied_at INTEGER NOT NULL
            ) STRICT
            """)
    }

    private func refuseUnknown(_ recorded: [String], in database: Database) throws {
        let known = Set(migrations.map(\.name))
        let unknown = recorded.filter { !known.contains($0) }
        if !unknown.isEmpty {
            throw MigrationError.databaseNewerThanProgram(path: database.path, unknownMigrations: unknown)
        }
    }
}
