import CSQLite

extension DatabaseError {
    /// What a SQLite failure means for the user, whatever SQLite's own words.
    public enum Kind: Equatable, Sendable {
        /// The file is not a database (damaged, truncated, or another program's).
        case notADatabase
        /// The disk (or the quota) is full.
        case diskFull
        /// The file or its folder cannot be written.
        case readOnly
        /// The file cannot be opened (a folder, a missing folder, no permission).
        case cannotOpen
        /// Another process holds the database past the busy timeout.
        case busy
        /// A constraint refused a row (the program should have checked it first).
        case constraint
        /// Reading or writing the file failed.
        case inputOutput
        /// Anything else: a fault of the program.
        case other
    }

    /// What the failure means for the user, from its result code.
    public var kind: Kind {
        switch resultCode {
        case SQLITE_NOTADB, SQLITE_CORRUPT: .notADatabase
        case SQLITE_FULL: .diskFull
        case SQLITE_READONLY: .readOnly
        case SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_AUTH: .cannotOpen
        case SQLITE_BUSY, SQLITE_LOCKED: .busy
        case SQLITE_CONSTRAINT: .constraint
        case SQLITE_IOERR, SQLITE_NOLFS: .inputOutput
        default: .other
        }
    }

}
