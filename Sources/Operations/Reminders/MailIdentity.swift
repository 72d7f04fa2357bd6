import Mail

/// Who the daemon writes as, and the fixed values templates may use.
public struct MailIdentity: Equatable, Sendable {
    /// The From address (and envelope sender).
    public var from: MailAddress
    /// Where replies go.
    public var replyTo: [MailAddress]
    /// The staff's addresses, for the `staff` recipient group.
    public var staff: [MailAddress]
    /// Who to call on the evening, for `{contact_soiree}`.
    public var eveningContact: String
    /// The closing of every message, for `{signature}`.
    public var signature: String
    /// The right part of every Message-ID.
    public var messageIDDomain: String

    /// Makes an identity.
    public init(
        from: MailAddress, replyTo: [MailAddress], staff: [MailAddress], eveningContact: String,
        signature: String, messageIDDomain: String
    ) {
        self.from = from
        self.replyTo = replyTo
        self.staff = staff
        self.eveningContact = eveningContact
        self.signature = signature
        self.messageIDDomain = messageIDDomain
    }
}
