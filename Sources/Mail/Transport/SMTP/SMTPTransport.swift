/// Sends each message over its own plain SMTP connection to a relay (RFC 5321), optionally with AUTH PLAIN/LOGIN.
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

    /// One SMTP transaction: MAIL FROM, RCPT TO for each recipient (refusals reported, the rest go on), DATA, QUIT.
    /// O(size of the message) plus round trips.
    public func send(_ message: OutgoingMessage) throws(TransportError) -> DeliveryReport {
        let payload: [UInt8]
        switch SMTPData.encode(message.data) {
        case .success(let encoded): payload = encoded
        case .failure(let tooLong):
            throw TransportError(
                .permanent, stage: "DATA",
                detail: "ligne \(tooLong.line) de \(tooLong.length) octets, au-delà des 998 que SMTP admet")
        }
        let session = try SMTPSession.open(host: host, port: port, timeouts: timeouts)
        defer { session.quit() }
        try session.hello(clientName: clientName)
        if let credentials { try session.authenticate(credentials) }
        let mail = try session.command("MAIL FROM:<\(message.sender.addrSpec)>", stage: "MAIL FROM")
        guard mail.isPositive else { throw session.failure(mail, stage: "MAIL FROM") }
        var accepted: [MailAddress] = []
        var refused: [RecipientFailure] = []
        for recipient in message.recipients {
            let reply = try session.command("RCPT TO:<\(recipient.addrSpec)>", stage: "RCPT TO")
            if reply.isPositive {
                accepted.append(recipient)
            } else {
                refused.append(
                    RecipientFailure(
                        recipient: recipient, kind: TransportError.kind(ofReplyCode: reply.code),
                        reply: reply.description))
            }
        }
        guard !accepted.isEmpty else {
            let kind: TransportError.Kind = refused.contains { $0.kind == .temporary } ? .temporary : .permanent
            _ = try? session.command("RSET", stage: "RSET")
            throw TransportError(kind, stage: "RCPT TO", detail: "tous les destinataires refusés", refused: refused)
        }
        let data = try session.command("DATA", stage: "DATA")
        guard data.code == 354 else { throw session.failure(data, stage: "DATA") }
        let final = try session.transmit(payload)
        guard final.isPositive else { throw session.failure(final, stage: "DATA") }
        return DeliveryReport(accepted: accepted, refused: refused, reply: final.description)
    }
}
