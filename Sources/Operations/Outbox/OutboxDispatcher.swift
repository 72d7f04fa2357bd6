import Foundation
import Mail
import Store
import Synchronization

/// Sends the outbox's due messages one at a time through a transport, a round in one batch (one
/// SMTP connection for all its messages, RSET between them, QUIT at the end).
///
/// Each message is claimed (committed) before the transport is called and marked after, so a
/// crash loses nothing and repeats at most the one message in flight (see `OutboxStore`).
/// A relay that refuses this client (credentials refused, authentication required) pauses the
/// outbox like a relay that is down, the message keeping its place: it is logged once, at error
/// level, until a message goes through again, and no message is parked for it.
/// Failures: a permanent one (5xx, every recipient refused) parks the message; a temporary one
/// that concerns the message (recipients deferred, 4xx after DATA) queues it again after its own
/// backoff and parks it after `maxAttempts`; a temporary one of the transport as a whole (relay
/// unreachable, 4xx at connection) keeps the message's place in the queue and pauses the whole
/// round for a backoff, so that when the relay is back every message leaves in its original
/// order. The database lock is never held during network I/O.
public final class OutboxDispatcher: Sendable {
    private let database: SharedDatabase
    private let transport: any MailTransport
    private let sender: MailAddress
    private let retry: RetryPolicy
    private let logger: Logger
    private let transportFailures = Mutex(0)
    /// The relay's refusal of this client, once logged; nil while it accepts.
    private let clientRefusal = Mutex<String?>(nil)

    /// Makes a dispatcher.
    public init(
        database: SharedDatabase, transport: any MailTransport, sender: MailAddress,
        retry: RetryPolicy, logger: Logger
    ) {
        self.database = database
        self.transport = transport
        self.sender = sender
        self.retry = retry
        self.logger = logger
    }

    /// Sends due messages until none is due, the transport fails as a whole, or `shouldStop`
    /// says so (checked between messages, so the one in flight always finishes). A message sent
    /// is marked in the same transaction that claims the next one: one commit per message, and
    /// still each claim committed before its message leaves. O(messages sent).
    public func dispatchDue(now: () -> Int64, shouldStop: () -> Bool = { false }) throws -> DispatchRound {
        var round = DispatchRound()
        let batch = transport.batch()
        defer { batch.close() }
        var claimed: OutboxMessage?
        while claimed != nil || !shouldStop() {
            let instant = now()
            guard let message = try claimed ?? database.withDatabase({ try OutboxStore($0).claimNext(at: instant) }) else { break }
            let (outcome, next) = try deliver(message, through: batch, now: now, claimingNext: !shouldStop())
            claimed = next
            round.outcomes.append(outcome)
            if case .retrying(_, _, _, transportDown: true) = outcome {
                // The message kept its place in the queue; pause the round instead.
                let failures = transportFailures.withLock { count in
                    count += 1
                    return count
                }
                round.pausedUntil = instant + retry.delay(afterFailures: failures, salt: 0)
                break
            }
        }
        return round
    }

    /// Sends one message and marks it; after a success, claims the next due one in the same
    /// transaction when `claimingNext`.
    private func deliver(
        _ message: OutboxMessage, through batch: any MailBatch, now: () -> Int64, claimingNext: Bool
    ) throws -> (DispatchOutcome, next: OutboxMessage?) {
        let entry = message.entry
        let outgoing: OutgoingMessage
        do {
            outgoing = try OutgoingMessage(
                sender: sender, recipients: try entry.recipients.map { try MailAddress($0) },
                data: message.message)
        } catch {
            return (try park(entry, error: "message invalide : \(error)"), nil)
        }
        let result: Result<DeliveryReport, TransportError>
        do {
            result = .success(try batch.send(outgoing))
        } catch {
            result = .failure(error)
        }
        let instant = now()
        switch result {
        case .success(let report):
            let next = try database.withDatabase { database in
                try database.transaction {
                    try OutboxStore(database).markSent(id: entry.id, at: instant)
                    return claimingNext ? try OutboxStore(database).claimNext(at: instant) : nil
                }
            }
            transportFailures.withLock { $0 = 0 }
            if let refusal = clientRefusal.withLock({ refusal in
                defer { refusal = nil }
                return refusal
            }) {
                logger.log(.info, "relay accepts this client again", ["previous_error": refusal])
            }
            logger.log(
                .info, "message sent",
                [
                    "id": String(entry.id), "event": entry.eventID, "rule": entry.rule,
                    "attempt": String(entry.attempts),
                ])
            for refusal in report.refused {
                logger.log(
                    .error, "recipient refused",
                    [
                        "id": String(entry.id), "event": entry.eventID,
                        "rule": entry.rule, "reply": refusal.reply,
                    ])
            }
            return (.sent(id: entry.id, refused: report.refused), next)
        case .failure(let error) where error.refusesClient:
            try database.withDatabase {
                try OutboxStore($0).markFailed(id: entry.id, error: error.description, retryAt: entry.nextAttemptAt)
            }
            let first = clientRefusal.withLock { refusal in
                defer { refusal = error.description }
                return refusal == nil
            }
            if first {
                logger.log(
                    .error, "relay refuses this client, outbox paused until it accepts (check the credentials)",
                    ["stage": error.stage, "error": error.description])
            }
            return (.retrying(id: entry.id, retryAt: entry.nextAttemptAt, error: error.description, transportDown: true), nil)
        case .failure(let error) where error.isTemporary && (Self.isTransportWide(error) || entry.attempts < retry.maxAttempts):
            let wholeTransport = Self.isTransportWide(error)
            let retryAt =
                wholeTransport
                ? entry.nextAttemptAt
                : instant + retry.delay(afterFailures: entry.attempts, salt: entry.id)
            try database.withDatabase { try OutboxStore($0).markFailed(id: entry.id, error: error.description, retryAt: retryAt) }
            logger.log(
                .warning, wholeTransport ? "transport unavailable, will retry" : "message deferred, will retry",
                [
                    "id": String(entry.id), "event": entry.eventID, "rule": entry.rule,
                    "attempt": String(entry.attempts), "stage": error.stage, "retry_at": String(retryAt),
                ])
            return (.retrying(id: entry.id, retryAt: retryAt, error: error.description, transportDown: wholeTransport), nil)
        case .failure(let error):
            let reason = error.isTemporary ? "\(entry.attempts) tentatives : \(error.description)" : error.description
            return (try park(entry, error: reason), nil)
        }
    }

    /// Whether a temporary failure is the relay's as a whole (unreachable, greeting, EHLO, AUTH,
    /// MAIL FROM, the sendmail program) rather than this message's (its recipients, its data).
    /// Such a failure never parks a message: the relay's outage is not the message's fault, and
    /// the message's deadline still applies.
    static func isTransportWide(_ error: TransportError) -> Bool {
        error.refused.isEmpty && !["RCPT TO", "DATA", "RSET"].contains(error.stage)
    }

    private func park(_ entry: OutboxEntry, error: String) throws -> DispatchOutcome {
        try database.withDatabase { try OutboxStore($0).park(id: entry.id, error: error) }
        logger.log(
            .error, "message parked",
            [
                "id": String(entry.id), "event": entry.eventID, "rule": entry.rule,
                "attempts": String(entry.attempts), "error": error,
            ])
        return .parked(id: entry.id, error: error)
    }
}
