import Foundation

/// The daemon's outbox: messages are queued once per (event, rule, event version) and move
/// queued → sending → sent, or back to queued with a later attempt, or to parked.
///
/// Guarantees, given one dispatcher per database (the daemon's lock):
/// - never queued twice: the UNIQUE (event_id, rule, event_version) key, and `enqueueIfAbsent`
///   runs in the caller's transaction with the decision;
/// - never lost: a message leaves `queued` only through a committed claim, and leaves `sending`
///   only through `markSent`, `markFailed` or `park`;
/// - at most one duplicate per crash: a claim is committed before the transport is called, so a
///   crash between the transport accepting a message and `markSent` committing leaves it
///   `sending`; `recoverInFlight` at start puts it back to queued and it is sent again. Only the
///   single message in flight can be in that state.
public struct OutboxStore {
    private let database: Database

    /// A store on `database`.
    public init(_ database: Database) { self.database = database }

    static let entryColumns = """
        id, event_id, rule, event_version, recipients, subject, status, attempts, next_attempt_at,
        expires_at, last_error, created_at, sent_at, evening_date
        """

    /// Queues the message — or, when `awaitingApproval`, keeps it for a planner's approval —
    /// unless one with the same event, rule and version exists; true when it was inserted.
    @discardableResult
    public func enqueueIfAbsent(_ message: NewOutboxMessage, at now: Int64, awaitingApproval: Bool = false) throws -> Bool {
        let recipients = try Self.encode(message.recipients)
        try database.execute(
            """
            INSERT INTO outbox (event_id, rule, event_version, recipients, subject, message, status,
                attempts, next_attempt_at, expires_at, created_at, evening_date)
            VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)
            ON CONFLICT (event_id, rule, event_version) DO NOTHING
            """,
            [
                message.eventID, message.rule, message.eventVersion, recipients, message.subject,
                message.message, (awaitingApproval ? OutboxStatus.awaitingApproval : .queued).rawValue, message.notBefore,
                message.expiresAt, now, message.eveningDate,
            ])
        return database.changes == 1
    }

    /// Lets a message that waits for approval leave at its time, naming who approved it.
    public func approve(id: Int64, actor: String, at now: Int64) throws {
        try transition(
            id: id, from: [.awaitingApproval], action: "approve",
            sql: """
                UPDATE outbox SET status = 'queued', approved_by = ?2, approved_at = ?3 WHERE id = ?1
                """, [id, actor, now])
    }

    /// Approves every message that waits for approval, or those of season `seasonID`; returns
    /// their ids. O(messages waiting).
    @discardableResult
    public func approveAll(seasonID: String? = nil, actor: String, at now: Int64) throws -> [Int64] {
        try database.query(
            """
            UPDATE outbox SET status = 'queued', approved_by = ?2, approved_at = ?3
            WHERE status = 'awaiting-approval'
              AND (?1 IS NULL OR event_id IN (SELECT id FROM events WHERE season_id = ?1))
            RETURNING id
            """, [seasonID, actor, now]
        ) { $0.int64(0) }.sorted()
    }

    /// Claims the next due message (oldest due first), marks it sending and counts the attempt;
    /// nil when nothing is due. Commit happens before the caller hands it to the transport.
    public func claimNext(at now: Int64) throws -> OutboxMessage? {
        try database.transaction {
            let id = try database.queryOne(
                """
                SELECT id FROM outbox
                WHERE status = 'queued' AND next_attempt_at <= ?1
                  AND (expires_at IS NULL OR expires_at > ?1)
                ORDER BY next_attempt_at, id LIMIT 1
                """, [now]
            ) { $0.int64(0) }
            guard let id else { return nil }
            try database.execute(
                "UPDATE outbox SET status = 'sending', attempts = attempts + 1 WHERE id = ?", [id])
            return try message(id: id)
        }
    }

    /// Marks a message in flight as accepted by the transport.
    public func markSent(id: Int64, at now: Int64) throws {
        try transition(
            id: id, from: [.sending], action: "mark sent",
            sql: """
                UPDATE outbox SET status = 'sent', sent_at = ?2, last_error = NULL WHERE id = ?1
                """, [id, now])
    }

    /// Puts a message in flight back in the queue after a temporary failure, for `retryAt`
    /// (the caller computes the backoff and jitter).
    public func markFailed(id: Int64, error: String, retryAt: Int64) throws {
        try transition(
            id: id, from: [.sending], action: "mark failed",
            sql: """
                UPDATE outbox SET status = 'queued', last_error = ?2, next_attempt_at = ?3 WHERE id = ?1
                """, [id, error, retryAt])
    }

    /// Parks a queued or in-flight message after a permanent failure or too many attempts.
    public func park(id: Int64, error: String) throws {
        try transition(
            id: id, from: [.sending, .queued], action: "park",
            sql: """
                UPDATE outbox SET status = 'parked', last_error = ?2 WHERE id = ?1
                """, [id, error])
    }

    /// Puts a parked, cancelled or skipped message back in the queue with fresh attempts, due now.
    public func retry(id: Int64, at now: Int64) throws {
        try transition(
            id: id, from: [.parked, .cancelled, .skipped], action: "retry",
            sql: """
                UPDATE outbox SET status = 'queued', attempts = 0, next_attempt_at = ?2,
                    expires_at = NULL WHERE id = ?1
                """, [id, now])
    }

    /// Withdraws a queued, parked or unapproved message.
    public func cancel(id: Int64, reason: String) throws {
        try transition(
            id: id, from: [.queued, .parked, .awaitingApproval], action: "cancel",
            sql: """
                UPDATE outbox SET status = 'cancelled', last_error = ?2 WHERE id = ?1
                """, [id, reason])
    }

    /// Cancels the event's queued messages decided for an older version (superseded by a move or
    /// a cancellation) and returns their ids. O(messages of the event).
    @discardableResult
    public func cancelSuperseded(eventID: String, olderThan version: Int, reason: String) throws -> [Int64] {
        try database.query(
            """
            UPDATE outbox SET status = 'cancelled', last_error = ?3
            WHERE event_id = ?1 AND event_version < ?2 AND status IN ('queued', 'awaiting-approval') RETURNING id
            """, [eventID, version, reason]
        ) { $0.int64(0) }.sorted()
    }

    /// Marks queued (or unapproved) messages whose `expiresAt` has passed as skipped and returns
    /// them for the log.
    /// O(expired messages).
    public func skipExpired(at now: Int64) throws -> [OutboxEntry] {
        try database.transaction {
            let expired = try database.query(
                """
                SELECT \(Self.entryColumns) FROM outbox
                WHERE status IN ('queued', 'awaiting-approval') AND expires_at IS NOT NULL AND expires_at <= ? ORDER BY id
                """, [now], row: Self.entry)
            try database.execute(
                """
                UPDATE outbox SET status = 'skipped', last_error = 'expired'
                WHERE status IN ('queued', 'awaiting-approval') AND expires_at IS NOT NULL AND expires_at <= ?
                """, [now])
            return expired.map {
                var entry = $0
                entry.status = .skipped
                entry.lastError = "expired"
                return entry
            }
        }
    }

    /// At start, before dispatching: puts messages left `sending` by a crash back in the queue
    /// and returns their ids. Each may have reached its recipients already (see the type's doc):
    /// that is the one duplicate a crash can cause.
    @discardableResult
    public func recoverInFlight() throws -> [Int64] {
        try database.query(
            "UPDATE outbox SET status = 'queued' WHERE status = 'sending' RETURNING id"
        ) { $0.int64(0) }.sorted()
    }

    /// Every (event, rule, event version) key already in the outbox, whatever its status, so the
    /// daemon renders only messages it has not decided yet. O(outbox).
    public func keys() throws -> Set<OutboxKey> {
        Set(
            try database.query("SELECT event_id, rule, event_version FROM outbox") {
                OutboxKey(eventID: $0.text(0), rule: $0.text(1), eventVersion: $0.int(2))
            })
    }

    /// The events of `seasonID` a message has gone out about (sent, or handed to the transport
    /// and not yet marked sent), whatever the rule or the event's version then: the evenings a
    /// mairie has heard of. O(messages of the season).
    public func announcedEventIDs(seasonID: String) throws -> Set<String> {
        Set(
            try database.query(
                """
                SELECT DISTINCT outbox.event_id FROM outbox JOIN events ON events.id = outbox.event_id
                WHERE events.season_id = ? AND outbox.status IN ('sent', 'sending')
                """, [seasonID]
            ) { $0.text(0) })
    }

    /// The message with this id, with its body, or nil.
    public func message(id: Int64) throws -> OutboxMessage? {
        try database.queryOne(
            "SELECT \(Self.entryColumns), message FROM outbox WHERE id = ?", [id]
        ) { row in
            OutboxMessage(entry: try Self.entry(row), message: row.blob(14))
        }
    }

    /// Entries (without bodies) with one of `statuses` (or all), by id, at most `limit`.
    /// O(entries returned).
    public func list(statuses: [OutboxStatus] = [], limit: Int = Int.max) throws -> [OutboxEntry] {
        let statusList = statuses.isEmpty ? nil : try Self.encode(statuses.map(\.rawValue))
        return try database.query(
            """
            SELECT \(Self.entryColumns) FROM outbox
            WHERE (?1 IS NULL OR status IN (SELECT value FROM json_each(?1)))
            ORDER BY id LIMIT ?2
            """, [statusList, limit], row: Self.entry)
    }

    /// How many messages are in each status (every status listed, in declaration order).
    public func countsByStatus() throws -> [(status: OutboxStatus, count: Int)] {
        let counted = try database.query("SELECT status, count(*) FROM outbox GROUP BY status") {
            ($0.text(0), $0.int(1))
        }
        return OutboxStatus.allCases.map { status in
            (status, counted.first { $0.0 == status.rawValue }?.1 ?? 0)
        }
    }

    private func transition(
        id: Int64, from allowed: [OutboxStatus], action: String, sql: String,
        _ values: [any SQLBindable]
    ) throws {
        try database.transaction {
            guard
                let status = try database.queryOne(
                    "SELECT status, id FROM outbox WHERE id = ?", [id],
                    row: { statement throws(StoreError) in
                        try StoredRow(statement, table: "outbox", idColumn: 1).choice(OutboxStatus.self, 0, "status")
                    })
            else {
                throw StoreError.outboxMessageNotFound(id: id)
            }
            guard allowed.contains(status) else {
                throw StoreError.invalidOutboxTransition(id: id, from: status, action: action)
            }
            try database.execute(sql, values)
        }
    }

    static func entry(_ row: Statement) throws -> OutboxEntry {
        let stored = StoredRow(row, table: "outbox", idColumn: 0)
        return OutboxEntry(
            id: row.int64(0), eventID: row.text(1), rule: row.text(2),
            eventVersion: row.int(3), recipients: try decode(row.text(4), stored),
            subject: row.text(5),
            status: try stored.choice(OutboxStatus.self, 6, "status"),
            attempts: row.int(7), nextAttemptAt: row.int64(8),
            expiresAt: row.optionalInt64(9), lastError: row.optionalText(10),
            createdAt: row.int64(11), sentAt: row.optionalInt64(12),
            eveningDate: try stored.optionalDate(13, "evening_date"))
    }

    private static func encode(_ strings: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(strings), as: UTF8.self)
    }

    private static func decode(_ text: String, _ row: StoredRow) throws -> [String] {
        do {
            return try JSONDecoder().decode([String].self, from: Data(text.utf8))
        } catch {
            throw row.fault(4, "recipients", .stringList)
        }
    }
}
