extension Schema {
    /// Migration 8: messages may wait for a planner's approval (`approval: required` in the
    /// daemon's configuration) before they leave, and keep who approved them and when. SQLite
    /// cannot change a CHECK in place: the outbox is rebuilt with every row as it was.
    static let outboxApproval = Migration(
        name: "0008-outbox-approval", rebuildsTables: true,
        sql: """
            CREATE TABLE outbox_rebuilt (
                id INTEGER PRIMARY KEY,
                event_id TEXT NOT NULL REFERENCES events (id),
                rule TEXT NOT NULL CHECK (length(rule) > 0),
                event_version INTEGER NOT NULL,
                recipients TEXT NOT NULL
                    CHECK (json_valid(recipients) AND json_type(recipients) = 'array'),
                subject TEXT NOT NULL,
                message BLOB NOT NULL,
                status TEXT NOT NULL
                    CHECK (status IN ('awaiting-approval', 'queued', 'sending', 'sent', 'parked', 'cancelled', 'skipped')),
                attempts INTEGER NOT NULL CHECK (attempts >= 0),
                next_attempt_at INTEGER NOT NULL,
                expires_at INTEGER,
                last_error TEXT,
                created_at INTEGER NOT NULL,
                sent_at INTEGER,
                evening_date TEXT
                    CHECK (evening_date IS NULL OR date(evening_date, '+0 days') IS evening_date),
                approved_by TEXT CHECK (approved_by IS NULL OR length(approved_by) > 0),
                approved_at INTEGER,
                CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
                CHECK ((approved_by IS NULL) = (approved_at IS NULL)),
                UNIQUE (event_id, rule, event_version)
            ) STRICT;
            INSERT INTO outbox_rebuilt (id, event_id, rule, event_version, recipients, subject, message, status,
                attempts, next_attempt_at, expires_at, last_error, created_at, sent_at, evening_date)
            SELECT id, event_id, rule, event_version, recipients, subject, message, status,
                attempts, next_attempt_at, expires_at, last_error, created_at, sent_at, evening_date FROM outbox;
            DROP TABLE outbox;
            ALTER TABLE outbox_rebuilt RENAME TO outbox;
            CREATE INDEX outbox_due ON outbox (status, next_attempt_at, id);
            """)
}
