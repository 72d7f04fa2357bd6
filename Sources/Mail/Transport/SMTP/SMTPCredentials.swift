/// A user name and password for SMTP AUTH PLAIN or LOGIN (RFC 4954, RFC 4616).
public struct SMTPCredentials: Hashable, Sendable, CustomStringConvertible {
    /// The user name, sent base64-encoded.
    public let username: String
    /// The password, never printed.
    public let password: Secret

    /// Credentials for a relay.
    public init(username: String, password: Secret) {
        self.username = username
        self.password = password
    }

    /// The user name and a redacted password.
    public var description: String { "\(username):\(password)" }
}
