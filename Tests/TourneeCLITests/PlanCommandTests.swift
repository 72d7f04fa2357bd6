import CommandLineSupport
import Foundation
import TestSupport
import Testing
import TourneeCLI

struct PlanCommandTests {
    struct SVGSummary: Decodable {
        let root: String
        let title: String
        let circles: Int
        let texts: [String]
        let strokes: [String]
    }

    private func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("tournee-plan-\(UUID().uuidString)")
    }

    @Test func plansTheGuinguetteSeasonIntoItsThreeFiles() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = TourneeRun(["plan", "tours/guinguette-2027", "--out", out.path])
        #expect(run.status == .success, "\(run.err)")
        #expect(run.out.hasPrefix("Plan de « La Guinguette mobile 2027 » — graine 2027, optimal prouvé\n"))
        #expect(run.out.hasSuffix("Écrit : \(out.path)/plan.json, \(out.path)/plan.ics, \(out.path)/map.svg\n"))
        let json = try String(contentsOf: out.appendingPathComponent("plan.json"), encoding: .utf8)
        let golden = try Repository.text("Tests/Fixtures/golden/plan-guinguette-2027.json")
        #expect(json == golden)
        let svg = try JSONDecoder().decode(
            SVGSummary.self,
            from: PythonPeer.run(
                script: TourneeRun.fixtures.appendingPathComponent("python/check_svg.py"), [out.appendingPathComponent("map.svg").path]))
        #expect(svg.root == "{http://www.w3.org/2000/svg}svg")
        #expect(svg.title == "Carte — La Guinguette mobile 2027")
        #expect(svg.circles >= 15 + 2)
        #expect(svg.texts.contains("Saint-Dizier, dépôt de la Guinguette"))
        #expect(svg.texts.contains("Légende") && svg.texts.contains { $0.hasSuffix(" km") })
        #expect(svg.strokes.count == 4)
        let ics = try String(contentsOf: out.appendingPathComponent("plan.ics"), encoding: .utf8)
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\n"))
        #expect(ics.components(separatedBy: "BEGIN:VEVENT").count - 1 == 24)
    }

    @Test func checkAcceptsThePlannersPlanAndRefusesAnEditedOne() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(TourneeRun(["plan", "tours/guinguette-2027", "--out", out.path, "--iterations", "200"]).status == .success)
        let planFile = out.appendingPathComponent("plan.json")
        let check = TourneeRun(["check", "tours/guinguette-2027", planFile.path])
        #expect(check.status == .success)
        #expect(check.out == "\(planFile.path) : plan conforme — 24 soirées\n")
        // Move the first evening to a Monday: its date, start and end together.
        var text = try String(contentsOf: planFile, encoding: .utf8)
        let firstDate = try #require(text.range(of: #""date": "2027-05-"#))
        let day = String(text[firstDate.upperBound..<text.index(firstDate.upperBound, offsetBy: 2)])
        let eventEnd = try #require(text.range(of: #""vehicleName""#, range: firstDate.upperBound..<text.endIndex))
        let event = firstDate.lowerBound..<eventEnd.lowerBound
        text.replaceSubrange(event, with: text[event].replacingOccurrences(of: "2027-05-\(day)", with: "2027-05-10"))
        try text.write(to: planFile, atomically: true, encoding: .utf8)
        let broken = TourneeRun(["check", "tours/guinguette-2027", planFile.path])
        #expect(broken.status == .dataError)
        #expect(broken.err.contains("le 2027-05-10 : pas de soirée le lundi\n"))
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
}
