import CommandLineSupport
import Foundation
import Store
import Testing
import TourneeCLI

struct ScheduleCommandTests {
    @Test func importingTheSamePlanTwiceChangesNothing() throws {
        let world = try RecordsWorld()
        let first = world.run(["schedule", "import", RecordsWorld.plan2023, "--by", "anne"])
        #expect(first.status == .success)
        #expect(
            first.out
                == "Plan importé dans la saison guinguette-2023 : 24 ajoutées, 0 mises à jour, 0 inchangées, 0 gardées, 0 absentes du plan\n"
        )
        let before = try world.dump()
        let second = world.run(["schedule", "import", RecordsWorld.plan2023, "--by", "paul"])
        #expect(
            second.out
                == "Plan importé dans la saison guinguette-2023 : 0 ajoutées, 0 mises à jour, 24 inchangées, 0 gardées, 0 absentes du plan\n"
        )
        #expect(try world.dump() == before)
        let database = try world.open()
        #expect(try CommuneStore(database).all().count == 15)
        #expect(try CommuneStore(database).contacts(insee: "51315").first?.email == "mairie@51315.example.org")
        #expect(try SeasonStore(database).season(id: "guinguette-2023")?.lastDate == "2023-09-30")
    }

    /// A re-plan moves proposed evenings and leaves confirmed, done and cancelled ones alone.
    @Test func replanUpdatesProposedEventsOnly() throws {
        let world = try RecordsWorld()
        #expect(world.run(["schedule", "import", RecordsWorld.plan2023]).status == .success)
        #expect(world.run(["event", "confirm", "guinguette-2023-51315-1", "--reason", "accord"]).status == .success)
        #expect(world.run(["record", "guinguette-2023-52203-2", "--attendance", "90"]).status == .success)
        #expect(world.run(["event", "cancel", "guinguette-2023-52528-3", "--reason", "salle prise"]).status == .success)
        // The re-plan moves the first four evenings by one day and drops the last one.
        let text = try String(contentsOfFile: RecordsWorld.plan2023, encoding: .utf8)
        var plan = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        var events = plan["events"] as! [[String: Any]]
        for index in 0..<4 {
            for key in ["date", "start", "end"] {
                events[index][key] = (events[index][key] as! String).replacingOccurrences(of: "2023-05-1", with: "2023-05-0")
                    .replacingOccurrences(of: "2023-05-2", with: "2023-05-1")
            }
        }
        let dropped = events.removeLast()["id"] as! String
        plan["events"] = events
        let replan = try world.write("replan.json", String(decoding: try JSONSerialization.data(withJSONObject: plan), as: UTF8.self))
        let run = world.run(["schedule", "import", replan])
        #expect(run.status == .success, "\(run.err)")
        #expect(
            run.out.hasPrefix(
                "Plan importé dans la saison guinguette-2023 : 0 ajoutées, 1 mises à jour, 19 inchangées, 3 gardées, 1 absentes du plan\n"))
        #expect(run.out.contains("absente du plan, toujours proposée : \(dropped)"))
        let store = EventStore(try world.open())
        #expect(try store.event(id: "guinguette-2023-51315-1")?.planned.slot.date == "2023-05-12")
        #expect(try store.event(id: "guinguette-2023-52203-2")?.status == .done)
        #expect(try store.event(id: "guinguette-2023-52528-3")?.status == .cancelled)
        let moved = try #require(try store.event(id: "guinguette-2023-51315-4"))
        #expect(moved.planned.slot.date == "2023-05-10")
        #expect(moved.sequence == 1)
        #expect(try store.history(eventID: moved.id).map(\.kind) == [.imported, .replanned])
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
            "events[0].status : attendu : l'une des valeurs « proposed », « confirmed », « cancelled », « done » ; trouvé : « peut-etre »"
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
