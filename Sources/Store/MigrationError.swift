/// Why the migrator refused to work on a database.
public enum MigrationError: Error, Equatable, CustomStringConvertible {
    /// The database records migrations this program does not know: it was written by a newer
    /// version of Tournée, and an older one must not touch it.
    case databaseNewerThanProgram(path: String, unknownMigrations: [String])
    /// A migration that rebuilds tables left a row whose parent is missing; it was rolled back.
    case foreignKeysBroken(migration: String, table: String)

    /// A sentence naming the database and what to do.
    public var description: String {
        switch self {
        case .databaseNewerThanProgram(let path, let unknown):
            return "The database \(path) was migrated by a newer version of Tournée "
                + "(unknown migrations: \(unknown.joined(separator: ", "))); upgrade Tournée to use it."
        case .foreignKeysBroken(let migration, let table):
            return "Migration \(migration) left a row of \(table) without its parent; it was rolled back."
        }
    }
}
