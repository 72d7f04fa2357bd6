import CSQLite
import CivilTime
import Foundation
import SeasonVocabulary
import Store
import TestSupport
import Testing

@Suite struct DatabaseTests {
    @Test func opensWithWALFullSyncForeignKeysAndMemoryTemp() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let database = try Database(path: directory.file("a.db"))
        #expect(try database.queryOne("PRAGMA journal_mode") { $0.text(0) } == "wal")
        #expect(try database.queryOne("PRAGMA synchronous") { $0.int(0) } == 2)
        #expect(try database.queryOne("PRAGMA foreign_keys") { $0.int(0) } == 1)
        #expect(try database.queryOne("PRAGMA temp_store") { $0.int(0) } == 2)
        try database.close()
        #expect(database.isClosed)
    }

    @Test func errorCarriesSQLAndCodesButNotValues() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let database = try Database(path: directory.file("a.db"))
        try database.execute("CREATE TABLE people (email TEXT UNIQUE) STRICT")
        try database.execute("INSERT INTO people VALUES (?)", ["marie@mairie-example.fr"])
        let error = try #require(throws: DatabaseError.self) {
            try database.execute("INSERT INTO people VALUES (?)", ["marie@mairie-example.fr"])
        }
        #expect(error.resultCode == SQLITE_CONSTRAINT)
        #expect(error.extendedCode == SQLITE_CONSTRAINT | (8 << 8))  // SQLITE_CONSTRAINT_UNIQUE, a macro Swift does not import
        #expect(error.sql == "INSERT INTO people VALUES (?)")
        #expect(!error.description.contains("marie"))
    }

    @Test func transactionCommitsOrRollsBackAndNestsAsSavepoint() throws {
        struct Boom: Error {}
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let database = try Database(path: directory.file("a.db"))
        try database.execute("CREATE TABLE t (x INTEGER) STRICT")
        try database.transaction { try database.execute("INSERT INTO t VALUES (1)") }
        #expect(throws: Boom.self) {
            try database.transaction {
                try database.execute("INSERT INTO t VALUES (2)")
                throw Boom()
            }
        }
        try database.transaction {
            try database.execute("INSERT INTO t VALUES (3)")
            try? database.transaction {
                try database.execute("INSERT INTO t VALUES (4)")
                throw Boom()
            }
        }
        #expect(!database.isInTransaction)
        #expect(try database.query("SELECT x FROM t ORDER BY x") { $0.int(0) } == [1, 3])
    }

    @Test func openingInAMissingFolderFailsWithCantOpen() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let error = try #require(throws: DatabaseError.self) {
            try Database(path: directory.file("missing/a.db"))
        }
        #expect(error.resultCode == SQLITE_CANTOPEN)
    }

    @Test func dataVersionMovesOnlyWhenAnotherConnectionCommits() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let daemon = try Database(path: directory.file("a.db"))
        try daemon.execute("CREATE TABLE t (x INTEGER) STRICT")
        let start = try daemon.dataVersion()
        try daemon.execute("INSERT INTO t VALUES (1)")
        #expect(try daemon.dataVersion() == start)
        let command = try Database(path: directory.file("a.db"))
        try command.execute("INSERT INTO t VALUES (2)")
        #expect(try daemon.dataVersion() != start)
    }

    @Test func closedConnectionRefusesWork() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let database = try Database(path: directory.file("a.db"))
        try database.close()
        #expect(throws: DatabaseError.self) { try database.execute("SELECT 1") }
    }

    @Test func secondWriterWaitsForTheFirstWithinTheBusyTimeout() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let first = try Database(path: directory.file("a.db"))
        try first.execute("CREATE TABLE t (x INTEGER) STRICT")
        let second = try Database(path: directory.file("a.db"), busyTimeoutMilliseconds: 50)
        try first.execute("BEGIN IMMEDIATE")
        let error = try #require(throws: DatabaseError.self) {
            try second.transaction { try second.execute("INSERT INTO t VALUES (1)") }
        }
        #expect(error.isBusy)
        try first.execute("COMMIT")
        try second.transaction { try second.execute("INSERT INTO t VALUES (1)") }
        #expect(try first.queryOne("SELECT count(*) FROM t") { $0.int(0) } == 1)
    }
}
