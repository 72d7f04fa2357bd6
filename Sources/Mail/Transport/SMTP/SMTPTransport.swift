/// Sends messages over plain SMTP connections to a relay (RFC 5321), optionally with AUTH PLAIN/LOGIN: one
/// connection per message with `send`, one for a whole batch with `batch()`.
/// Plain TCP only: for TLS use `SendmailTransport` with msmtp.
public struct SMTPTransport: MailTransport {
    /// The relay's host name or address.
    public let host: String
    /// The relay's port, usually 25 or 587.
    public let port: Int
    /// The name this client gives in EHLO (RFC 5321 §4.1.1.1), ideally its own domain.
    public let clientName: String
    /// Credentials, used only if given, and then required to be usable.
    public let credentials: SMTPCredentials?
    /// Limits for each step.
    public let timeouts: SMTPTimeouts

    /// A transport to `host:port`.
    public init(
        host: String, port: Int = 25, clientName: String = "localhost",
        credentials: SMTPCredentials? = nil, timeouts: SMTPTimeouts = .rfc5321
    ) {
        self.host = host
        self.port = port
        self.clientName = clientName
        self.credentials = credentials
        self.timeouts = timeouts
    }

    /// One message on its own connection: greeting, EHLO, AUTH, one transaction, QUIT.
    /// O(size of the message) plus round trips.
    public func send(_ message: OutgoingMessage) throws(TransportError) -> DeliveryReport {
        let batch = SMTPBatch(transport: self)
        defer { batch.close() }
        return try batch.send(message)
    }

    /// A batch that keeps one connection for all its messages (RSET between them, QUIT at the end).
    public func batch() -> any MailBatch { SMTPBatch(transport: self) }
}
