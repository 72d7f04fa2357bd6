extension Schema {
    /// Migration 9: the temporary drinks licence the mayor granted for an evening — the day of the
    /// authorisation, who recorded it and why —, so that the team is reminded only of the
    /// evenings still without one.
    static let licenceGrants = Migration(
        name: "0009-licence-grants",
        sql: """
            CREATE TABLE licence_grants (
                event_id TEXT PRIMARY KEY REFERENCES events (id),
                granted_on TEXT NOT NULL CHECK (date(granted_on, '+0 days') IS granted_on),
                reason TEXT NOT NULL,
                recorded_by TEXT NOT NULL CHECK (length(recorded_by) > 0),
                recorded_at INTEGER NOT NULL
            ) STRICT;
            """)
}
