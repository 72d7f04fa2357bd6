import Store

/// The person behind a request: the account and the session its cookie opened.
struct SignedIn: Sendable {
    /// The account.
    let account: UserAccount
    /// The session (its CSRF token goes in every form).
    let session: SignInSession
}
