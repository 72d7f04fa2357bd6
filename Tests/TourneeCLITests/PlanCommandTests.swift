import CommandLineSupport
import Foundation
import TestSupport
import Testing
import TourneeCLI

struct PlanCommandTests {
    private func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("tournee-plan-\(UUID().uuidString)")
    }

    @Test func plansTheGuinguetteSeasonIntoItsFourFiles() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = TourneeRun(["plan", "tours/guinguette-2027", "--out", out.path])
        #expect(run.status == .success, "\(run.err)")
        #expect(run.out.hasPrefix("Plan de « La Guinguette mobile 2027 » — graine 2027, optimal prouvé\n"))
        #expect(
            run.out.hasSuffix("Écrit : \(out.path)/plan.json, \(out.path)/plan.ics, \(out.path)/plan-public.ics, \(out.path)/map.svg\n"))
        let json = try String(contentsOf: out.appendingPathComponent("plan.json"), encoding: .utf8)
        let golden = try Repository.text("Tests/Fixtures/golden/plan-guinguette-2027.json")
        #expect(json == golden)
        let map = try MapFacts.read(out.appendingPathComponent("map.svg").path)
        #expect(map.title == "Carte — La Guinguette mobile 2027")
        #expect(map.communes.count == 15 && map.bases.count == 1 && map.tours.count == 4)
        #expect(map.texts.contains("Légende") && map.texts.contains { $0.hasSuffix(" km") })
        let ics = try String(contentsOf: out.appendingPathComponent("plan.ics"), encoding: .utf8)
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\n"))
        #expect(ics.components(separatedBy: "BEGIN:VEVENT").count - 1 == 24)
        let shared = try String(contentsOf: out.appendingPathComponent("plan-public.ics"), encoding: .utf8)
        #expect(shared.components(separatedBy: "BEGIN:VEVENT").count - 1 == 24)
        #expect(ics.contains("Statut : ") && !shared.contains("Statut : "))
    }

    /// A second plan moves an evening the first put elsewhere: its SEQUENCE goes up in both
    /// calendars, so calendar apps take the new date; the others keep theirs.
    @Test func aSecondPlanRaisesTheSequenceOfAnEveningThatMoved() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(TourneeRun(["plan", "tours/guinguette-2027", "--out", out.path]).status == .success)
        let team = out.appendingPathComponent("plan.ics")
        let first = try #require(try ParsedCalendar.parse(Array(Data(contentsOf: team))).events.first)
        // As if the first plan had put the first evening on New Year's Day.
        let written = try String(contentsOf: team, encoding: .utf8)
        let start = try #require(written.range(of: "DTSTART;TZID=Europe/Paris:"))
        let value = start.upperBound..<written.index(start.upperBound, offsetBy: "20270101T183000".count)
        try written.replacingCharacters(in: value, with: "20270101T183000").write(to: team, atomically: true, encoding: .utf8)

        #expect(TourneeRun(["plan", "tours/guinguette-2027", "--out", out.path]).status == .success)
        for name in ["plan.ics", "plan-public.ics"] {
            let events = try ParsedCalendar.parse(Array(Data(contentsOf: out.appendingPathComponent(name)))).events
            #expect(events.first?.uid == first.uid && events.first?.sequence == 1, "\(name)")
            #expect(events.dropFirst().allSatisfy { $0.sequence == 0 }, "\(name)")
        }
    }

    /// The « Km » column was a round trip for the guinguette's van and a one-way leg for the
    /// company's: its header says which, and a plan with both kinds says it under the table.
    @Test func theKmColumnSaysWhetherItIsARoundTrip() throws {
        func table(_ season: String) -> [String] {
            let out = temporaryFolder()
            defer { try? FileManager.default.removeItem(at: out) }
            let run = TourneeRun(["plan", season, "--out", out.path])
            #expect(run.status == .success, "\(run.err)")
            return run.out.components(separatedBy: "\n")
        }
        let note =
            "Km : aller et retour depuis la base pour les véhicules qui y rentrent chaque soir, trajet depuis « Depuis » pour les autres."
        let van = table("tours/guinguette-2027")
        #expect(van[2].contains("  Km A/R  Depuis"))
        #expect(!van.contains(note))
        let company = table("tours/tournee-des-villages-2027")
        #expect(company[2].contains("  Km trajet  Depuis"))
        let mixed = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: mixed) }
        try FileManager.default.copyItem(at: Repository.url("tours/tournee-des-villages-2027"), to: mixed)
        let seasonFile = mixed.appendingPathComponent("season.json")
        var text = try String(contentsOf: seasonFile, encoding: .utf8)
        let first = try #require(text.range(of: #""straightOn""#))
        text.replaceSubrange(first, with: #""returnToBase""#)
        try text.write(to: seasonFile, atomically: true, encoding: .utf8)
        let both = table(mixed.path)
        #expect(both[2].contains("  Km  Depuis"))
        #expect(both.contains(note))
    }

    @Test func checkAcceptsThePlannersPlanAndRefusesAnEditedOne() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(TourneeRun(["plan", "tours/guinguette-2027", "--out", out.path, "--iterations", "200"]).status == .success)
        let planFile = out.appendingPathComponent("plan.json")
        let check = TourneeRun(["check", "tours/guinguette-2027", planFile.path])
        #expect(check.status == .success)
        #expect(check.out == "\(planFile.path) : plan conforme — 24 soirées\n")
        // Move the first evening to a Monday four days earlier (its gap to the commune's next
        // visit kept): its date, start and end together.
        var text = try String(contentsOf: planFile, encoding: .utf8)
        let firstDate = try #require(text.range(of: #""date": "2027-05-"#))
        let day = String(text[firstDate.upperBound..<text.index(firstDate.upperBound, offsetBy: 2)])
        let eventEnd = try #require(text.range(of: #""vehicleName""#, range: firstDate.upperBound..<text.endIndex))
        let event = firstDate.lowerBound..<eventEnd.lowerBound
        text.replaceSubrange(event, with: text[event].replacingOccurrences(of: "2027-05-\(day)", with: "2027-05-03"))
        try text.write(to: planFile, atomically: true, encoding: .utf8)
        let broken = TourneeRun(["check", "tours/guinguette-2027", planFile.path])
        #expect(broken.status == .dataError)
        #expect(broken.err.contains("le 2027-05-03 : pas de soirée le lundi\n"))
        #expect(broken.err.hasSuffix("tournee: \(planFile.path) : 1 règle enfreinte\n"))
    }

    @Test func replanningWithKeep() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(TourneeRun(["plan", "tours/guinguette-2027", "--out", out.path, "--iterations", "200"]).status == .success)
        let planFile = out.appendingPathComponent("plan.json")
        let text = try String(contentsOf: planFile, encoding: .utf8)
        let confirmed = text.replacingOccurrences(of: #""status": "proposed""#, with: #""status": "confirmed""#)
        try confirmed.write(to: planFile, atomically: true, encoding: .utf8)
        let again = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: again) }
        let run = TourneeRun(["plan", "tours/guinguette-2027", "--keep", planFile.path, "--out", again.path, "--iterations", "50"])
        #expect(run.status == .success, "\(run.err)")
        // Every evening was confirmed: the new plan is the same evenings, all confirmed.
        let replanned = try String(contentsOf: again.appendingPathComponent("plan.json"), encoding: .utf8)
        #expect(replanned.components(separatedBy: #""status": "confirmed""#).count - 1 == 24)
    }

    @Test func badArgumentsAndBadKeptPlans() throws {
        #expect(
            TourneeRun(["plan", "tours/guinguette-2027", "--threads", "3"]).err
                == "tournee: plan : --threads : entier entre 1 et 2 attendu, trouvé « 3 »\nUsage : voir tournee plan --help\n")
        let missing = TourneeRun(["plan", "tours/guinguette-2027", "--keep", "/nonexistent/plan.json"])
        #expect(missing.status == .noInput)
        let bad = temporaryFolder()
        try FileManager.default.createDirectory(at: bad, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: bad) }
        let file = bad.appendingPathComponent("plan.json")
        try
            #"{"events": [{"id": "a", "date": "2027-13-01", "commune": {"insee": "51008"}, "tour": "Juin", "vehicle": "camion", "status": "confirmed"}]}"#
            .write(to: file, atomically: true, encoding: .utf8)
        let run = TourneeRun(["plan", "tours/guinguette-2027", "--keep", file.path])
        #expect(run.status == .dataError)
        #expect(
            run.err == """
                \(file.path):1: season : clé obligatoire manquante
                \(file.path):1: events[0].commune.name : clé obligatoire manquante
                \(file.path):1: events[0].commune.lat : clé obligatoire manquante
                \(file.path):1: events[0].commune.lon : clé obligatoire manquante
                \(file.path):1: events[0].date : date AAAA-MM-JJ attendue, trouvé « 2027-13-01 »
                \(file.path):1: events[0].start : clé obligatoire manquante
                \(file.path):1: events[0].end : clé obligatoire manquante
                \(file.path):1: events[0].km : clé obligatoire manquante

                """)
    }

    /// Confirms, in the plan file, its first evening other than `except`; its id and date.
    private func confirmFirst(in planFile: URL, except: String? = nil) throws -> (id: String, date: String) {
        var plan = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: planFile)) as? [String: Any])
        var events = try #require(plan["events"] as? [[String: Any]])
        let index = try #require(events.firstIndex { $0["id"] as? String != except })
        events[index]["status"] = "confirmed"
        plan["events"] = events
        try JSONSerialization.data(withJSONObject: plan).write(to: planFile)
        return (try #require(events[index]["id"] as? String), try #require(events[index]["date"] as? String))
    }

    /// A plan.json with a confirmed evening is never written over by a plan that would lose it:
    /// 73 without --keep, and the file stays as it was; with --keep it is kept.
    @Test func aPlanWithConfirmedEveningsIsNeverOverwritten() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(TourneeRun(["plan", "tours/guinguette-2027", "--out", out.path, "--iterations", "200"]).status == .success)
        let planFile = out.appendingPathComponent("plan.json")
        let (id, date) = try confirmFirst(in: planFile)
        let before = try Data(contentsOf: planFile)
        let refused = TourneeRun(["plan", "tours/guinguette-2027", "--out", out.path, "--iterations", "50"])
        #expect(refused.status == .cannotCreate)
        let lines = refused.err.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("tournee: \(planFile.path):") == true)
        #expect(lines.first?.hasSuffix(": soirée \(id) du \(date) : confirmée, elle serait perdue") == true)
        #expect(
            lines.last
                == "tournee: \(planFile.path) : rien n'a été écrit ; replanifiez en gardant ces soirées : tournee plan tours/guinguette-2027 --keep \(planFile.path), ou, quand la saison guinguette-2027 est dans la base, depuis la base : tournee plan tours/guinguette-2027 --db BASE, puis --apply pour l'appliquer"
        )
        #expect(try Data(contentsOf: planFile) == before)
        let kept = TourneeRun(["plan", "tours/guinguette-2027", "--out", out.path, "--keep", planFile.path, "--iterations", "50"])
        #expect(kept.status == .success, "\(kept.err)")
        let events = try #require(
            (try JSONSerialization.jsonObject(with: Data(contentsOf: planFile)) as? [String: Any])?["events"] as? [[String: Any]])
        #expect(events.contains { $0["id"] as? String == id && $0["date"] as? String == date && $0["status"] as? String == "confirmed" })

        try Data("{".utf8).write(to: planFile)
        let unreadable = TourneeRun(["plan", "tours/guinguette-2027", "--out", out.path, "--iterations", "50"])
        #expect(unreadable.status == .cannotCreate)
        #expect(unreadable.err.contains("un plan existe déjà mais ne se lit pas comme un plan ; rien n'a été écrit"))
    }

    /// --keep reads the listing `tournee events --json` writes: the evenings confirmed in the
    /// database stay where they are; a listing of another season is refused; and a plan.json
    /// whose confirmed evening the listing does not hold is still not written over.
    @Test func keepReadsTheDatabaseListing() throws {
        let world = try RecordsWorld()
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(TourneeRun(["plan", "tours/guinguette-2027", "--out", out.path, "--iterations", "200"]).status == .success)
        let planFile = out.appendingPathComponent("plan.json")
        #expect(world.run(["schedule", "import", planFile.path, "--season", "tours/guinguette-2027"]).status == .success)
        let listing = world.run(["events", "--season", "guinguette-2027", "--json"])
        let first = try #require(
            (try JSONSerialization.jsonObject(with: Data(listing.out.utf8)) as? [[String: Any]])?.first)
        let id = try #require(first["id"] as? String)
        let date = try #require(first["date"] as? String)
        #expect(world.run(["event", "confirm", id, "--reason", "accord du maire"]).status == .success)
        let listed = try world.write("soirees.json", world.run(["events", "--season", "guinguette-2027", "--json"]).out)

        let again = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: again) }
        let run = TourneeRun(["plan", "tours/guinguette-2027", "--keep", listed, "--out", again.path, "--iterations", "50"])
        #expect(run.status == .success, "\(run.err)")
        let events = try #require(
            (try JSONSerialization.jsonObject(with: Data(contentsOf: again.appendingPathComponent("plan.json"))) as? [String: Any])?[
                "events"] as? [[String: Any]])
        #expect(events.contains { $0["id"] as? String == id && $0["date"] as? String == date && $0["status"] as? String == "confirmed" })

        let other = try world.write(
            "autre.json",
            try String(contentsOfFile: listed, encoding: .utf8).replacingOccurrences(of: "\"guinguette-2027\"", with: "\"autre-2027\""))
        let refused = TourneeRun(["plan", "tours/guinguette-2027", "--keep", other, "--out", again.path, "--iterations", "50"])
        #expect(refused.status == .dataError)
        #expect(
            refused.err.contains(
                "[0].season : trouvé « autre-2027 », attendu « guinguette-2027 » : la liste ne doit tenir que les soirées de la saison (tournee events --season guinguette-2027 --json)"
            ), "\(refused.err)")

        // The planner confirmed another evening in plan.json alone: the database's listing does
        // not hold it, so writing the new plan over it is refused.
        let (handConfirmed, _) = try confirmFirst(in: planFile, except: id)
        let lost = TourneeRun(["plan", "tours/guinguette-2027", "--keep", listed, "--out", out.path, "--iterations", "50"])
        #expect(lost.status == .cannotCreate)
        #expect(lost.err.contains("soirée \(handConfirmed) du "), "\(lost.err)")
    }
}
