import CommandLineSupport
import Foundation
import Store
import Testing
import TextFormats
import TourneeCLI

struct ScheduleCommandTests {
    static let summary2023 = "Plan importé dans la saison guinguette-2023 : "

    /// What the first import prints about the season it keeps: each file with its length and
    /// FNV-1a digest.
    static func keptLine(_ folder: String) throws -> String {
        let files = try ["season.json", "communes.csv"].map { name in
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            return "\(name) (\(ContentDigest(text)))"
        }
        return "Saison guinguette-2023 gardée dans la base : \(files.joined(separator: ", "))\n"
    }

    @Test func importingTheSamePlanTwiceChangesNothingAndKeepsTheSeason() throws {
        let world = try RecordsWorld()
        let first = world.run(["schedule", "import", RecordsWorld.plan2023, "--by", "anne"])
        #expect(first.status == .success, "\(first.err)")
        #expect(
            first.out
                == (try Self.keptLine(RecordsWorld.seasonFolder2023)) + Self.summary2023
                + "24 ajoutées, 0 mises à jour, 0 inchangées, 0 gardées, 0 retirées (absentes du plan)\n")
        let before = try world.dump()
        let second = world.run(["schedule", "import", RecordsWorld.plan2023, "--by", "paul"])
        #expect(second.out == Self.summary2023 + "0 ajoutées, 0 mises à jour, 24 inchangées, 0 gardées, 0 retirées (absentes du plan)\n")
        #expect(try world.dump() == before)
        let database = try world.open()
        #expect(try CommuneStore(database).all().count == 15)
        #expect(try CommuneStore(database).contacts(insee: "51315").first?.email == "mairie@51315.example.org")
        #expect(try SeasonStore(database).season(id: "guinguette-2023")?.lastDate == "2023-09-30")
        let kept = try #require(try SeasonSnapshotStore(database).snapshot(seasonID: "guinguette-2023"))
        #expect(kept.importedBy == "anne")
        #expect(kept.folder == URL(fileURLWithPath: RecordsWorld.seasonFolder2023).standardizedFileURL.path)
        #expect(kept.files.map(\.name) == ["season.json", "communes.csv"])
        for file in kept.files {
            #expect(file.content == (try String(contentsOfFile: RecordsWorld.seasonFolder2023 + "/" + file.name, encoding: .utf8)))
        }
    }

    /// The 2023 season and its plan copied into the world's folder, to be edited.
    static func copiedSeason(_ world: RecordsWorld) throws -> (folder: String, plan: String) {
        let folder = world.folder.appendingPathComponent("guinguette-2023")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: RecordsWorld.seasonFolder2023), to: folder)
        return (folder.path, folder.appendingPathComponent("plan/plan.json").path)
    }

    /// The plan as JSON objects, changed by `edit`, written as `name` in the world's folder.
    static func replan(_ world: RecordsWorld, _ name: String, _ edit: (inout [[String: Any]]) -> Void) throws -> String {
        let text = try String(contentsOfFile: RecordsWorld.plan2023, encoding: .utf8)
        var plan = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        var events = plan["events"] as! [[String: Any]]
        edit(&events)
        plan["events"] = events
        return try world.write(name, String(decoding: try JSONSerialization.data(withJSONObject: plan), as: UTF8.self))
    }

    /// The event `index` of a plan moved to `date` (same times).
    static func move(_ event: inout [String: Any], to date: String) {
        let old = event["date"] as! String
        for key in ["date", "start", "end"] { event[key] = (event[key] as! String).replacingOccurrences(of: old, with: date) }
    }

    /// A re-plan updates proposed evenings, withdraws the proposed ones it no longer holds (with
    /// their history) and leaves confirmed, done and cancelled ones alone. Without a season
    /// folder above it, the plan is checked against the season the database keeps.
    @Test func replanUpdatesProposedEventsAndWithdrawsTheAbsentOnes() throws {
        let world = try RecordsWorld()
        #expect(world.run(["schedule", "import", RecordsWorld.plan2023]).status == .success)
        #expect(world.run(["event", "confirm", "guinguette-2023-51315-1", "--reason", "accord"]).status == .success)
        #expect(
            world.run(["record", "guinguette-2023-52203-2", "--attendance", "90", "--force", "--reason", "accord par téléphone"]).status
                == .success)
        #expect(world.run(["event", "cancel", "guinguette-2023-52528-3", "--reason", "salle prise"]).status == .success)
        let replan = try Self.replan(world, "replan.json") { events in
            Self.move(&events[0], to: "2023-05-06")
            Self.move(&events[4], to: "2023-05-05")
            events.removeLast()
        }
        let run = world.run(["schedule", "import", replan])
        #expect(run.status == .success, "\(run.err)")
        #expect(
            run.out
                == Self.summary2023 + "0 ajoutées, 1 mises à jour, 21 inchangées, 1 gardées, 1 retirées (absentes du plan)\n"
                + "gardée (déjà confirmée, faite ou annulée) : guinguette-2023-51315-1\n"
                + "retirée (absente du plan) : guinguette-2023-51583-24\n")
        let store = EventStore(try world.open())
        #expect(try store.event(id: "guinguette-2023-51315-1")?.planned.slot.date == "2023-05-12")
        #expect(try store.event(id: "guinguette-2023-52203-2")?.status == .done)
        #expect(try store.event(id: "guinguette-2023-52528-3")?.status == .cancelled)
        let moved = try #require(try store.event(id: "guinguette-2023-52266-5"))
        #expect(moved.planned.slot.date == "2023-05-05")
        #expect(moved.sequence == 1)
        #expect(try store.history(eventID: moved.id).map(\.kind) == [.imported, .replanned])
        let withdrawn = try #require(try store.event(id: "guinguette-2023-51583-24"))
        #expect(withdrawn.status == .withdrawn)
        #expect(try store.history(eventID: withdrawn.id).map(\.kind) == [.imported, .withdrawn])
        #expect(world.run(["db", "check"]).out == "Base saine : \(world.database)\n")
        // The original plan holds it again: proposed again.
        let again = world.run(["schedule", "import", RecordsWorld.plan2023])
        #expect(again.out.hasPrefix(Self.summary2023 + "0 ajoutées, 2 mises à jour, 22 inchangées, 0 gardées, 0 retirées"), "\(again.out)")
        #expect(try store.event(id: withdrawn.id)?.status == .proposed)
    }

    /// The issue's case: a re-plan whose evenings take the van's booked evenings is refused,
    /// naming each evening and the rule, and changes nothing; forced, each breach is kept as an
    /// exception, which `db check` reports as such.
    @Test func aReplanThatBooksTheVanTwiceIsRefused() throws {
        let world = try RecordsWorld()
        #expect(world.run(["schedule", "import", RecordsWorld.plan2023]).status == .success)
        #expect(world.run(["event", "confirm", "guinguette-2023-52203-2", "--reason", "accord"]).status == .success)
        // Two new evenings (new ids) on evenings already taken; the evening they replace kept.
        let replan = try Self.replan(world, "replan.json") { events in
            var extra = events[2]
            extra["id"] = "guinguette-2023-51008-9"
            extra["commune"] = events[21]["commune"]
            Self.move(&extra, to: "2023-05-13")
            events.append(extra)
        }
        let before = try world.dump()
        let run = world.run(["schedule", "import", replan])
        #expect(run.status == .dataError)
        #expect(
            run.err
                == "tournee: soirée guinguette-2023-51008-9 : règle « une soirée par véhicule et par soir » : soirée du 2023-05-13 déjà prise par Fontaines-sur-Marne (guinguette-2023-52203-2) pour le même véhicule « camion » (soirées en cause : guinguette-2023-51008-9, guinguette-2023-52203-2)\n"
                + "tournee: soirée guinguette-2023-51008-22 : règle « visites au plus par commune » : Ambrières reçoit 2 soirées, plus que les 1 acceptées (soirées en cause : guinguette-2023-51008-22, guinguette-2023-51008-9)\n"
                + "tournee: rien n'a changé ; --force avec --reason TEXTE en fait une exception voulue, gardée dans l'historique\n")
        #expect(try world.dump() == before)
        let forced = world.run(["schedule", "import", replan, "--force", "--reason", "deux scènes", "--by", "anne"])
        #expect(forced.status == .success, "\(forced.err)")
        #expect(forced.out.contains("exception gardée : soirée guinguette-2023-51008-9 : règle « une soirée par véhicule et par soir »"))
        let history = try EventStore(world.open()).history(eventID: "guinguette-2023-51008-9")
        #expect(history.map(\.kind) == [.imported, .exception, .exception])
        let check = world.run(["db", "check"])
        #expect(check.status == .success)
        #expect(check.out.components(separatedBy: "exception voulue : ").count == 3)
        // The same breach broken again by raw SQL elsewhere is an error, with each evening.
        let database = try world.open()
        try database.execute("UPDATE events SET date = '2023-05-20' WHERE id = 'guinguette-2023-52528-3'")
        try database.close()
        let broken = world.run(["db", "check"])
        #expect(broken.status == .dataError)
        #expect(
            broken.out.contains(
                "règle enfreinte : soirée guinguette-2023-52528-3 : règle « une soirée par véhicule et par soir » : soirée du 2023-05-20 déjà prise par Landricourt (guinguette-2023-51315-4)"
            ))
        #expect(broken.err.contains("1 problème(s)"))
    }

    /// A confirmed evening the new plan no longer holds is refused; forced, it stays as it is.
    @Test func aConfirmedEveningAbsentFromThePlanIsRefusedUnlessForced() throws {
        let world = try RecordsWorld()
        #expect(world.run(["schedule", "import", RecordsWorld.plan2023]).status == .success)
        #expect(world.run(["event", "confirm", "guinguette-2023-51583-24", "--reason", "accord"]).status == .success)
        let replan = try Self.replan(world, "replan.json") { events in events.removeLast() }
        let before = try world.dump()
        let run = world.run(["schedule", "import", replan])
        #expect(run.status == .dataError)
        #expect(run.err.hasPrefix("tournee: soirée guinguette-2023-51583-24 : confirmée, mais absente du plan\n"))
        #expect(
            run.err.contains(
                "tournee: rien n'a changé ; replanifiez depuis la base pour la garder (tournee plan SAISON --db BASE, puis --apply)"))
        #expect(try world.dump() == before)
        let forced = world.run(["schedule", "import", replan, "--force", "--reason", "gardée à la demande du maire"])
        #expect(forced.status == .success, "\(forced.err)")
        let store = EventStore(try world.open())
        #expect(try store.event(id: "guinguette-2023-51583-24")?.status == .confirmed)
        #expect(try store.history(eventID: "guinguette-2023-51583-24").last?.exception == "absent-from-plan:guinguette-2023-51583-24")
    }

    /// A season edited after its import shows what changed and what it breaks, and is refused
    /// unless accepted; accepted, its breaches still need force.
    @Test func aChangedSeasonIsShownAndRefusedUnlessAccepted() throws {
        let world = try RecordsWorld()
        let (folder, plan) = try Self.copiedSeason(world)
        #expect(world.run(["schedule", "import", plan]).status == .success)
        let seasonFile = folder + "/season.json"
        let communesFile = folder + "/communes.csv"
        try Data(
            try String(contentsOfFile: seasonFile, encoding: .utf8).replacingOccurrences(
                of: "\"minDaysBetweenVisits\": 7", with: "\"minDaysBetweenVisits\": 10"
            ).utf8
        ).write(to: URL(fileURLWithPath: seasonFile))
        let communes = try String(contentsOfFile: communesFile, encoding: .utf8)
            .replacingOccurrences(of: "mairie@51008.example.org,1,1", with: "mairie@51008.example.org,1,2")
            .split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("52203,") }.joined(separator: "\n")
        try Data(communes.utf8).write(to: URL(fileURLWithPath: communesFile))
        let before = try world.dump()
        let run = world.run(["schedule", "import", plan])
        #expect(run.status == .dataError)
        let lines = run.err.split(separator: "\n").map(String.init)
        #expect(lines.first == "tournee: la saison guinguette-2023 a changé depuis son dernier import :")
        #expect(lines.contains("tournee:   season.json : minDaysBetweenVisits modifié : « 7 » → « 10 »"))
        #expect(lines.contains("tournee:   communes.csv : commune 51008 (Ambrières) modifiée : max_visits « 1 » → « 2 »"))
        #expect(lines.contains("tournee:   communes.csv : commune 52203 (Fontaines-sur-Marne) retirée"))
        #expect(lines.contains("tournee: ce que la saison modifiée enfreindrait :"))
        #expect(
            lines.contains {
                $0.contains("soirée guinguette-2023-52203-2 : règle « commune de la saison » : commune 52203 absente de la saison")
            })
        #expect(
            lines.contains { $0.contains("Landricourt le 2023-05-20 est à 8 jours de sa visite du 2023-05-12 (écart minimal 10 jours)") })
        #expect(lines.last == "tournee: rien n'a changé ; relancez avec --accept-season-change pour importer la saison modifiée")
        #expect(try world.dump() == before)
        let accepted = world.run(["schedule", "import", plan, "--accept-season-change"])
        #expect(accepted.status == .dataError)
        #expect(accepted.err.contains("écart minimal entre deux visites"))
        #expect(try world.dump() == before)
        let forced = world.run(["schedule", "import", plan, "--accept-season-change", "--force", "--reason", "saison revue"])
        #expect(forced.status == .success, "\(forced.err)")
        #expect(forced.out.hasPrefix("saison modifiée : season.json : minDaysBetweenVisits modifié : « 7 » → « 10 »\n"))
        #expect(forced.out.contains("Saison guinguette-2023 gardée dans la base : season.json ("))
        let kept = try #require(try SeasonSnapshotStore(world.open()).snapshot(seasonID: "guinguette-2023"))
        #expect(kept.files.first { $0.name == "communes.csv" }?.content == communes)
        #expect(world.run(["db", "check"]).status == .success)
    }

    @Test func theSeasonFolderMustBeThePlansAndBeFound() throws {
        let world = try RecordsWorld()
        let other = world.run(["schedule", "import", RecordsWorld.plan2023, "--season", "tours/guinguette-2027"])
        #expect(other.status == .dataError)
        #expect(other.err.contains("le plan est celui de la saison « guinguette-2023 »"))
        #expect(other.err.contains("celui de la saison « guinguette-2027 » ; rien n'a changé"))
        let loose = try world.write("plan.json", try String(contentsOfFile: RecordsWorld.plan2023, encoding: .utf8))
        let none = world.run(["schedule", "import", loose])
        #expect(none.status == .noInput)
        #expect(none.err.contains("aucun dossier de saison au-dessus du plan"))
        #expect(none.err.contains("--season DOSSIER, ou --no-season"))
        let unkept = world.run(["schedule", "import", loose, "--no-season"])
        #expect(unkept.status == .success, "\(unkept.err)")
        #expect(try SeasonSnapshotStore(world.open()).snapshot(seasonID: "guinguette-2023") == nil)
        let check = world.run(["db", "check"])
        #expect(check.status == .success)
        #expect(check.out.hasPrefix("saison guinguette-2023 : la base ne garde pas la saison"))
        let given = world.run(["schedule", "import", loose, "--season", RecordsWorld.seasonFolder2023])
        #expect(given.status == .success, "\(given.err)")
        #expect(given.out.hasPrefix("Saison guinguette-2023 gardée dans la base"))
    }

    @Test func badPlanNamesTheKeyAndChangesNothing() throws {
        let world = try RecordsWorld()
        let before = try world.dump()
        let text = try String(contentsOfFile: RecordsWorld.plan2023, encoding: .utf8)
            .replacingOccurrences(of: "\"2023-05-13T18:30:00+02:00\"", with: "\"13 mai 18h30\"")
        let plan = try world.write("plan.json", text)
        let run = world.run(["schedule", "import", plan])
        #expect(run.status == .dataError)
        #expect(
            run.err.contains("events[1].start : trouvé « 13 mai 18h30 », attendu une date-heure ISO 8601 avec le décalage de Paris"),
            "\(run.err)")
        #expect(try world.dump() == before)
        let broken = try world.write("broken.json", "{\"events\": [")
        #expect(world.run(["schedule", "import", broken]).err.contains("broken.json:1: JSON mal formé"))
        #expect(world.run(["schedule", "import", "absent.json"]).status == .noInput)
        #expect(world.run(["schedule", "export", "x"]).status == .usage)
    }

    /// Each slip in a hand-edited plan is refused in French with the file, line and key, exit 65,
    /// and the database is left as it was.
    @Test(arguments: [
        (
            #""date": "2023-05-12""#, #""date": "2023-10-12""#,
            "events[0].date : trouvé 2023-10-12, hors de la saison ; une date du 2023-05-01 au 2023-09-30 attendue"
        ),
        (#""date": "2023-05-12""#, #""date": "0100-05-12""#, "events[0].date : trouvé 0100-05-12, attendu une date entre 2000 et 2100"),
        (
            #""status": "proposed""#, #""status": "peut-etre""#,
            "events[0].status : attendu : l'une des valeurs « proposed », « confirmed », « cancelled », « done », « withdrawn », « declined » ; trouvé : « peut-etre »"
        ),
        (
            #""email": "mairie@51315.example.org""#, #""email": "mairie at landricourt""#,
            "events[0].commune.mairie.email : trouvé « mairie at landricourt », attendu une adresse e-mail"
        ),
        (#""km": 27.2"#, #""km": -27.2"#, "events[0].km : nombre entre 0 et 100000 attendu, trouvé -27.2"),
        (
            #""id": "guinguette-2023-52203-2""#, #""id": "guinguette-2023-51315-1""#,
            "events[1].id : identifiant « guinguette-2023-51315-1 » en double (déjà ligne "
        ),
    ])
    func aSlipInThePlanIsRefusedWithFileLineAndKey(original: String, replacement: String, message: String) throws {
        let world = try RecordsWorld()
        let before = try world.dump()
        let source = try String(contentsOfFile: RecordsWorld.plan2023, encoding: .utf8)
        let range = try #require(source.range(of: original))
        let text = source.replacingCharacters(in: range, with: replacement)
        let plan = try world.write("plan.json", text)
        let run = world.run(["schedule", "import", plan])
        #expect(run.status == .dataError)
        #expect(run.err.contains(message), "\(run.err)")
        #expect(run.err.contains("\(plan):"), "\(run.err)")
        #expect(!run.err.contains("CHECK") && !run.err.contains("listed twice"))
        #expect(try world.dump() == before)
    }
}
