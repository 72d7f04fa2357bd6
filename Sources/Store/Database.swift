import CSQLite

/// One connection to a Tournée database file, the only place that opens SQLite.
///
/// Not Sendable and not thread-safe by design: the connection is opened `SQLITE_OPEN_NOMUTEX`
/// and has a single owner (a command, or `SharedDatabase` in the daemon). Opening sets, in this
/// order: a busy timeout (before WAL, which may itself wait for a lock), `journal_mode=WAL`,
/// `synchronous=FULL`, `foreign_keys=ON` and `temp_store=MEMORY`.
///
/// `synchronous=FULL` rather than NORMAL: in WAL mode NORMAL survives a process crash but may
/// lose the last commits on a power cut or kernel panic. A lost commit here is an acknowledged
/// evening record gone, or an outbox message marked sent that reverts to queued and goes out
/// twice. FULL syncs the WAL on every commit; at our write rates (a few commits a second) the
/// extra fsync costs nothing that matters.
public final class Database {
    /// The file path this connection opened.
    public let path: String
    private var connection: OpaquePointer?
    /// Prepared statements by SQL text; SQL texts are program constants, so this stays small.
    private var cache: [String: Statement] = [:]
    private var savepointDepth = 0

    /// The busy timeout applied when none is given: long enough for the daemon's short writes.
    public static let defaultBusyTimeoutMilliseconds: Int32 = 5_000

    /// Opens (creating if needed) the database at `path` and applies the connection settings.
    public init(path: String, busyTimeoutMilliseconds: Int32 = Database.defaultBusyTimeoutMilliseconds) throws {
        self.path = path
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let error = DatabaseError(code: code, connection: handle, sql: nil)
            sqlite3_close_v2(handle)
            throw error
        }
        connection = handle
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
        do {
            let mode = try queryOne("PRAGMA journal_mode=WAL") { $0.text(0) }
            guard mode?.lowercased() == "wal" else {
                throw DatabaseError(
                    resultCode: SQLITE_CANTOPEN, extendedCode: SQLITE_CANTOPEN,
                    message: "could not switch to WAL (journal_mode is \(mode ?? "?"))",
                    sql: "PRAGMA journal_mode=WAL")
            }
            try execute("PRAGMA synchronous=FULL")
            try execute("PRAGMA foreign_keys=ON")
            // Savepoint journals and sorts in memory: a bulk import (one savepoint per row) spent
            // a third of its time writing temporary files otherwise.
            try execute("PRAGMA temp_store=MEMORY")
        } catch {
            cache.removeAll()
            sqlite3_close_v2(handle)
            connection = nil
            throw error
        }
    }

    deinit {
        cache.removeAll()
        if let connection { sqlite3_close_v2(connection) }
    }

    /// Whether `close()` has been called.
    public var isClosed: Bool { connection == nil }

    /// Closes the connection; it fails (and stays open) while a caller still holds a `Statement`.
    public func close() throws {
        guard let handle = connection else { return }
        cache.removeAll()
        let code = sqlite3_close(handle)
        guard code == SQLITE_OK else { throw DatabaseError(code: code, connection: handle, sql: nil) }
        connection = nil
    }

    /// The raw handle, for the maintenance helpers in this module.
    func openConnection(for sql: String?) throws -> OpaquePointer {
        guard let connection else { throw DatabaseError.closed(sql: sql) }
        return connection
    }

    /// Prepares a new statement the caller owns (finalized when released).
    public func prepare(_ sql: String) throws -> Statement {
        try Statement(connection: openConnection(for: sql), sql: sql)
    }

    /// Runs `body` with a cached statement for `sql`, or a fresh one if the cached one is busy.
    private func withStatement<T>(
        _ sql: String, _ values: [any SQLBindable],
        _ body: (Statement) throws -> T
    ) throws -> T {
        let statement: Statement
        if let cached = cache[sql], !cached.isInUse {
            statement = cached
        } else {
            statement = try prepare(sql)
            if cache[sql] == nil { cache[sql] = statement }
        }
        statement.isInUse = true
        defer {
            statement.reset()
            statement.isInUse = false
        }
        try statement.bind(values)
        return try body(statement)
    }

    /// Runs one statement that returns no rows needed by the caller.
    public func execute(_ sql: String, _ values: [any SQLBindable] = []) throws {
        try withStatement(sql, values) { statement in
            while try statement.step() {}
        }
    }

    /// Runs several `;`-separated statements without parameters (migrations only: no data in them).
    public func executeScript(_ sql: String) throws {
        let handle = try openConnection(for: sql)
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        defer { sqlite3_free(message) }
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            throw DatabaseError(
                resultCode: code & 0xFF, extendedCode: sqlite3_extended_errcode(handle),
                message: text, sql: sql)
        }
    }

    /// Runs a query and maps every row with `row`. O(rows).
    public func query<T>(
        _ sql: String, _ values: [any SQLBindable] = [],
        row: (Statement) throws -> T
    ) throws -> [T] {
        try withStatement(sql, values) { statement in
            var rows: [T] = []
            while try statement.step() { rows.append(try row(statement)) }
            return rows
        }
    }

    /// Runs a query and maps its first row, or returns nil when there is none.
    public func queryOne<T>(
        _ sql: String, _ values: [any SQLBindable] = [],
        row: (Statement) throws -> T
    ) throws -> T? {
        try withStatement(sql, values) { statement in
            try statement.step() ? try row(statement) : nil
        }
    }

    /// The number of rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int {
        connection.map { Int(sqlite3_changes64($0)) } ?? 0
    }

    /// The rowid of the last successful INSERT on this connection.
    public var lastInsertRowID: Int64 {
        connection.map { sqlite3_last_insert_rowid($0) } ?? 0
    }

    /// A number that changes whenever another connection (another process: `tournee` while the
    /// daemon runs) commits to the database; a cheap poll for "the data changed, tick now".
    public func dataVersion() throws -> Int64 {
        try queryOne("PRAGMA data_version") { $0.int64(0) } ?? 0
    }

    /// Whether a transaction is open on this connection.
    public var isInTransaction: Bool {
        connection.map { sqlite3_get_autocommit($0) == 0 } ?? false
    }

    /// Runs `body` in a write transaction: committed when it returns, rolled back when it throws.
    ///
    /// At top level this is `BEGIN IMMEDIATE`, which takes the write lock up front (waiting up to
    /// the busy timeout) so the transaction cannot fail later on a lock upgrade. Inside another
    /// transaction it is a savepoint, so store operations compose into a caller's transaction
    /// (the daemon decides and queues messages in one).
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        if isInTransaction {
            savepointDepth += 1
            defer { savepointDepth -= 1 }
            let name = "store_savepoint_\(savepointDepth)"
            try execute("SAVEPOINT \(name)")
            do {
                let result = try body()
                try execute("RELEASE \(name)")
                return result
            } catch {
                try? execute("ROLLBACK TO \(name)")
                try? execute("RELEASE \(name)")
                throw error
            }
        }
        return try run(begin: "BEGIN IMMEDIATE", body)
    }

    /// Runs `body` in a read transaction (`BEGIN DEFERRED`) so that its queries see one snapshot.
    public func readTransaction<T>(_ body: () throws -> T) throws -> T {
        if isInTransaction { return try body() }
        return try run(begin: "BEGIN DEFERRED", body)
    }

    /// Opens a transaction with `begin`, commits after `body`, rolls back if it throws.
    private func run<T>(begin: String, _ body: () throws -> T) throws -> T {
        try execute(begin)
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            // Some errors (SQLITE_FULL, IOERR, …) already rolled back; only roll back what is open.
            if isInTransaction { try? execute("ROLLBACK") }
            throw error
        }
    }
}
