import CommandLineSupport
import Foundation
import Store
import Testing
import TestSupport
import TourneeCLI

struct DbCommandTests {
    @Test func initMigrateBackupAndCheck() throws {
        let world = try RecordsWorld(initialized: false)
        let created = world.run(["db", "init"])
        #expect(created.out == "Base créée : \(world.database) (migrations : 0001-initial-schema)\n")
        #expect(world.run(["db", "init"]).out == "Base à jour : \(world.database)\n")
        #expect(world.run(["db", "migrate"]).out == "Base à jour : \(world.database)\n")
        #expect(world.run(["schedule", "import", RecordsWorld.plan2023]).status == .success)
        let copy = world.folder.appendingPathComponent("copie.db").path
        let backup = world.run(["db", "backup", copy])
        #expect(backup.status == .success)
        #expect(try EventStore(Database(path: copy)).events().count == 24)
        let check = world.run(["db", "check"])
        #expect(check.status == .success)
        #expect(check.out == "Base saine : \(world.database)\n")
    }

    @Test func checkPrintsEachProblemAndExits65() throws {
        let world = try RecordsWorld()
        #expect(world.run(["schedule", "import", RecordsWorld.plan2023]).status == .success)
        // A foreign writer with foreign keys off leaves an orphan history row.
        let database = try world.open()
        try database.execute("PRAGMA foreign_keys=OFF")
        try database.execute("""
            INSERT INTO event_history (event_id, version, change, new_status, new_date, new_local_start, reason, actor, at)
            VALUES ('ghost', 1, 'imported', 'proposed', '2023-05-01', '18:30', 'x', 'y', 0)
            """)
        try database.close()
        let check = world.run(["db", "check"])
        #expect(check.status == .dataError)
        #expect(check.out.hasPrefix("foreign key: event_history row "))
        #expect(check.out.hasSuffix(" refers to a missing events row\n"))
        #expect(check.err.contains("1 problème(s)"))
    }

    @Test func databaseIsFoundFromConfigurationOrRefused() throws {
        let world = try RecordsWorld()
        let config = try world.write("tourneed.json", #"{"database": "tournee.db", "smtp": "ignored by the CLI"}"#)
        let run = TourneeRun(["db", "check", "--config", config])
        #expect(run.out == "Base saine : \(world.database)\n")
        let none = TourneeRun(["db", "check"], in: world.folder)
        #expect(none.status == .usage)
        #expect(none.err.contains("aucune base indiquée"))
        let missing = TourneeRun(["events", "--db", world.folder.appendingPathComponent("absente.db").path])
        #expect(missing.status == .noInput)
        #expect(missing.err.contains("créez-la avec « tournee db init »"))
        #expect(TourneeRun(["db", "vacuum", "--db", world.database]).status == .usage)
        #expect(TourneeRun(["db", "backup", "--db", world.database]).err.contains("CHEMIN de la copie manquant"))
    }
}
