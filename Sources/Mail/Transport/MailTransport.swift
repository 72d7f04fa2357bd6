/// Something that hands a rendered message to the mail system: an SMTP relay, a sendmail program or a maildir.
public protocol MailTransport: Sendable {
    /// Delivers `message` to its envelope recipients, blocking until done; the report lists recipients refused one by one.
    /// Throws when nothing was delivered; the error says whether a later retry may succeed.
    func send(_ message: OutgoingMessage) throws(TransportError) -> DeliveryReport

    /// A batch for several messages in a row on one thread: the SMTP transport keeps one
    /// connection for all of them; the others send each message on its own.
    func batch() -> any MailBatch
}

/// Several messages sent in a row through one transport, then closed; used from one thread.
public protocol MailBatch: AnyObject {
    /// Delivers one message, as `MailTransport.send` does.
    func send(_ message: OutgoingMessage) throws(TransportError) -> DeliveryReport
    /// Ends the batch (QUIT for SMTP); safe to call more than once.
    func close()
}

extension MailTransport {
    /// Each message on its own: a transport without sessions.
    public func batch() -> any MailBatch { OneMessageAtATime(transport: self) }
}

/// The batch of a transport without sessions.
final class OneMessageAtATime: MailBatch {
    private let transport: any MailTransport

    init(transport: any MailTransport) { self.transport = transport }

    func send(_ message: OutgoingMessage) throws(TransportError) -> DeliveryReport { try transport.send(message) }

    func close() {}
}
