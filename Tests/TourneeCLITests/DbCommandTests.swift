import CommandLineSupport
import Foundation
import Store
import TestSupport
import Testing
import TourneeCLI

struct DbCommandTests {
    @Test func initMigrateBackupAndCheck() throws {
        let world = try RecordsWorld(initialized: false)
        let created = world.run(["db", "init"])
        #expect(
            created.out
                == "Base créée : \(world.database) (migrations : \(Schema.migrations.map(\.name).joined(separator: ", ")))\n"
        )
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
        try database.execute(
            """
            INSERT INTO event_history (event_id, version, change, new_status, new_date, new_local_start, reason, actor, at)
            VALUES ('ghost', 1, 'imported', 'proposed', '2023-05-01', '18:30', 'x', 'y', 0)
            """)
        try database.close()
        let check = world.run(["db", "check"])
        #expect(check.status == .dataError)
        #expect(check.out.hasPrefix("clé étrangère : la ligne "))
        #expect(check.out.hasSuffix(" de la table event_history renvoie à une ligne absente de events\n"))
        #expect(check.err.contains("1 problème(s)"))
    }

    /// Rows written past the program (raw SQL) that break the kept season's rules: each
    /// breach is listed with the evenings in cause, exit 65; withdrawn and cancelled evenings
    /// take no place.
    @Test func checkReportsEveryEveningThatBreaksTheSeasonsRules() throws {
        let world = try RecordsWorld()
        #expect(world.run(["schedule", "import", RecordsWorld.plan2023]).status == .success)
        let database = try world.open()
        // A Wednesday; Ambrières (one visit at most) a second time; Landricourt 2 days apart.
        try database.execute("UPDATE events SET date = '2023-05-17' WHERE id = 'guinguette-2023-52336-6'")
        try database.execute("UPDATE events SET insee = '51008' WHERE id = 'guinguette-2023-51583-24'")
        try database.execute("UPDATE events SET date = '2023-05-19', status = 'withdrawn' WHERE id = 'guinguette-2023-52528-3'")
        try database.execute("UPDATE events SET date = '2023-05-13' WHERE id = 'guinguette-2023-51315-4'")
        try database.execute("UPDATE events SET status = 'cancelled' WHERE id = 'guinguette-2023-52203-2'")
        try database.close()
        let check = world.run(["db", "check"])
        #expect(check.status == .dataError)
        #expect(
            check.out.split(separator: "\n").map(String.init) == [
                "règle enfreinte : soirée guinguette-2023-52336-6 : règle « soirées permises par la saison, le véhicule et la commune » : Montreuil-sur-Blaise le 2023-05-17 : pas de soirée le mercredi",
                "règle enfreinte : soirée guinguette-2023-51583-24 : règle « visites au plus par commune » : Ambrières reçoit 2 soirées, plus que les 1 acceptées (soirées en cause : guinguette-2023-51008-22, guinguette-2023-51583-24)",
                "règle enfreinte : soirée guinguette-2023-51315-4 : règle « écart minimal entre deux visites » : Landricourt le 2023-05-13 est à 1 jours de sa visite du 2023-05-12 (écart minimal 7 jours) (soirées en cause : guinguette-2023-51315-1, guinguette-2023-51315-4)",
            ])
        #expect(check.err == "tournee: \(world.database) : 3 problème(s)\n")
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

    @Test func checkNamesARowWrittenPastTheSchema() throws {
        let world = try RecordsWorld()
        #expect(world.run(["schedule", "import", RecordsWorld.plan2023]).status == .success)
        let database = try world.open()
        let id = try #require(try EventStore(database).events().first?.id)
        try database.execute("PRAGMA ignore_check_constraints=1")
        try database.execute("UPDATE events SET date = '2027-02-30', status = 'bogus' WHERE id = ?", [id])
        try database.close()
        let check = world.run(["db", "check"])
        #expect(check.status == .dataError)
        #expect(
            check.out.contains(
                "ligne illisible : table events, ligne « \(id) », colonne date : trouvé « 2027-02-30 », attendu une date AAAA-MM-JJ qui existe\n"
            ))
        let events = world.run(["events"])
        #expect(events.status == .dataError)
        #expect(events.err.hasPrefix("tournee: \(world.database) : table events, ligne « \(id) », colonne "))
        #expect(!events.err.contains("unknown stored value"))
    }

    @Test(arguments: ["zeros", "random", "text"])
    func aFileThatIsNotADatabaseIsNamedInFrench(kind: String) throws {
        let world = try RecordsWorld(initialized: false)
        let bytes: [UInt8] =
            switch kind {
            case "zeros": [UInt8](repeating: 0, count: 8192)
            case "random": (0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
            default: Array("insee,name\n52448,Saint-Dizier\n".utf8) + [UInt8](repeating: 32, count: 200)
            }
        try Data(bytes).write(to: URL(fileURLWithPath: world.database))
        for arguments in [["db", "check"], ["events"]] {
            let run = world.run(arguments)
            #expect(run.status == .dataError)
            #expect(
                run.err
                    == "tournee: \(world.database) : n'est pas une base Tournée (fichier abîmé ou d'un autre programme) ; restaurez une sauvegarde (tournee db backup) ou indiquez la bonne base avec --db\n"
            )
            #expect(!run.err.contains("SQL"))
        }
    }

    @Test(arguments: [0, 3, 5000])
    func aTruncatedDatabaseIsRefusedInFrench(keptBytes: Int) throws {
        let world = try RecordsWorld()
        #expect(world.run(["schedule", "import", RecordsWorld.plan2023]).status == .success)
        let url = URL(fileURLWithPath: world.database)
        let whole = try Data(contentsOf: url)
        try? FileManager.default.removeItem(atPath: world.database + "-wal")
        try? FileManager.default.removeItem(atPath: world.database + "-shm")
        try whole.prefix(keptBytes).write(to: url)
        let run = world.run(["db", "check"])
        #expect(run.status == .dataError, "\(run.err)")
        #expect(run.err.hasPrefix("tournee: \(world.database) : n'est pas une base Tournée"), "\(run.err)")
        #expect(!run.err.contains("SQL"))
    }
}
