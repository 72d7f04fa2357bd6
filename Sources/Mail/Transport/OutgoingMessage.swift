/// A message as transports take it: the SMTP envelope (RFC 5321 §2.3.1) and the RFC 5322 bytes.
public struct OutgoingMessage: Hashable, Sendable {
    /// The envelope sender (MAIL FROM), where bounces go.
    public let sender: MailAddress
    /// The envelope recipients (RCPT TO), in order, at least one.
    public let recipients: [MailAddress]
    /// The whole message, headers and body, with CRLF line ends.
    public let data: [UInt8]

    /// The envelope and bytes of `message`: From as sender, To and Cc as recipients. O(size).
    public init(_ message: Message) {
        self.sender = message.from
        self.recipients = message.recipients
        self.data = message.render()
    }

    /// A message rendered earlier (e.g. kept in the outbox), with its envelope.
    public init(sender: MailAddress, recipients: [MailAddress], data: [UInt8]) throws(MessageError) {
        guard !recipients.isEmpty else { throw .noRecipient }
        self.sender = sender
        self.recipients = recipients
        self.data = data
    }
}
