import Cryptography
import Store

/// Opens, resumes and ends the sessions of `tourneed`'s pages. The cookie's value is 32 random
/// bytes; the database keeps its SHA-256, so a copy of the database opens no session. A new id
/// is made at every sign-in (no session fixation).
public struct SessionKeeper {
    private let database: Database
    private let policy: SessionPolicy

    /// Sessions of `database` under `policy`.
    public init(_ database: Database, policy: SessionPolicy = SessionPolicy()) {
        self.database = database
        self.policy = policy
    }

    /// Checks `password` for the account `typedName` from `address` and opens a session when it
    /// is right, the account enabled and neither the account nor the address throttled.
    public func signIn(name typedName: String, password: String, address: String, at now: Int64) throws -> SignInOutcome {
        let name = AccountBook.canonicalName(typedName) ?? typedName
        let subjects = ["compte:" + name, "adresse:" + address]
        if let retryAt = try throttledUntil(subjects, now: now) { return .throttled(retryAt: retryAt) }
        let account = try UserStore(database).find(name: name)
        let record = account.flatMap { PasswordRecord(encoded: $0.passwordHash) }
        let passwordMatches: Bool
        if let record {
            passwordMatches = record.matches(password)
        } else {
            PasswordRecord.spendVerificationTime(password)
            passwordMatches = false
        }
        guard let account, passwordMatches, account.disabledAt == nil else {
            let failures = LoginFailureStore(database)
            try database.transaction { for subject in subjects { try failures.record(subject: subject, at: now) } }
            return .refused
        }
        let cookie: String
        let csrf: String
        do {
            cookie = Base64URL.encode(try SecureRandom.bytes(32))
            csrf = Base64URL.encode(try SecureRandom.bytes(32))
        } catch { throw AccountError.noRandomness }
        let session = SignInSession(
            tokenHash: Self.hash(cookie), userID: account.id, csrfToken: csrf, address: address, createdAt: now, lastSeenAt: now)
        try database.transaction {
            try LoginFailureStore(database).clear(subject: subjects[0])
            try SessionStore(database).open(session)
        }
        return .opened(cookie: cookie, session: session, account: account)
    }

    /// How often a session's last request is written: reading a page is then a read, not a
    /// write that waits for the disk, and the idle limit is still kept to the minute.
    static let touchSeconds: Int64 = 60

    /// The session and account of `cookie` when it is open, not expired and its account enabled;
    /// the request is recorded on it (at most once a minute). An expired session is ended here.
    public func resume(cookie: String, at now: Int64) throws -> (session: SignInSession, account: UserAccount)? {
        let sessions = SessionStore(database)
        let hash = Self.hash(cookie)
        let found = try database.readTransaction { () throws -> (SignInSession, UserAccount?)? in
            guard let session = try sessions.find(tokenHash: hash) else { return nil }
            return (session, try UserStore(database).find(id: session.userID))
        }
        guard let (session, account) = found else { return nil }
        guard !isExpired(session, now: now), let account, account.disabledAt == nil else {
            try sessions.close(tokenHash: hash)
            return nil
        }
        if now - session.lastSeenAt >= Self.touchSeconds { try sessions.touch(tokenHash: hash, at: now) }
        return (session, account)
    }

    /// Ends the session of `cookie` (sign-out); nothing happens for an unknown cookie.
    public func signOut(cookie: String) throws {
        try SessionStore(database).close(tokenHash: Self.hash(cookie))
    }

    /// Ends every expired session and forgets failures no window reaches; returns the sessions ended.
    @discardableResult
    public func sweep(at now: Int64) throws -> Int {
        try LoginFailureStore(database).purge(before: now - policy.failureWindowSeconds)
        return try SessionStore(database).closeExpired(idleBefore: now - policy.idleSeconds, openedBefore: now - policy.absoluteSeconds)
    }

    /// Whether `session` has outlived the idle or the absolute limit at `now`.
    public func isExpired(_ session: SignInSession, now: Int64) -> Bool {
        now - session.lastSeenAt > policy.idleSeconds || now - session.createdAt > policy.absoluteSeconds
    }

    /// The stored form of a cookie's value.
    static func hash(_ cookie: String) -> String { Hexadecimal.text(SHA256.hash(Array(cookie.utf8))) }

    /// When the first of `subjects` over its limit may try again, nil when none is.
    private func throttledUntil(_ subjects: [String], now: Int64) throws -> Int64? {
        let failures = LoginFailureStore(database)
        let limits = [policy.failuresPerAccount, policy.failuresPerAddress]
        var retryAt: Int64?
        for (subject, limit) in zip(subjects, limits) {
            let recent = try failures.failures(subject: subject, since: now - policy.failureWindowSeconds + 1)
            guard recent.count >= limit else { continue }
            // The window opens again when enough of the failures have aged out of it.
            let until = recent[recent.count - limit] + policy.failureWindowSeconds
            retryAt = max(retryAt ?? until, until)
        }
        return retryAt
    }
}
