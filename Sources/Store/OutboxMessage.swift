import CivilTime

/// Where an outbox message stands.
public enum OutboxStatus: String, Sendable, CaseIterable {
    /// Decided, waiting for a planner's approval before it may leave (`approval: required`).
    case awaitingApproval = "awaiting-approval"
    /// Waiting for its next attempt.
    case queued
    /// Claimed by the dispatcher and handed to the transport.
    case sending
    /// Accepted by the transport.
    case sent
    /// Given up after too many attempts or a permanent failure; waits for the operator.
    case parked
    /// Withdrawn by the operator or because its event changed.
    case cancelled
    /// No longer meaningful when its turn came (a J-7 after the evening).
    case skipped
}

/// A message to queue: already rendered, so what is sent is exactly what was decided.
public struct NewOutboxMessage: Equatable, Sendable {
    /// The event the message is about.
    public var eventID: String
    /// The reminder rule that produced it (e.g. "j-7").
    public var rule: String
    /// The event version it was decided for; with event and rule, the de-duplication key.
    public var eventVersion: Int
    /// Recipient addresses (RFC 5321 forward-paths, already validated).
    public var recipients: [String]
    /// Subject, for listings (the header itself is inside `message`).
    public var subject: String
    /// The rendered RFC 5322 message.
    public var message: [UInt8]
    /// Earliest send instant, Unix seconds UTC.
    public var notBefore: Int64
    /// Instant after which sending no longer makes sense, when there is one.
    public var expiresAt: Int64?
    /// The date of the evening the message tells of (the event's date when it was decided).
    public var eveningDate: CivilDate?

    /// Makes a message to queue.
    public init(
        eventID: String, rule: String, eventVersion: Int, recipients: [String],
        subject: String, message: [UInt8], notBefore: Int64, expiresAt: Int64?, eveningDate: CivilDate? = nil
    ) {
        self.eventID = eventID
        self.rule = rule
        self.eventVersion = eventVersion
        self.recipients = recipients
        self.subject = subject
        self.message = message
        self.notBefore = notBefore
        self.expiresAt = expiresAt
        self.eveningDate = eveningDate
    }
}

/// An outbox row without its body, for listings.
public struct OutboxEntry: Equatable, Sendable {
    /// Row id.
    public var id: Int64
    /// The event.
    public var eventID: String
    /// The rule.
    public var rule: String
    /// The event version.
    public var eventVersion: Int
    /// Recipient addresses.
    public var recipients: [String]
    /// Subject.
    public var subject: String
    /// Current status.
    public var status: OutboxStatus
    /// Attempts started so far (a claim counts as one).
    public var attempts: Int
    /// Earliest instant of the next attempt.
    public var nextAttemptAt: Int64
    /// Instant after which it is skipped, if any.
    public var expiresAt: Int64?
    /// The last failure, as the transport reported it.
    public var lastError: String?
    /// When it was queued.
    public var createdAt: Int64
    /// When the transport accepted it.
    public var sentAt: Int64?
    /// The date of the evening it tells of; nil for a message decided before the outbox kept it.
    public var eveningDate: CivilDate?
}

/// An outbox row with its rendered message.
public struct OutboxMessage: Equatable, Sendable {
    /// Everything but the body.
    public var entry: OutboxEntry
    /// The rendered RFC 5322 message.
    public var message: [UInt8]

    /// The row id.
    public var id: Int64 { entry.id }
}

/// The outbox's de-duplication key: one message per event, rule and event version.
public struct OutboxKey: Hashable, Sendable {
    /// The event.
    public var eventID: String
    /// The rule.
    public var rule: String
    /// The event version the message was decided for.
    public var eventVersion: Int

    /// Makes a key.
    public init(eventID: String, rule: String, eventVersion: Int) {
        self.eventID = eventID
        self.rule = rule
        self.eventVersion = eventVersion
    }
}
