/// Failed sign-ins, one row each, by subject (an account or a client address), so that the
/// rate limit survives a restart and is shared by every connection.
public struct LoginFailureStore {
    private let database: Database

    /// A store on `database`.
    public init(_ database: Database) { self.database = database }

    /// Records a failure of `subject` at `now`.
    public func record(subject: String, at now: Int64) throws {
        try database.execute("INSERT INTO login_failures (subject, at) VALUES (?, ?)", [subject, now])
    }

    /// The instants of `subject`'s failures since `since`, oldest first. O(log rows + result).
    public func failures(subject: String, since: Int64) throws -> [Int64] {
        try database.query("SELECT at FROM login_failures WHERE subject = ? AND at >= ? ORDER BY at", [subject, since]) { $0.int64(0) }
    }

    /// Forgets `subject`'s failures (after a successful sign-in of that account).
    public func clear(subject: String) throws {
        try database.execute("DELETE FROM login_failures WHERE subject = ?", [subject])
    }

    /// Forgets every failure older than `before`, which no window reaches any more.
    public func purge(before: Int64) throws {
        try database.execute("DELETE FROM login_failures WHERE at < ?", [before])
    }
}
