/// Keeps the signed-in sessions in the database, so that a restart of `tourneed` keeps them and
/// `tournee user disable` (another process) ends them.
public struct SessionStore {
    private let database: Database

    /// A store on `database`.
    public init(_ database: Database) { self.database = database }

    /// Stores a new session.
    public func open(_ session: SignInSession) throws {
        try database.execute(
            """
            INSERT INTO sessions (token_hash, user_id, csrf_token, address, created_at, last_seen_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """,
            [session.tokenHash, session.userID, session.csrfToken, session.address, session.createdAt, session.lastSeenAt])
    }

    /// The session whose cookie hashes to `tokenHash`, nil when there is none (never opened,
    /// ended, or its account disabled). O(log sessions).
    public func find(tokenHash: String) throws -> SignInSession? {
        try database.queryOne(
            "SELECT token_hash, user_id, csrf_token, address, created_at, last_seen_at FROM sessions WHERE token_hash = ?",
            [tokenHash]
        ) { statement in
            SignInSession(
                tokenHash: statement.text(0), userID: statement.int64(1), csrfToken: statement.text(2), address: statement.text(3),
                createdAt: statement.int64(4), lastSeenAt: statement.int64(5))
        }
    }

    /// Records a request on the session at `now`.
    public func touch(tokenHash: String, at now: Int64) throws {
        try database.execute("UPDATE sessions SET last_seen_at = max(last_seen_at, ?) WHERE token_hash = ?", [now, tokenHash])
    }

    /// Ends one session (sign-out, or found expired).
    public func close(tokenHash: String) throws {
        try database.execute("DELETE FROM sessions WHERE token_hash = ?", [tokenHash])
    }

    /// Ends the sessions idle since before `idleBefore` or opened before `openedBefore`; returns
    /// how many. O(sessions).
    @discardableResult
    public func closeExpired(idleBefore: Int64, openedBefore: Int64) throws -> Int {
        try database.execute("DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?", [idleBefore, openedBefore])
        return database.changes
    }

    /// How many sessions account `userID` has open.
    public func count(userID: Int64) throws -> Int {
        try database.queryOne("SELECT count(*) FROM sessions WHERE user_id = ?", [userID]) { $0.int(0) } ?? 0
    }
}
