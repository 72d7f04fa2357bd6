import Store

/// What a sign-in attempt came to.
public enum SignInOutcome: Equatable, Sendable {
    /// Signed in: `cookie` is the session's secret for the browser (shown once, stored hashed).
    case opened(cookie: String, session: SignInSession, account: UserAccount)
    /// Wrong name or password, or a disabled account — one answer for all three, so that the
    /// page tells an attacker nothing.
    case refused
    /// Too many failures: no password is checked before `retryAt` (Unix seconds).
    case throttled(retryAt: Int64)
}
