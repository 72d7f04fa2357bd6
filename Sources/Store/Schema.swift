/// Tournée's schema as its list of migrations. Append only: never edit a shipped entry.
///
/// Conventions: `STRICT` tables; CHECK constraints for what the database can verify alone
/// (`date(x, '+0 days') IS x` because SQLite 3.40's bare `date()` accepts 30 February); local dates `YYYY-MM-DD` and local times `HH:MM` as TEXT
/// (Europe/Paris civil time, what a mairie reads); instants as INTEGER Unix seconds UTC; money
/// as INTEGER cents; booleans as 0/1.
public enum Schema {
    /// Every migration in order.
    public static let migrations: [Migration] = [
        initial, seasonLifecycle, outboxEveningDate, recordCorrections, declinedDates, accounts, answers, outboxApproval, licenceGrants,
    ]

    /// Migration 1: seasons, communes, events and their history, partners, evening records, outbox.
    static let initial = Migration(
        name: "0001-initial-schema",
        sql: """
            CREATE TABLE seasons (
                id TEXT PRIMARY KEY CHECK (length(id) > 0),
                name TEXT NOT NULL,
                first_date TEXT NOT NULL CHECK (date(first_date, '+0 days') IS first_date),
                last_date TEXT NOT NULL CHECK (date(last_date, '+0 days') IS last_date AND last_date >= first_date),
                time_zone TEXT NOT NULL
            ) STRICT;

            CREATE TABLE communes (
                insee TEXT PRIMARY KEY CHECK (length(insee) = 5),
                name TEXT NOT NULL CHECK (length(name) > 0),
                latitude REAL NOT NULL CHECK (latitude BETWEEN -90 AND 90),
                longitude REAL NOT NULL CHECK (longitude BETWEEN -180 AND 180),
                population INTEGER CHECK (population >= 0),
                has_cafe INTEGER NOT NULL CHECK (has_cafe IN (0, 1))
            ) STRICT;

            CREATE TABLE mairie_contacts (
                id INTEGER PRIMARY KEY,
                insee TEXT NOT NULL REFERENCES communes (insee) ON DELETE CASCADE,
                position INTEGER NOT NULL CHECK (position >= 0),
                name TEXT NOT NULL,
                role TEXT,
                email TEXT,
                phone TEXT,
                UNIQUE (insee, position)
            ) STRICT;

            CREATE TABLE events (
                id TEXT PRIMARY KEY CHECK (length(id) > 0),
                season_id TEXT NOT NULL REFERENCES seasons (id),
                insee TEXT NOT NULL REFERENCES communes (insee),
                date TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
                local_start TEXT NOT NULL CHECK (length(local_start) = 5 AND local_start < '24:00'
                    AND time(local_start) IS local_start || ':00'),
                local_end TEXT NOT NULL CHECK (length(local_end) = 5 AND local_end < '24:00'
                    AND time(local_end) IS local_end || ':00'),
                starts_at INTEGER NOT NULL,
                ends_at INTEGER NOT NULL CHECK (ends_at > starts_at),
                vehicle TEXT NOT NULL,
                tour TEXT,
                km REAL NOT NULL CHECK (km >= 0),
                status TEXT NOT NULL CHECK (status IN ('proposed', 'confirmed', 'cancelled', 'done')),
                version INTEGER NOT NULL CHECK (version >= 1),
                sequence INTEGER NOT NULL CHECK (sequence >= 0),
                updated_at INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX events_by_season ON events (season_id, date, local_start, id);
            CREATE INDEX events_by_status ON events (status, starts_at);
            CREATE INDEX events_by_commune ON events (insee);

            CREATE TABLE event_history (
                id INTEGER PRIMARY KEY,
                event_id TEXT NOT NULL REFERENCES events (id),
                version INTEGER NOT NULL,
                change TEXT NOT NULL
                    CHECK (change IN ('imported', 'replanned', 'confirmed', 'cancelled', 'moved', 'done')),
                old_status TEXT,
                new_status TEXT NOT NULL,
                old_date TEXT,
                new_date TEXT NOT NULL,
                old_local_start TEXT,
                new_local_start TEXT NOT NULL,
                reason TEXT NOT NULL,
                actor TEXT NOT NULL,
                at INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX event_history_by_event ON event_history (event_id, id);

            CREATE TABLE partners (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL CHECK (length(name) > 0),
                normalized_name TEXT NOT NULL CHECK (length(normalized_name) > 0),
                kind TEXT NOT NULL
                    CHECK (kind IN ('association', 'producer', 'artist', 'food_truck', 'other')),
                UNIQUE (normalized_name, kind)
            ) STRICT;

            CREATE TABLE evening_records (
                id INTEGER PRIMARY KEY,
                event_id TEXT NOT NULL UNIQUE REFERENCES events (id),
                attendance INTEGER NOT NULL CHECK (attendance >= 0),
                local_spend_cents INTEGER CHECK (local_spend_cents >= 0),
                sales_cents INTEGER CHECK (sales_cents >= 0),
                volunteers INTEGER CHECK (volunteers >= 0),
                weather TEXT,
                notes TEXT,
                recorded_by TEXT NOT NULL,
                recorded_at INTEGER NOT NULL
            ) STRICT;

            CREATE TABLE record_animations (
                record_id INTEGER NOT NULL REFERENCES evening_records (id) ON DELETE CASCADE,
                position INTEGER NOT NULL CHECK (position >= 0),
                title TEXT NOT NULL CHECK (length(title) > 0),
                PRIMARY KEY (record_id, position)
            ) STRICT;

            CREATE TABLE record_partners (
                record_id INTEGER NOT NULL REFERENCES evening_records (id) ON DELETE CASCADE,
                partner_id INTEGER NOT NULL REFERENCES partners (id),
                PRIMARY KEY (record_id, partner_id)
            ) STRICT;
            CREATE INDEX record_partners_by_partner ON record_partners (partner_id);

            CREATE TABLE outbox (
                id INTEGER PRIMARY KEY,
                event_id TEXT NOT NULL REFERENCES events (id),
                rule TEXT NOT NULL CHECK (length(rule) > 0),
                event_version INTEGER NOT NULL,
                recipients TEXT NOT NULL
                    CHECK (json_valid(recipients) AND json_type(recipients) = 'array'),
                subject TEXT NOT NULL,
                message BLOB NOT NULL,
                status TEXT NOT NULL
                    CHECK (status IN ('queued', 'sending', 'sent', 'parked', 'cancelled', 'skipped')),
                attempts INTEGER NOT NULL CHECK (attempts >= 0),
                next_attempt_at INTEGER NOT NULL,
                expires_at INTEGER,
                last_error TEXT,
                created_at INTEGER NOT NULL,
                sent_at INTEGER,
                CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
                UNIQUE (event_id, rule, event_version)
            ) STRICT;
            CREATE INDEX outbox_due ON outbox (status, next_attempt_at, id);
            """)

    /// Migration 2: the season kept beside its events (the files it was imported from, their
    /// length and FNV-1a digest), the `withdrawn` status (an evening a re-plan took out before
    /// it was agreed), and history entries for withdrawals and for deliberate exceptions to a
    /// season rule (`exception` holds the key of the exact breach accepted).
    ///
    /// SQLite cannot change a CHECK in place: `events` and `event_history` are rebuilt with
    /// foreign keys off, as SQLite's documented procedure for other table changes says; the
    /// migrator checks the foreign keys before committing.
    static let seasonLifecycle = Migration(
        name: "0002-season-lifecycle", rebuildsTables: true,
        sql: """
            CREATE TABLE season_snapshots (
                season_id TEXT PRIMARY KEY REFERENCES seasons (id),
                folder TEXT NOT NULL CHECK (length(folder) > 0),
                imported_at INTEGER NOT NULL,
                imported_by TEXT NOT NULL
            ) STRICT;

            CREATE TABLE season_files (
                season_id TEXT NOT NULL REFERENCES season_snapshots (season_id) ON DELETE CASCADE,
                position INTEGER NOT NULL CHECK (position >= 0),
                name TEXT NOT NULL CHECK (length(name) > 0),
                content TEXT NOT NULL,
                length INTEGER NOT NULL CHECK (length = length(CAST(content AS BLOB))),
                fnv1a64 TEXT NOT NULL CHECK (length(fnv1a64) = 16),
                PRIMARY KEY (season_id, name),
                UNIQUE (season_id, position)
            ) STRICT;

            CREATE TABLE events_rebuilt (
                id TEXT PRIMARY KEY CHECK (length(id) > 0),
                season_id TEXT NOT NULL REFERENCES seasons (id),
                insee TEXT NOT NULL REFERENCES communes (insee),
                date TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
                local_start TEXT NOT NULL CHECK (length(local_start) = 5 AND local_start < '24:00'
                    AND time(local_start) IS local_start || ':00'),
                local_end TEXT NOT NULL CHECK (length(local_end) = 5 AND local_end < '24:00'
                    AND time(local_end) IS local_end || ':00'),
                starts_at INTEGER NOT NULL,
                ends_at INTEGER NOT NULL CHECK (ends_at > starts_at),
                vehicle TEXT NOT NULL,
                tour TEXT,
                km REAL NOT NULL CHECK (km >= 0),
                status TEXT NOT NULL
                    CHECK (status IN ('proposed', 'confirmed', 'cancelled', 'done', 'withdrawn')),
                version INTEGER NOT NULL CHECK (version >= 1),
                sequence INTEGER NOT NULL CHECK (sequence >= 0),
                updated_at INTEGER NOT NULL
            ) STRICT;
            INSERT INTO events_rebuilt SELECT * FROM events;
            DROP TABLE events;
            ALTER TABLE events_rebuilt RENAME TO events;
            CREATE INDEX events_by_season ON events (season_id, date, local_start, id);
            CREATE INDEX events_by_status ON events (status, starts_at);
            CREATE INDEX events_by_commune ON events (insee);
            CREATE INDEX events_by_vehicle ON events (season_id, vehicle, date);

            CREATE TABLE event_history_rebuilt (
                id INTEGER PRIMARY KEY,
                event_id TEXT NOT NULL REFERENCES events (id),
                version INTEGER NOT NULL,
                change TEXT NOT NULL
                    CHECK (change IN ('imported', 'replanned', 'confirmed', 'cancelled', 'moved', 'done',
                        'withdrawn', 'exception')),
                old_status TEXT,
                new_status TEXT NOT NULL,
                old_date TEXT,
                new_date TEXT NOT NULL,
                old_local_start TEXT,
                new_local_start TEXT NOT NULL,
                reason TEXT NOT NULL,
                actor TEXT NOT NULL,
                at INTEGER NOT NULL,
                exception TEXT CHECK ((change = 'exception') = (exception IS NOT NULL))
            ) STRICT;
            INSERT INTO event_history_rebuilt (id, event_id, version, change, old_status, new_status,
                old_date, new_date, old_local_start, new_local_start, reason, actor, at)
            SELECT id, event_id, version, change, old_status, new_status, old_date, new_date,
                old_local_start, new_local_start, reason, actor, at FROM event_history;
            DROP TABLE event_history;
            ALTER TABLE event_history_rebuilt RENAME TO event_history;
            CREATE INDEX event_history_by_event ON event_history (event_id, id);
            CREATE INDEX event_history_exceptions ON event_history (exception) WHERE exception IS NOT NULL;
            """)

    /// Migration 3: each outbox message keeps the date of the evening it told of, so that the
    /// notice of a move can name the date the mairie was last told, whatever moves came between.
    /// Messages decided before it learn the date of their event when they were decided for its
    /// current sequence (the date has not changed since); older ones keep none.
    static let outboxEveningDate = Migration(
        name: "0003-outbox-evening-date",
        sql: """
            ALTER TABLE outbox ADD COLUMN evening_date TEXT
                CHECK (evening_date IS NULL OR date(evening_date, '+0 days') IS evening_date);
            UPDATE outbox SET evening_date = (
                SELECT e.date FROM events e WHERE e.id = outbox.event_id AND e.sequence = outbox.event_version);
            """)

    /// Migration 4: the corrections of evening records, one row per correction with the fields it
    /// changed (their values before and after, as `RecordField.text(of:)` writes them).
    static let recordCorrections = Migration(
        name: "0004-record-corrections",
        sql: """
            CREATE TABLE record_corrections (
                id INTEGER PRIMARY KEY,
                record_id INTEGER NOT NULL REFERENCES evening_records (id),
                event_id TEXT NOT NULL REFERENCES events (id),
                changes TEXT NOT NULL
                    CHECK (json_valid(changes) AND json_type(changes) = 'array' AND json_array_length(changes) > 0),
                reason TEXT NOT NULL,
                actor TEXT NOT NULL,
                at INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX record_corrections_by_event ON record_corrections (event_id, id);
            """)

    /// Migration 5: the `declined` status and history entry (the mairie refused the date before
    /// agreeing; a re-plan never proposes the commune that date again). `events` and
    /// `event_history` are rebuilt for their CHECKs, as in migration 2; rows are kept.
    static let declinedDates = Migration(
        name: "0005-declined-dates", rebuildsTables: true,
        sql: """
            CREATE TABLE events_rebuilt (
                id TEXT PRIMARY KEY CHECK (length(id) > 0),
                season_id TEXT NOT NULL REFERENCES seasons (id),
                insee TEXT NOT NULL REFERENCES communes (insee),
                date TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
                local_start TEXT NOT NULL CHECK (length(local_start) = 5 AND local_start < '24:00'
                    AND time(local_start) IS local_start || ':00'),
                local_end TEXT NOT NULL CHECK (length(local_end) = 5 AND local_end < '24:00'
                    AND time(local_end) IS local_end || ':00'),
                starts_at INTEGER NOT NULL,
                ends_at INTEGER NOT NULL CHECK (ends_at > starts_at),
                vehicle TEXT NOT NULL,
                tour TEXT,
                km REAL NOT NULL CHECK (km >= 0),
                status TEXT NOT NULL
                    CHECK (status IN ('proposed', 'confirmed', 'cancelled', 'done', 'withdrawn', 'declined')),
                version INTEGER NOT NULL CHECK (version >= 1),
                sequence INTEGER NOT NULL CHECK (sequence >= 0),
                updated_at INTEGER NOT NULL
            ) STRICT;
            INSERT INTO events_rebuilt SELECT * FROM events;
            DROP TABLE events;
            ALTER TABLE events_rebuilt RENAME TO events;
            CREATE INDEX events_by_season ON events (season_id, date, local_start, id);
            CREATE INDEX events_by_status ON events (status, starts_at);
            CREATE INDEX events_by_commune ON events (insee);
            CREATE INDEX events_by_vehicle ON events (season_id, vehicle, date);

            CREATE TABLE event_history_rebuilt (
                id INTEGER PRIMARY KEY,
                event_id TEXT NOT NULL REFERENCES events (id),
                version INTEGER NOT NULL,
                change TEXT NOT NULL
                    CHECK (change IN ('imported', 'replanned', 'confirmed', 'cancelled', 'moved', 'done',
                        'withdrawn', 'exception', 'declined')),
                old_status TEXT,
                new_status TEXT NOT NULL,
                old_date TEXT,
                new_date TEXT NOT NULL,
                old_local_start TEXT,
                new_local_start TEXT NOT NULL,
                reason TEXT NOT NULL,
                actor TEXT NOT NULL,
                at INTEGER NOT NULL,
                exception TEXT CHECK ((change = 'exception') = (exception IS NOT NULL))
            ) STRICT;
            INSERT INTO event_history_rebuilt SELECT * FROM event_history;
            DROP TABLE event_history;
            ALTER TABLE event_history_rebuilt RENAME TO event_history;
            CREATE INDEX event_history_by_event ON event_history (event_id, id);
            CREATE INDEX event_history_exceptions ON event_history (exception) WHERE exception IS NOT NULL;
            """)
}
