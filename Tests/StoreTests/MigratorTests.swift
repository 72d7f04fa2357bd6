import CivilTime
import Foundation
import SeasonVocabulary
import Store
import TestSupport
import Testing

@Suite struct MigratorTests {
    static let shipped = [
        "0001-initial-schema", "0002-season-lifecycle", "0003-outbox-evening-date", "0004-record-corrections", "0005-declined-dates",
        "0006-accounts", "0007-mairie-answers", "0008-outbox-approval", "0009-licence-grants",
    ]

    @Test func freshDatabaseGetsEveryMigrationAndARerunIsANoOp() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let database = try Database(path: directory.file("a.db"))
        #expect(try Migrator.tournee.pendingMigrations(in: database) == Self.shipped)
        #expect(try Migrator.tournee.migrate(database, at: fixtureNow) == Self.shipped)
        let before = try snapshot(database)
        #expect(try Migrator.tournee.migrate(database, at: fixtureNow + 60) == [])
        #expect(try snapshot(database) == before)
        #expect(try Migrator.tournee.appliedMigrations(in: database) == Self.shipped)
        #expect(try database.check() == [])
    }

    @Test func laterMigrationsApplyInOrderEachRecorded() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let database = try Database(path: directory.file("a.db"))
        try Migrator.tournee.migrate(database, at: fixtureNow)
        let extended = Migrator(
            migrations: Schema.migrations + [
                Migration(name: "0098-a", sql: "CREATE TABLE a (x INTEGER) STRICT"),
                Migration(name: "0099-b", sql: "CREATE TABLE b (x INTEGER) STRICT"),
            ])
        #expect(try extended.migrate(database, at: fixtureNow) == ["0098-a", "0099-b"])
        #expect(try extended.appliedMigrations(in: database) == Self.shipped + ["0098-a", "0099-b"])
    }

    @Test func failingMigrationLeavesNoTraceAndStopsTheRun() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let database = try Database(path: directory.file("a.db"))
        let broken = Migrator(
            migrations: Schema.migrations + [
                Migration(name: "0002-broken", sql: "CREATE TABLE half (x INTEGER) STRICT; CREATE TABLE oops (x NOPE) STRICT")
            ])
        #expect(throws: DatabaseError.self) { try broken.migrate(database, at: fixtureNow) }
        #expect(try Migrator.tournee.appliedMigrations(in: database) == Self.shipped)
        #expect(try database.queryOne("SELECT count(*) FROM sqlite_schema WHERE name = 'half'") { $0.int(0) } == 0)
    }

    @Test func databaseNewerThanTheProgramIsRefused() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let path = directory.file("a.db")
        let database = try Database(path: path)
        let newer = Migrator(
            migrations: Schema.migrations + [
                Migration(name: "0002-from-the-future", sql: "CREATE TABLE future (x INTEGER) STRICT")
            ])
        try newer.migrate(database, at: fixtureNow)
        let expected = MigrationError.databaseNewerThanProgram(path: path, unknownMigrations: ["0002-from-the-future"])
        #expect(throws: expected) { try Migrator.tournee.migrate(database, at: fixtureNow) }
        #expect(throws: expected) { try Migrator.tournee.pendingMigrations(in: database) }
        #expect(expected.description.contains("0002-from-the-future"))
    }

    @Test func migrationInterruptedByACrashIsRolledBackAndRedone() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let path = directory.file("a.db")
        let writer = try CrashWriter(arguments: [path, "hold-migration"])
        let line = try writer.readLine()
        #expect(line == "IN-MIGRATION")
        writer.kill()

        let database = try Database(path: path)
        #expect(try Migrator.tournee.appliedMigrations(in: database) == Self.shipped)
        #expect(try database.queryOne("SELECT count(*) FROM sqlite_schema WHERE name = 'crash_probe'") { $0.int(0) } == 0)
        #expect(try database.check() == [])
        #expect(try Migrator.tournee.migrate(database, at: fixtureNow) == [])
        try SeasonStore(database).save(SeasonRecord(id: "after", name: "After", firstDate: "2026-01-01", lastDate: "2026-01-02"))
        #expect(try SeasonStore(database).season(id: "after") != nil)
    }

    /// A database written before seasons were kept (migration 1 only, with events, history,
    /// a record and an outbox message) migrates with every row kept and every foreign key whole,
    /// and then takes the new status and history entries.
    @Test func aDatabaseOfTheFirstSchemaMigratesWithItsRows() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let database = try Database(path: directory.file("old.db"))
        try Migrator(migrations: [Schema.migrations[0]]).migrate(database, at: fixtureNow)
        try database.executeScript(
            """
            INSERT INTO seasons VALUES ('s2026', 'Guinguette 2026', '2026-05-01', '2026-09-30', 'Europe/Paris');
            INSERT INTO communes VALUES ('52448', 'Saint-Dizier', 48.6383, 4.9497, 24000, 1);
            INSERT INTO events VALUES ('a', 's2026', '52448', '2026-06-01', '19:00', '23:00', 1780333200, 1780347600,
                'van-1', 'juin', 20.0, 'done', 2, 0, 1777593600);
            INSERT INTO events VALUES ('b', 's2026', '52448', '2026-06-02', '19:00', '23:00', 1780419600, 1780434000,
                'van-1', 'juin', 20.0, 'proposed', 1, 0, 1777593600);
            INSERT INTO events VALUES ('c', 's2026', '52448', '2026-06-03', '19:00', '23:00', 1780506000, 1780520400,
                'van-1', 'juin', 20.0, 'confirmed', 2, 0, 1777593600);
            INSERT INTO event_history (event_id, version, change, new_status, new_date, new_local_start, reason, actor, at)
                VALUES ('a', 1, 'imported', 'proposed', '2026-06-01', '19:00', 'plan', 'anne', 1777593600);
            INSERT INTO evening_records (event_id, attendance, recorded_by, recorded_at) VALUES ('a', 120, 'anne', 1777593600);
            INSERT INTO outbox (event_id, rule, event_version, recipients, subject, message, status, attempts,
                next_attempt_at, created_at) VALUES ('b', 'j-7', 1, '["m@x.org"]', 's', X'00', 'queued', 0, 0, 1777593600);
            """)
        let before = try snapshot(database)
        #expect(try Migrator.tournee.migrate(database, at: fixtureNow) == Array(Self.shipped.dropFirst()))
        #expect(try database.check() == [])
        let after = try snapshot(database)
        for table in ["seasons", "communes", "events", "evening_records"] { #expect(after[table] == before[table], "\(table)") }
        #expect(after["outbox"]?.map { Array($0.prefix(14)) } == before["outbox"])
        #expect(after["event_history"]?.map { Array($0.prefix(13)) } == before["event_history"])
        #expect(try database.queryOne("PRAGMA foreign_keys") { $0.int(0) } == 1)
        let store = EventStore(database)
        #expect(try store.history(eventID: "a").map(\.kind) == [.imported])
        let planned = try #require(try store.event(id: "b")).planned
        #expect(try store.decline(id: "b", reason: "salle prise", actor: "paul", at: fixtureNow + 1).status == .declined)
        #expect(try store.history(eventID: "b").map(\.kind) == [.declined])
        #expect(throws: StoreError.invalidTransition(eventID: "c", from: .confirmed, action: .declined)) {
            try store.decline(id: "c", reason: "trop tard", actor: "paul", at: fixtureNow + 1)
        }
        var again = planned
        again.id = "d"
        #expect(try store.importPlan([again], seasonID: "s2026", reason: "re-plan", actor: "paul", at: fixtureNow + 1).withdrawn == [])
        #expect(try store.event(id: "b")?.status == .declined)
        try store.recordException(eventID: "a", key: "k", reason: "voulu", actor: "paul", at: fixtureNow + 2)
        #expect(try store.exceptions(seasonID: "s2026").map(\.exception) == ["k"])
        // The old history CHECK refused these kinds; the rebuilt table still refuses unknown ones.
        let error = try #require(throws: DatabaseError.self) {
            try database.execute("UPDATE event_history SET change = 'vanished' WHERE event_id = 'a'")
        }
        #expect(error.isConstraintViolation)
        // The rebuilt outbox takes the approval status and who approved, and still refuses the rest.
        try database.execute("UPDATE outbox SET status = 'awaiting-approval' WHERE event_id = 'b'")
        try OutboxStore(database).approve(id: 1, actor: "anne", at: fixtureNow + 3)
        #expect(try OutboxStore(database).list(statuses: [.queued]).map(\.id) == [1])
        let unknown = try #require(throws: DatabaseError.self) { try database.execute("UPDATE outbox SET status = 'held'") }
        #expect(unknown.isConstraintViolation)
        let halfApproved = try #require(throws: DatabaseError.self) { try database.execute("UPDATE outbox SET approved_at = NULL") }
        #expect(halfApproved.isConstraintViolation)
    }

    /// Messages decided before the outbox kept evening dates: one decided for its event's current
    /// sequence learns the event's date (it has not changed since), an older one keeps none.
    @Test func outboxMessagesLearnTheDateOfTheEveningTheyToldOfWhenItIsKnown() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let database = try Database(path: directory.file("old.db"))
        try Migrator(migrations: Array(Schema.migrations.prefix(2))).migrate(database, at: fixtureNow)
        try database.executeScript(
            """
            INSERT INTO seasons VALUES ('s2026', 'Guinguette 2026', '2026-05-01', '2026-09-30', 'Europe/Paris');
            INSERT INTO communes VALUES ('52448', 'Saint-Dizier', 48.6383, 4.9497, 24000, 1);
            INSERT INTO events VALUES ('b', 's2026', '52448', '2026-06-02', '19:00', '23:00', 1780419600, 1780434000,
                'van-1', 'juin', 20.0, 'proposed', 3, 1, 1777593600);
            INSERT INTO outbox (event_id, rule, event_version, recipients, subject, message, status, attempts,
                next_attempt_at, created_at, sent_at) VALUES
                ('b', 'demande-accord', 0, '["m@x.org"]', 's', X'00', 'sent', 1, 0, 1777593600, 1777593600),
                ('b', 'nouvelle-date', 1, '["m@x.org"]', 's', X'00', 'sent', 1, 0, 1777593700, 1777593700);
            """)
        #expect(try Migrator.tournee.migrate(database, at: fixtureNow) == Array(Self.shipped.dropFirst(2)))
        #expect(try OutboxStore(database).list().map(\.eveningDate) == [nil, CivilDate(iso: "2026-06-02")])
        #expect(try database.check() == [])
    }
}
