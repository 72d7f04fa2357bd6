import Foundation
import Store
import TestSupport
import Testing

/// A season re-planned from its database through the real programs: `tournee plan`, `schedule
/// import`, `tourneed --once` (which announces every evening to its mairie), two confirmations
/// and one decline, then `tournee plan SAISON --db`, without and with `--apply`.
struct ReplanCommandTests {
    /// A copy of the shipped Guinguette season and a database, in a folder of their own.
    struct World {
        let folder: URL
        var season: String { folder.appendingPathComponent("guinguette-2027").path }
        var database: String { folder.appendingPathComponent("tournee.db").path }
        var plan: String { season + "/plan/plan.json" }

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("tournee-replan-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: Repository.url("tours/guinguette-2027"), to: URL(fileURLWithPath: season))
        }

        /// Runs the real `tournee`, at the Paris instant `now` (`TOURNEE_NOW`) when given; its
        /// status, standard output and standard error.
        @discardableResult
        func tournee(_ arguments: [String], at now: String? = nil) throws -> (status: Int32, out: String, err: String) {
            let environment = now.map { ProcessInfo.processInfo.environment.merging(["TOURNEE_NOW": $0]) { $1 } }
            let result = try ChildRun.toEnd(executable: try BuiltProgram.path("tournee"), arguments: arguments, environment: environment)
            return (result.status, String(decoding: result.stdout, as: UTF8.self), String(decoding: result.stderr, as: UTF8.self))
        }

        /// The shipped season planned, a database made and the plan imported, on 1 March 2027
        /// at 9:00 (Paris), as a planner starts a season; true when every step succeeded.
        func importSeason() throws -> Bool {
            let march = "2027-03-01T09:00:00+01:00"
            return try [["plan", season], ["db", "init", "--db", database], ["schedule", "import", plan, "--db", database]].allSatisfy {
                try tournee($0, at: march).status == 0
            }
        }

        /// The maildir the daemon delivers to.
        var mail: URL { folder.appendingPathComponent("mail") }

        /// One round of the real daemon at `instant`, delivering to a maildir, its configuration
        /// with the `extra` keys.
        func daemon(at instant: String, extra: [String] = []) throws -> Int32 {
            let configuration = folder.appendingPathComponent("tourneed.json").path
            try DaemonConfigurationText.make(database: database, transport: ["\"transport\": \"maildir:\(mail.path)\""], extra: extra)
                .write(toFile: configuration, atomically: true, encoding: .utf8)
            return try ChildRun.toEnd(
                executable: try BuiltProgram.path("tourneed"), arguments: ["--config", configuration, "--once", "--now", instant]
            )
            .status
        }

        /// The database as SQL text, dumped by Python's sqlite3 (an independent reader).
        func dump() throws -> String {
            let script = TourneeRun.fixtures.appendingPathComponent("python/dump_db.py")
            return String(decoding: try PythonPeer.run(script: script, [database]), as: UTF8.self)
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    /// The `(id, date, status, commune)` of the season's events, through `tournee events --json`.
    static func events(_ world: World) throws -> [(id: String, date: String, status: String, commune: String)] {
        let run = try world.tournee(["events", "--json", "--db", world.database])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [[String: Any]])
        return list.map {
            ($0["id"] as? String ?? "", $0["date"] as? String ?? "", $0["status"] as? String ?? "", $0["insee"] as? String ?? "")
        }
    }

    @Test func aReplanKeepsConfirmedEveningsAvoidsTheDeclinedDateAndWritesOnlyWhenApplied() throws {
        let world = try World()
        defer { world.remove() }
        #expect(try world.tournee(["plan", world.season]).status == 0)
        #expect(try world.tournee(["db", "init", "--db", world.database]).status == 0)
        let imported = try world.tournee(["schedule", "import", world.plan, "--db", world.database])
        #expect(imported.status == 0, "\(imported.err)")
        #expect(try world.daemon(at: "2027-01-15T10:00:00+01:00") == 0)
        let sent = try world.tournee(["outbox", "list", "--status", "sent", "--db", world.database]).out
        #expect(sent.split(separator: "\n").count == 24)

        let planned = try Self.events(world)
        #expect(planned.count == 24)
        let (first, second, declined) = (planned[0], planned[5], planned[2])
        for event in [first, second] {
            #expect(try world.tournee(["event", "confirm", event.id, "--reason", "accord", "--db", world.database]).status == 0)
        }
        #expect(try world.tournee(["event", "decline", declined.id, "--reason", "salle prise", "--db", world.database]).status == 0)

        let database = try world.dump()
        let files = try ["plan.json", "plan.ics", "map.svg"].map {
            try Data(contentsOf: URL(fileURLWithPath: world.season + "/plan/" + $0))
        }
        let dry = try world.tournee(["plan", world.season, "--db", world.database])
        #expect(dry.status == 0, "\(dry.err)")
        let lines = dry.out.split(separator: "\n").map(String.init)
        for event in [first, second] {
            #expect(lines.contains { $0.hasPrefix("gardée    \(event.id)  \(event.date)  ") && $0.hasSuffix("— confirmée par la mairie") })
        }
        let replacement = try #require(
            lines.first { $0.hasPrefix("ajoutée") && $0.contains("remplace la date refusée du \(declined.date) (\(declined.id))") })
        #expect(!replacement.contains("  \(declined.date)  "))
        let announced = try #require(lines.first { $0.hasPrefix("Soirées déjà annoncées aux mairies : ") })
        let moved = try #require(Int(announced.dropFirst("Soirées déjà annoncées aux mairies : ".count).prefix { $0.isNumber }))
        #expect(moved <= 1, "\(dry.out)")
        #expect(announced.hasSuffix(", 0 retirée"))
        #expect(lines.last == "Rien n'a été écrit : relancez avec --apply pour appliquer ces changements.")
        #expect(try world.dump() == database)
        #expect(
            try ["plan.json", "plan.ics", "map.svg"].map { try Data(contentsOf: URL(fileURLWithPath: world.season + "/plan/" + $0)) }
                == files)

        let applied = try world.tournee(["plan", world.season, "--db", world.database, "--apply", "--by", "anne"])
        #expect(applied.status == 0, "\(applied.err)")
        #expect(applied.out.hasPrefix(dry.out.split(separator: "\n").dropLast().joined(separator: "\n") + "\n"))
        #expect(applied.out.contains("Appliqué dans la base : "))
        let check = try world.tournee(["db", "check", "--db", world.database])
        #expect(check.status == 0, "\(check.out)\(check.err)")
        let after = try Self.events(world)
        for event in [first, second] { #expect(after.contains { $0.id == event.id && $0.date == event.date && $0.status == "confirmed" }) }
        #expect(after.contains { $0.id == declined.id && $0.status == "declined" })
        let live = after.filter { ["proposed", "confirmed", "done"].contains($0.status) }
        #expect(!live.contains { $0.commune == declined.commune && $0.date == declined.date })
        #expect(live.contains { $0.commune == declined.commune })
        #expect(live.count == 24)
        // Every evening that moved kept its identifier, and its history says why.
        let dates = Dictionary(uniqueKeysWithValues: planned.map { ($0.id, $0.date) })
        for event in live where dates[event.id].map({ $0 != event.date }) ?? false {
            let history = try world.tournee(["event", "history", event.id, "--db", world.database]).out
            #expect(history.contains("anne  replanned → proposée \(dates[event.id] ?? "")"), "\(history)")
            #expect(history.contains("« replanification : "))
        }
        // plan.ics carries the base's SEQUENCE: raised for each evening the re-plan moved.
        let calendar = try ParsedCalendar.parse(Array(Data(contentsOf: URL(fileURLWithPath: world.season + "/plan/plan.ics"))))
        for event in live {
            let moved = dates[event.id].map { $0 != event.date } ?? false
            #expect(calendar.events.first { $0.uid == event.id + "@tournee" }?.sequence == (moved ? 1 : 0), "\(event.id)")
        }
        // The plan's files are the database's season now: a second re-plan changes nothing.
        let again = try world.tournee(["plan", world.season, "--db", world.database])
        #expect(again.out.contains("Bilan : 24 gardées, 0 déplacée, 0 ajoutée, 0 retirée"), "\(again.out)")
        let plan = try String(contentsOfFile: world.plan, encoding: .utf8)
        #expect(!plan.contains("\"\(declined.id)\""))
    }

    @Test(arguments: [
        (["--keep", "plan.json", "--db", "x.db"], "--keep et --db s'excluent : la base garde déjà les soirées confirmées"),
        (["--apply"], "--apply, --accept-season-change et --by ne vont qu'avec --db"),
        (["--db", "x.db", "--accept-season-change"], "--accept-season-change et --by ne vont qu'avec --apply"),
    ])
    func badArgumentsAreUsageErrors(arguments: [String], message: String) {
        let run = TourneeRun(["plan", "tours/guinguette-2027"] + arguments)
        #expect(run.status == .usage)
        #expect(run.err.hasPrefix("tournee: plan : \(message)\n"), "\(run.err)")
    }

    /// The season is read from its folder: a change since its import is shown, and applied only
    /// when accepted. The 2023 season lies wholly before today (15 January 2027 here): nothing
    /// can be added or moved, every evening stays.
    @Test func aSeasonChangedSinceItsImportIsShownAndAppliedOnlyWhenAccepted() throws {
        let world = try RecordsWorld()
        let (folder, plan) = try ScheduleCommandTests.copiedSeason(world)
        #expect(world.run(["schedule", "import", plan]).status == .success)
        let file = folder + "/season.json"
        try String(contentsOfFile: file, encoding: .utf8)
            .replacingOccurrences(of: #""seed": 2023"#, with: #""seed": 2023, "objective": { "stabilityPenalty": 0 }"#)
            .write(toFile: file, atomically: true, encoding: .utf8)
        let dry = world.run(["plan", folder])
        #expect(dry.status == .success, "\(dry.err)")
        #expect(
            dry.out.hasPrefix(
                "saison modifiée depuis son dernier import : season.json : objective ajouté : « {\"stabilityPenalty\": 0} »\n"
                    + "Replanification de la saison guinguette-2023 depuis la base \(world.database) :\n"
                    + "Pénalité de stabilité : 0 € par soirée annoncée à sa mairie déplacée ou retirée\n"))
        #expect(dry.out.contains("Bilan : 24 gardées, 0 déplacée, 0 ajoutée, 0 retirée\n"))
        let before = try world.dump()
        let refused = world.run(["plan", folder, "--apply"])
        #expect(refused.status == .dataError)
        #expect(refused.err.hasSuffix("tournee: rien n'a changé ; relancez avec --accept-season-change pour importer la saison modifiée\n"))
        #expect(try world.dump() == before)
        let accepted = world.run(["plan", folder, "--apply", "--accept-season-change"])
        #expect(accepted.status == .success, "\(accepted.err)")
        // The replayed plan's kilometres were not the planner's: they are brought up to date, and
        // nothing else (no evening rescheduled, so nothing new to tell a mairie).
        #expect(accepted.out.contains("Appliqué dans la base : 0 ajoutées, 23 mises à jour (dates, tournées ou kilomètres), 0 retirées\n"))
        let events = try EventStore(world.open()).events(seasonID: "guinguette-2023")
        #expect(events.count == 24 && events.allSatisfy { $0.sequence == 0 && $0.status == .proposed })
        #expect(world.run(["db", "check"]).status == .success)
        #expect(world.run(["plan", folder]).out.hasPrefix("Replanification de la saison guinguette-2023"))
    }

    /// A confirmed evening whose tour left `season.json` is never dropped from the re-plan
    /// unsaid: the re-plan is refused, naming it, and nothing is written.
    @Test func aConfirmedEveningWhoseTourVanishedRefusesTheReplan() throws {
        let world = try RecordsWorld()
        let (folder, plan) = try ScheduleCommandTests.copiedSeason(world)
        #expect(world.run(["schedule", "import", plan]).status == .success)
        #expect(world.run(["event", "confirm", EventCommandTests.id, "--reason", "accord"]).status == .success)
        let file = folder + "/season.json"
        try String(contentsOfFile: file, encoding: .utf8)
            .replacingOccurrences(of: #""name": "Printemps""#, with: #""name": "Mai""#)
            .write(toFile: file, atomically: true, encoding: .utf8)
        let before = try world.dump()
        for arguments in [[folder], [folder, "--apply", "--accept-season-change"]] {
            let run = world.run(["plan"] + arguments)
            #expect(run.status == .dataError)
            #expect(
                run.err.hasSuffix(
                    "tournee: \(folder) : la soirée gardée \(EventCommandTests.id) du 2023-05-12 est sur la tournée « Printemps », que la saison n'a plus pour sa commune ; rien n'a été replanifié : remettez la tournée dans season.json, ou annulez la soirée (tournee event cancel)\n"
                ), "\(run.err)")
        }
        #expect(try world.dump() == before)
    }

    @Test func aSeasonTheDatabaseDoesNotHoldIsRefused() throws {
        let world = try RecordsWorld()
        let run = world.run(["plan", "tours/guinguette-2027"])
        #expect(run.status == .dataError)
        #expect(
            run.err
                == "tournee: la base ne connaît pas la saison guinguette-2027 : importez d'abord son plan (tournee schedule import SAISON/plan/plan.json)\n"
        )
    }
}
