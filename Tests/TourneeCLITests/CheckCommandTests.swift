import Foundation
import TestSupport
import Testing
import TourneeCLI

/// `tournee check` trusts nothing in a plan file: times, kilometres and dates are checked
/// against the event's date and its season before any rule.
struct CheckCommandTests {
    /// A season of one Saturday evening, 22:00–02:30, on the night clocks go forward
    /// (2028-03-26 at 02:00): the evening's end falls in the gap and is read an hour later.
    static let springNightSeason = """
        {
          "name": "Nuit du changement d'heure",
          "period": { "from": "2028-03-01", "to": "2028-03-31" },
          "evenings": { "weekdays": ["samedi"], "start": "22:00", "end": "02:30" },
          "tours": [{ "name": "Mars", "from": "2028-03-25", "to": "2028-03-25", "evenings": 1 }],
          "vehicles": [{ "id": "camion", "base": { "insee": "52448" }, "speedKmh": 55, "costPerKm": 0.38,
                         "co2KgPerKm": 0.27, "travel": "returnToBase" }],
          "communesFile": "communes.csv",
          "seed": 3
        }
        """

    private func springNight() throws -> URL {
        let folder = try TemporaryDirectory(prefix: "tournee-check").url
        try Self.springNightSeason.write(to: folder.appendingPathComponent("season.json"), atomically: true, encoding: .utf8)
        try "insee,has_cafe\n51008,non\n".write(to: folder.appendingPathComponent("communes.csv"), atomically: true, encoding: .utf8)
        return folder
    }

    private func plannedSpringNight() throws -> (folder: URL, plan: URL, text: String) {
        let folder = try springNight()
        let planRun = TourneeRun(["plan", folder.lastPathComponent, "--iterations", "50"], in: folder.deletingLastPathComponent())
        #expect(planRun.status == .success, "\(planRun.err)")
        let plan = folder.appendingPathComponent("plan/plan.json")
        return (folder, plan, try String(contentsOf: plan, encoding: .utf8))
    }

    @Test func anEveningEndingInTheSpringGapIsWrittenAnHourLaterAndChecksClean() throws {
        let (folder, plan, text) = try plannedSpringNight()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(text.contains(#""start": "2028-03-25T22:00:00+01:00""#))
        #expect(text.contains(#""end": "2028-03-26T03:30:00+02:00""#))
        let check = TourneeRun(["check", folder.path, plan.path])
        #expect(check.status == .success, "\(check.err)")
        #expect(check.out == "\(plan.path) : plan conforme — 1 soirée\n")
    }

    @Test func anEndWrittenAsTheSkippedClockReadingIsRefused() throws {
        let (folder, plan, text) = try plannedSpringNight()
        defer { try? FileManager.default.removeItem(at: folder) }
        try text.replacingOccurrences(of: "2028-03-26T03:30:00+02:00", with: "2028-03-26T02:30:00+02:00")
            .write(to: plan, atomically: true, encoding: .utf8)
        let check = TourneeRun(["check", folder.path, plan.path])
        #expect(check.status == .dataError)
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(#""end": "#) }) + 1
        #expect(
            check.err
                == "\(plan.path):\(line): events[0].end : trouvé « 2028-03-26T02:30:00+02:00 », attendu « 2028-03-26T03:30:00+02:00 » (l'heure des horloges de Paris à cet instant, avec son décalage)\n"
        )
        #expect(check.out.isEmpty)
    }

    /// Each hand edit that the checker used to call « plan conforme ».
    @Test(arguments: [
        (
            #""date": "2028-03-25""#, #""date": "2028-03-18""#,
            "events[0].start : trouvé un début le 2028-03-25, attendu le jour de la soirée 2028-03-18"
        ),
        (
            #""end": "2028-03-26T03:30:00+02:00""#, #""end": "2028-03-25T21:00:00+01:00""#,
            "events[0].end : trouvé une fin à 2028-03-25 21:00, attendu une fin après le début 2028-03-25 22:00"
        ),
        (#""km": "#, #""km": -"#, "events[0].km : nombre entre 0 et 100000 attendu, trouvé -"),
        (
            #""status": "proposed""#, #""status": "maybe""#,
            "events[0].status : attendu : l'une des valeurs « proposed », « confirmed », « cancelled », « done », « withdrawn », « declined » ; trouvé : « maybe »"
        ),
        (
            #""start": "2028-03-25T22:00:00+01:00""#, #""start": "samedi soir""#,
            "events[0].start : trouvé « samedi soir », attendu une date-heure ISO 8601 avec le décalage de Paris, comme 2027-05-15T18:30:00+02:00"
        ),
    ])
    func aPlanInconsistentWithItselfIsRefused(original: String, edited: String, message: String) throws {
        let (folder, plan, text) = try plannedSpringNight()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(text.contains(original))
        try text.replacingOccurrences(of: original, with: edited).write(to: plan, atomically: true, encoding: .utf8)
        let check = TourneeRun(["check", folder.path, plan.path])
        #expect(check.status == .dataError)
        #expect(check.err.contains(": " + message), "\(check.err)")
        #expect(check.out.isEmpty)
    }
}
