extension Schema {
    /// Migration 6: the people who sign in to `tourneed`'s pages — staff and planners — their
    /// sessions, their failed sign-ins and the record forms already received from them.
    ///
    /// A session row keeps the SHA-256 of the cookie's value, never the value: a copy of the
    /// database (a backup, a stolen file) opens nobody's session. Failed sign-ins are rows, not a
    /// counter in memory, so a restart does not lift a rate limit. A form's key is kept with what it
    /// did, so a form sent twice (a double tap, a phone resending after the signal came back)
    /// records once.
    static let accounts = Migration(
        name: "0006-accounts",
        sql: """
            CREATE TABLE users (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64),
                role TEXT NOT NULL CHECK (role IN ('staff', 'planner')),
                password_hash TEXT NOT NULL CHECK (length(password_hash) > 0),
                vehicle TEXT CHECK (vehicle IS NULL OR length(vehicle) > 0),
                all_seasons INTEGER NOT NULL CHECK (all_seasons IN (0, 1)),
                created_at INTEGER NOT NULL,
                password_changed_at INTEGER NOT NULL,
                disabled_at INTEGER
            ) STRICT;

            CREATE TABLE user_seasons (
                user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                season_id TEXT NOT NULL REFERENCES seasons (id),
                PRIMARY KEY (user_id, season_id)
            ) STRICT;

            CREATE TABLE sessions (
                token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
                user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                csrf_token TEXT NOT NULL CHECK (length(csrf_token) > 0),
                address TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                last_seen_at INTEGER NOT NULL CHECK (last_seen_at >= created_at)
            ) STRICT;
            CREATE INDEX sessions_by_user ON sessions (user_id);

            CREATE TABLE login_failures (
                id INTEGER PRIMARY KEY,
                subject TEXT NOT NULL CHECK (length(subject) > 0),
                at INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX login_failures_by_subject ON login_failures (subject, at);

            CREATE TABLE form_submissions (
                form_key TEXT PRIMARY KEY CHECK (length(form_key) BETWEEN 16 AND 128),
                user_id INTEGER NOT NULL REFERENCES users (id),
                event_id TEXT NOT NULL REFERENCES events (id),
                outcome TEXT NOT NULL CHECK (outcome IN ('recorded', 'corrected', 'unchanged')),
                at INTEGER NOT NULL
            ) STRICT;
            """)
}
