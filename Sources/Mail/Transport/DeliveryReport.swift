/// What a transport did with one message that was at least partly delivered.
public struct DeliveryReport: Hashable, Sendable {
    /// Recipients the server (or program, or folder) took.
    public let accepted: [MailAddress]
    /// Recipients the SMTP server refused one by one (RFC 5321 §3.3 RCPT replies), the others having been delivered.
    public let refused: [RecipientFailure]
    /// The server's final reply to the message (e.g. `250 OK queued as …`), or a note from the transport.
    public let reply: String

    /// A report; `refused` is empty unless the transport gives per-recipient answers.
    public init(accepted: [MailAddress], refused: [RecipientFailure] = [], reply: String) {
        self.accepted = accepted
        self.refused = refused
        self.reply = reply
    }
}

/// One recipient the SMTP server refused, with its reply.
public struct RecipientFailure: Hashable, Sendable, CustomStringConvertible {
    /// The refused recipient.
    public let recipient: MailAddress
    /// Temporary for a 4xx reply (retry this recipient later), permanent for a 5xx.
    public let kind: TransportError.Kind
    /// The server's reply, code and text.
    public let reply: String

    /// A refusal.
    public init(recipient: MailAddress, kind: TransportError.Kind, reply: String) {
        self.recipient = recipient
        self.kind = kind
        self.reply = reply
    }

    /// `<addr>: 550 …`, for logs and reports.
    public var description: String { "<\(recipient.addrSpec)>: \(reply)" }
}
