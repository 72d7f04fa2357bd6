/// Something that hands a rendered message to the mail system: an SMTP relay, a sendmail program or a maildir.
public protocol MailTransport: Sendable {
    /// Delivers `message` to its envelope recipients, blocking until done; the report lists recipients refused one by one.
    /// Throws when nothing was delivered; the error says whether a later retry may succeed.
    func send(_ message: OutgoingMessage) throws(TransportError) -> DeliveryReport
}
