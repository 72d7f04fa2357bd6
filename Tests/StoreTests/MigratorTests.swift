import CivilTime
import Foundation
import SeasonVocabulary
import Store
import TestSupport
import Testing

@Suite struct MigratorTests {
    @Test func freshDatabaseGetsEveryMigrationAndARerunIsANoOp() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let database = try Database(path: directory.file("a.db"))
        #expect(try Migrator.tournee.pendingMigrations(in: database) == ["0001-initial-schema"])
        #expect(try Migrator.tournee.migrate(database, at: fixtureNow) == ["0001-initial-schema"])
        let before = try snapshot(database)
        #expect(try Migrator.tournee.migrate(database, at: fixtureNow + 60) == [])
        #expect(try snapshot(database) == before)
        #expect(try Migrator.tournee.appliedMigrations(in: database) == ["0001-initial-schema"])
        #expect(try database.check() == [])
    }

    @Test func laterMigrationsApplyInOrderEachRecorded() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let database = try Database(path: directory.file("a.db"))
        try Migrator.tournee.migrate(database, at: fixtureNow)
        let extended = Migrator(
            migrations: Schema.migrations + [
                Migration(name: "0002-a", sql: "CREATE TABLE a (x INTEGER) STRICT"),
                Migration(name: "0003-b", sql: "CREATE TABLE b (x INTEGER) STRICT"),
            ])
        #expect(try extended.migrate(database, at: fixtureNow) == ["0002-a", "0003-b"])
        #expect(try extended.appliedMigrations(in: database) == ["0001-initial-schema", "0002-a", "0003-b"])
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
        #expect(try Migrator.tournee.appliedMigrations(in: database) == ["0001-initial-schema"])
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
        #expect(try Migrator.tournee.appliedMigrations(in: database) == ["0001-initial-schema"])
        #expect(try database.queryOne("SELECT count(*) FROM sqlite_schema WHERE name = 'crash_probe'") { $0.int(0) } == 0)
        #expect(try database.check() == [])
        #expect(try Migrator.tournee.migrate(database, at: fixtureNow) == [])
        try SeasonStore(database).save(SeasonRecord(id: "after", name: "After", firstDate: "2026-01-01", lastDate: "2026-01-02"))
        #expect(try SeasonStore(database).season(id: "after") != nil)
    }
}
