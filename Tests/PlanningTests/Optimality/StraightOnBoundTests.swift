import CivilTime
import Foundation
import Testing

@testable import Planning

/// The bound of a straight-on season against its true optimum, found by trying every plan of
/// a tiny season: a vehicle near Saint-Dizier that chains its evenings on consecutive days and
/// goes home otherwise, a few communes that want one or two visits, a preferred date and an
/// away weekend, with gaps between visits that allow, or not, one commune two days apart.
struct StraightOnBoundTests {
    /// Tours of one week (four evenings possible) or two (eight), as many evenings asked; the
    /// base among the communes (Saint-Dizier) or some 80 km away (Reims).
    static let shapes: [Shape] = [
        Shape(gap: 3, base: "52448", tours: [("2027-05-06", "2027-05-16", 5)]),
        Shape(gap: 2, base: "52448", tours: [("2027-05-06", "2027-05-16", 5)]),
        Shape(gap: 1, base: "52448", tours: [("2027-05-06", "2027-05-16", 4)]),
        Shape(gap: 0, base: "52448", tours: [("2027-05-06", "2027-05-09", 3), ("2027-05-13", "2027-05-16", 3)]),
        Shape(gap: 5, base: "52448", tours: [("2027-05-06", "2027-05-09", 4), ("2027-05-13", "2027-05-16", 2)]),
        Shape(gap: 3, base: "51454", tours: [("2027-05-06", "2027-05-16", 5)]),
        Shape(gap: 0, base: "51454", tours: [("2027-05-06", "2027-05-09", 3), ("2027-05-13", "2027-05-16", 3)]),
    ]

    /// A tiny season's minimum days between visits, base and tours.
    struct Shape {
        let gap: Int
        let base: String
        let tours: [(from: String, to: String, evenings: Int)]
    }

    /// The bound is at most the best plan of as many evenings, for every number of evenings a
    /// plan can fill; the planner's plan, its dates polished, keeps every rule and is no better
    /// than the best.
    @Test(arguments: shapes.indices)
    func theBoundNeverExceedsTheBestPlanOfAsManyEvenings(shape: Int) throws {
        let season = try Self.season(Self.shapes[shape])
        let compiled = try SeasonProblem(season: season)
        let preferred = PreferredEvenings(season: season, calendar: EveningCalendar(season: season))
        let best = Self.bestByFilling(season, compiled, preferred)
        // The best plan of at least f evenings, for every f a plan can reach.
        var atLeast = best
        for f in stride(from: atLeast.count - 2, through: 0, by: -1) { atLeast[f] = min(atLeast[f], atLeast[f + 1]) }
        for (filling, optimum) in atLeast.enumerated() where optimum.isFinite {
            let bound = SeasonBound.lowerBound(of: compiled, filling: filling, preferred: preferred)
            #expect(bound <= optimum + 1e-6, "\(filling) evenings: bound \(bound) > optimum \(optimum)")
        }
        let plan = try Planner(iterations: 400).plan(season, seasonSlug: "essai")
        let entries = try PlanFile.entries(PlanJSON.render(plan), file: "plan.json", season: season)
        #expect(PlanChecker(season: season).check(entries, file: "plan.json").map(\.description) == [])
        let filled = plan.summary.evenings
        #expect(filled == atLeast.count - 1)
        #expect(plan.objective.total >= atLeast[filled] - 1e-6)
        switch plan.quality {
        case .heuristic(let lowerBound?): #expect(lowerBound <= atLeast[filled] + 1e-6)
        case .heuristic(nil): break
        case .provenOptimal: #expect(plan.objective.total <= atLeast[filled] + 1e-6)
        }
    }

    /// The generated seasons of the optimality tests, driven straight on: the planner's plan
    /// keeps every rule, and its objective is not below the bound.
    @Test(arguments: UInt64(1)...6)
    func generatedSeasonsDrivenStraightOnStayAboveTheBound(seed: UInt64) throws {
        var season = try GeneratedSeasons.season(seed: seed)
        season.vehicles[0].travel = .straightOn
        let plan = try Planner(iterations: 200).plan(season, seasonSlug: "essai")
        let entries = try PlanFile.entries(PlanJSON.render(plan), file: "plan.json", season: season)
        #expect(PlanChecker(season: season).check(entries, file: "plan.json").map(\.description) == [])
        let preferred = PreferredEvenings(season: season, calendar: EveningCalendar(season: season))
        let bound = SeasonBound.lowerBound(of: try SeasonProblem(season: season), filling: plan.summary.evenings, preferred: preferred)
        #expect(bound <= plan.objective.total + 1e-6)
    }

    /// The best objective of the plans that hold exactly f evenings, by f (infinite when none
    /// does): every commune on any of its candidate evenings or none, the gap and the maximum
    /// visits kept, each tour at most its evenings; the driving as `Planner.driving` counts it.
    static func bestByFilling(_ season: Season, _ compiled: SeasonProblem, _ preferred: PreferredEvenings) -> [Double] {
        let calendar = EveningCalendar(season: season)
        let weights = season.objective
        let vehicle = season.vehicles[0]
        let base = compiled.tourBase[0]
        let location = season.communes.indices.map { compiled.communeLocation[0][$0]! }
        var slots: [(tour: Int, date: CivilDate, communes: [Int])] = []
        for (t, tour) in season.tours.enumerated() {
            for date in tour.dates {
                let open = season.communes.indices.filter { c in
                    calendar.days(of: tour, for: season.communes[c]).contains { $0.date == date && $0.isCandidate }
                }
                if !open.isEmpty { slots.append((t, date, open)) }
            }
        }
        let total = season.tours.reduce(0) { $0 + $1.evenings }
        var best = [Double](repeating: .infinity, count: total + 1)
        var chosen: [(slot: Int, commune: Int)] = []
        func objective() -> Double {
            var cost = 0.0
            for t in season.tours.indices {
                var previous: (location: Int, date: CivilDate)?
                for (slot, commune) in chosen where slots[slot].tour == t {
                    let here = location[commune]
                    let date = slots[slot].date
                    if let before = previous, before.date.adding(days: 1) == date {
                        cost += compiled.kilometres[before.location, here]
                    } else {
                        if let before = previous { cost += compiled.kilometres[before.location, base] }
                        cost += compiled.kilometres[base, here]
                    }
                    previous = (here, date)
                }
                if let before = previous { cost += compiled.kilometres[before.location, base] }
            }
            cost *= vehicle.costPerKm
            for (c, commune) in season.communes.enumerated() {
                let visits = chosen.filter { $0.commune == c }.count
                cost += Double(max(0, commune.minVisits - visits)) * PlanObjective.visitValue(of: commune, weights: weights)
            }
            for (slot, commune) in chosen
            where preferred.contains(slots[slot].date, insee: season.communes[commune].insee, tour: season.tours[slots[slot].tour].name) {
                cost -= weights.preferredDateBonus
            }
            return cost
        }
        func place(from next: Int) {
            best[chosen.count] = min(best[chosen.count], objective())
            for s in next..<slots.count {
                let slot = slots[s]
                guard chosen.filter({ slots[$0.slot].tour == slot.tour }).count < season.tours[slot.tour].evenings else { continue }
                for c in slot.communes {
                    let visits = chosen.filter { $0.commune == c }
                    guard visits.count < season.communes[c].maxVisits,
                        visits.allSatisfy({ slots[$0.slot].date.days(to: slot.date) >= season.minDaysBetweenVisits })
                    else { continue }
                    chosen.append((s, c))
                    place(from: s + 1)
                    chosen.removeLast()
                }
            }
        }
        place(from: 0)
        while best.count > 1, !best.last!.isFinite { best.removeLast() }
        return best
    }

    /// The tiny season: the five small communes nearest Saint-Dizier, the base of `shape`.
    static func season(_ shape: Shape) throws -> Season {
        let directory = try SeasonFixtures.directory.get()
        let centre = directory.communes.first { $0.insee == "52448" }!
        let nearest = directory.communes.filter { $0.insee != centre.insee && $0.coordinate != nil && $0.population < 1_500 }
            .sorted { $0.coordinate!.kilometres(to: centre.coordinate!) < $1.coordinate!.kilometres(to: centre.coordinate!) }
            .prefix(5)
        let facts = [
            ("non", "", "", 1, 1), ("oui", "", "2027-05-08", 1, 2), ("non", "2027-05-13..2027-05-14", "", 2, 2),
            ("oui", "", "", 1, 1), ("non", "", "2027-05-15", 1, 1),
        ]
        var rows = ["insee,has_cafe,unavailable,preferred,min_visits,max_visits"]
        for (commune, fact) in zip(nearest, facts) {
            rows.append("\(commune.insee),\(fact.0),\(fact.1),\(fact.2),\(fact.3),\(fact.4)")
        }
        let tours = shape.tours.enumerated().map { index, tour in
            #"{ "name": "Tournée \#(index + 1)", "from": "\#(tour.from)", "to": "\#(tour.to)", "evenings": \#(tour.evenings) }"#
        }
        let json = """
            {
              "name": "Essai",
              "period": { "from": "2027-05-01", "to": "2027-05-31" },
              "evenings": { "weekdays": ["jeudi", "vendredi", "samedi", "dimanche"], "start": "20:30", "end": "23:30", "publicHolidays": "allow" },
              "tours": [\(tours.joined(separator: ", "))],
              "vehicles": [{ "id": "compagnie", "base": { "insee": "\(shape.base)" }, "speedKmh": 70, "costPerKm": 4,
                             "co2KgPerKm": 0.22, "setupMinutes": 180, "travel": "straightOn" }],
              "communesFile": "communes.csv",
              "minDaysBetweenVisits": \(shape.gap),
              "seed": 3
            }
            """
        return try SeasonFixtures.load(season: json, communes: rows.joined(separator: "\n") + "\n").0
    }
}
