/// A signed-in browser, as stored: the hash of its cookie, whose account it is, and when it was
/// opened and last used (the expiry rules are the caller's; the store only keeps the instants).
public struct SignInSession: Equatable, Sendable {
    /// SHA-256 of the cookie's value, 64 lower-case hexadecimal digits.
    public var tokenHash: String
    /// The account's row id.
    public var userID: Int64
    /// The secret the session's forms carry back (the CSRF token).
    public var csrfToken: String
    /// The client's address at sign-in, for the journal.
    public var address: String
    /// Unix seconds of the sign-in.
    public var createdAt: Int64
    /// Unix seconds of the last request.
    public var lastSeenAt: Int64

    /// A session.
    public init(tokenHash: String, userID: Int64, csrfToken: String, address: String, createdAt: Int64, lastSeenAt: Int64) {
        self.tokenHash = tokenHash
        self.userID = userID
        self.csrfToken = csrfToken
        self.address = address
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
    }
}
