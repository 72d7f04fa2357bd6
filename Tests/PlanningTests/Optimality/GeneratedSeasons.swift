import CivilTime
import Foundation
import TestSupport

@testable import Planning

/// Return-to-base seasons made up from real communes, for the optimality tests: a base in a
/// rural département, its 10–60 nearest small communes, two to four tours from May to
/// September, communes wanting one or two visits, preferred dates, unavailable weeks, and tours
/// whose evenings are either scarce (fewer than the visits wanted) or ample.
enum GeneratedSeasons {
    /// Départements with many small communes, one per generated season in turn.
    private static let departements = ["48", "15", "12", "23", "52", "55", "39", "04", "32", "89", "21", "70"]

    /// The season of `seed`, loaded as `tournee` loads a folder.
    static func season(seed: UInt64) throws -> Season {
        var random = SeededRandom(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ 1)
        let directory = try SeasonFixtures.directory.get()
        let departement = departements[Int(seed) % departements.count]
        let local = directory.communes.filter { $0.departement == departement && $0.coordinate != nil && $0.population < 1_500 }
        let base = local[random.below(local.count)]
        let count = 10 + random.below(51)
        let nearest = local.filter { $0.insee != base.insee }
            .sorted { $0.coordinate!.kilometres(to: base.coordinate!) < $1.coordinate!.kilometres(to: base.coordinate!) }
            .prefix(count)
        let scarce = random.oneIn(2)
        var rows = ["insee,has_cafe,weekdays,unavailable,preferred,min_visits,max_visits"]
        var wanted = 0
        for commune in nearest {
            let minVisits = random.oneIn(3) ? 2 : 1
            let maxVisits = max(minVisits, random.oneIn(2) ? 2 : 1)
            wanted += minVisits
            let month = 5 + random.below(5)
            let preferred = random.oneIn(3) ? Self.date(month: month, day: 1 + random.below(28)) : ""
            let away = 5 + random.below(5)
            let unavailable =
                random.oneIn(4) ? "\(Self.date(month: away, day: 1))..\(Self.date(month: away, day: 1 + random.below(20)))" : ""
            let weekdays = random.oneIn(5) ? "samedi" : ""
            rows.append(
                "\(commune.insee),\(random.oneIn(3) ? "oui" : "non"),\(weekdays),\(unavailable),\(preferred),\(minVisits),\(maxVisits)")
        }
        let weekdays = ["jeudi", "vendredi"].filter { _ in !random.oneIn(3) } + ["samedi"]
        let tourCount = 2 + random.below(3)
        // Tours share May to September; each asks for its share of the visits wanted, within
        // about half the evenings its calendar offers (holidays and unavailable weeks aside).
        let spans = [
            [(5, 1, 6, 30), (7, 1, 9, 30)], [(5, 1, 6, 15), (6, 16, 7, 31), (8, 1, 9, 30)],
            [(5, 1, 5, 31), (6, 1, 6, 30), (7, 1, 8, 15), (8, 16, 9, 30)],
        ][tourCount - 2]
        let share = max(1, (scarce ? wanted * 2 / 3 : wanted + count / 2) / tourCount)
        let tours = spans.enumerated().map { index, span in
            let weeks = (span.2 - span.0) * 30 / 7 + (span.3 - span.1) / 7
            let room = max(1, weeks * weekdays.count / 2)
            return """
                { "name": "Tournée \(index + 1)", "from": "\(Self.date(month: span.0, day: span.1))", \
                "to": "\(Self.date(month: span.2, day: span.3))", "evenings": \(min(share, room)) }
                """
        }
        let season = """
            {
              "name": "Essai \(seed)",
              "period": { "from": "2028-05-01", "to": "2028-09-30" },
              "evenings": { "weekdays": [\(weekdays.map { "\"\($0)\"" }.joined(separator: ", "))], "start": "18:30", "end": "23:30", "publicHolidays": "\(random.oneIn(2) ? "prefer" : "avoid")" },
              "tours": [\(tours.joined(separator: ", "))],
              "vehicles": [{ "id": "camion", "base": { "insee": "\(base.insee)" }, "speedKmh": 55, "costPerKm": \(0.3 + Double(random.below(30)) / 100),
                             "co2KgPerKm": 0.25, "maxKmPerEvening": \(90 + random.below(60)), "setupMinutes": 90, "travel": "returnToBase" }],
              "communesFile": "communes.csv",
              "minDaysBetweenVisits": \(14 + random.below(15)),
              "seed": \(seed)
            }
            """
        let folder = try SeasonFixtures.write(season: season, communes: rows.joined(separator: "\n") + "\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        return try SeasonFixtures.loader().load(folder: folder, displayPath: "essai-\(seed)").season
    }

    private static func date(month: Int, day: Int) -> String {
        String(format: "2028-%02d-%02d", month, day)
    }
}
