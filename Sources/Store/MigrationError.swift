/// Why the migrator refused to work on a database.
public enum MigrationError: Error, Equatable, CustomStringConvertible {
    /// The database records migrations this program does not know: it was written by a newer
    /// version of Tournée, and an older one must not touch it.
    case databaseNewerThanProgram(path: String, unknownMigrations: [String])

    /// A sentence naming the database and what to do.
    public var description: String {
        switch self {
        case .databaseNewerThanProgram(let path, let unknown):
            return "The database \(path) was migrated by a newer version of Tournée "
                + "(unknown migrations: \(unknown.joined(separator: ", "))); upgrade Tournée to use it."
        }
    }
}
