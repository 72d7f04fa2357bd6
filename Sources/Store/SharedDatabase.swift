import Synchronization

/// A `Database` behind a mutex, for a process (the daemon) whose threads share one connection.
///
/// The connection is never handed out: callers run a closure under the lock, so only one thread
/// at a time touches it (a connection handle is not Sendable; see docs/platform.md). Keep the closures short and free of network I/O.
public final class SharedDatabase: Sendable {
    private let guarded: Mutex<Database>

    /// Takes ownership of `database`; the caller must not keep another reference to it.
    public init(_ database: sending Database) {
        guarded = Mutex(database)
    }

    /// Opens the database at `path` and wraps it.
    public convenience init(path: String) throws {
        self.init(try Database(path: path))
    }

    /// Runs `body` with exclusive use of the connection and returns its result.
    public func withDatabase<T: Sendable>(_ body: (Database) throws -> T) throws -> T {
        try guarded.withLock { database throws -> T in try body(database) }
    }

    /// Runs `body` in a write transaction with exclusive use of the connection.
    public func write<T: Sendable>(_ body: (Database) throws -> T) throws -> T {
        try withDatabase { database in try database.transaction { try body(database) } }
    }

    /// Closes the connection; later calls fail with a "closed" `DatabaseError`.
    public func close() throws {
        try withDatabase { try $0.close() }
    }
}
