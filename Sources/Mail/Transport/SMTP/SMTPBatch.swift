/// Several messages over one SMTP connection (RFC 5321 §4.1.1.5): RSET before each message after
/// the first, QUIT at `close`. A connection the relay dropped between two messages (idle timeout,
/// 421) is opened again, and the message sent on the new one, as long as nothing of its payload
/// was written to the old: a message the relay may have queued is never sent twice.
final class SMTPBatch: MailBatch {
    private let transport: SMTPTransport
    private var session: SMTPSession?

    init(transport: SMTPTransport) { self.transport = transport }

    func send(_ message: OutgoingMessage) throws(TransportError) -> DeliveryReport {
        let payload: [UInt8]
        switch SMTPData.encode(message.data) {
        case .success(let encoded): payload = encoded
        case .failure(let tooLong):
            throw TransportError(
                .permanent, stage: "DATA",
                detail: "ligne \(tooLong.line) de \(tooLong.length) octets, au-delà des 998 que SMTP admet")
        }
        if let kept = session {
            session = nil
            if (try? kept.command("RSET", stage: "RSET"))?.isPositive == true {
                do throws(TransportError) {
                    return try deliver(message, payload, on: kept)
                } catch {
                    // Dropped before the payload: try again below on a new connection.
                    guard kept.isBroken, !kept.transmitted else { throw error }
                }
            } else {
                kept.quit()
            }
        }
        let fresh = try SMTPSession.open(host: transport.host, port: transport.port, timeouts: transport.timeouts)
        do throws(TransportError) {
            try fresh.hello(clientName: transport.clientName)
            if let credentials = transport.credentials { try fresh.authenticate(credentials) }
        } catch {
            fresh.quit()
            throw error
        }
        return try deliver(message, payload, on: fresh)
    }

    func close() {
        session?.quit()
        session = nil
    }

    /// One transaction; the session is kept for the next message unless it broke.
    private func deliver(_ message: OutgoingMessage, _ payload: [UInt8], on session: SMTPSession) throws(TransportError)
        -> DeliveryReport
    {
        do throws(TransportError) {
            let report = try transaction(message, payload, on: session)
            self.session = session
            return report
        } catch {
            if session.isBroken { session.quit() } else { self.session = session }
            throw error
        }
    }

    /// MAIL FROM, RCPT TO for each recipient (refusals reported, the rest go on), DATA.
    private func transaction(_ message: OutgoingMessage, _ payload: [UInt8], on session: SMTPSession) throws(TransportError)
        -> DeliveryReport
    {
        session.startTransaction()
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
            throw TransportError(kind, stage: "RCPT TO", detail: "tous les destinataires refusés", refused: refused)
        }
        let data = try session.command("DATA", stage: "DATA")
        guard data.code == 354 else { throw session.failure(data, stage: "DATA") }
        let final = try session.transmit(payload)
        guard final.isPositive else { throw session.failure(final, stage: "DATA") }
        return DeliveryReport(accepted: accepted, refused: refused, reply: final.description)
    }
}
