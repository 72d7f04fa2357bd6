extension Schema {
    /// Migration 7: the mairies' answers from their links — each kept with its form's key (a
    /// replayed post records once), who sent it, the dates picked, the comment, and what it did
    /// to the evening, for the planners' board, `tournee answers` and the daemon's notices.
    static let answers = Migration(
        name: "0007-mairie-answers",
        sql: """
            CREATE TABLE mairie_answers (
                id INTEGER PRIMARY KEY,
                form_key TEXT NOT NULL UNIQUE CHECK (length(form_key) BETWEEN 16 AND 128),
                event_id TEXT NOT NULL REFERENCES events (id),
                address TEXT NOT NULL CHECK (length(address) > 0),
                answer TEXT NOT NULL CHECK (answer IN ('accepted', 'other-dates', 'declined-season')),
                dates TEXT NOT NULL,
                comment TEXT NOT NULL,
                outcome TEXT NOT NULL CHECK (outcome IN ('confirmed', 'moved', 'declined', 'cancelled', 'for-planner', 'unchanged')),
                at INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX mairie_answers_by_event ON mairie_answers (event_id, id);
            """)
}
