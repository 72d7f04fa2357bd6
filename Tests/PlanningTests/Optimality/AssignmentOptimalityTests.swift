import Foundation
import TestSupport
import Testing

@testable import Planning

/// Every return-to-base season's « optimal prouvé » is the optimum of the documented objective,
/// as HiGHS finds it from the season's facts (`season_mip.py`), and every printed gap is at
/// least the true excess.
struct AssignmentOptimalityTests {
    private struct Optimum: Decodable {
        let evenings: Int
        let objective: Double
    }

    private func optimum(_ season: Season) throws -> Optimum {
        let folder = try TemporaryDirectory(prefix: "tournee-mip")
        defer { folder.remove() }
        let file = folder.url.appendingPathComponent("facts.json")
        try SeasonFacts.json(season).write(to: file)
        return try PythonPeer.json(Optimum.self, "season_mip.py", [file.path])
    }

    private func check(_ season: Season, name: String) throws -> Plan {
        let clock = ContinuousClock()
        var planned: Plan?
        let planning = try clock.measure { planned = try Planner().plan(season, seasonSlug: name) }
        var optimum: Optimum?
        let solving = try clock.measure { optimum = try self.optimum(season) }
        let (best, found) = (optimum!, planned!)
        // The figures BENCHMARKS.md quotes (debug build here; release figures there).
        print(
            "optimality \(name): \(season.communes.count) communes, \(season.tours.reduce(0) { $0 + $1.evenings }) evenings, "
                + "tournee \(found.objective.total) in \(planning), HiGHS \(best.objective) in \(solving) (process included)")
        let plan = found
        let entries = try PlanFile.entries(PlanJSON.render(plan), file: "plan.json", season: season)
        // A tour the rules cannot fill is the checker's remark, not a fault: the MIP says how many can be.
        let breaches = PlanChecker(season: season).check(entries, file: "plan.json").map(\.description)
        #expect(breaches.filter { !$0.contains("soirées pour") } == [], "\(name)")
        #expect(plan.summary.evenings == best.evenings, "\(name): evenings filled")
        #expect(plan.objective.total >= best.objective - 0.01, "\(name): no plan beats the optimum")
        switch plan.quality {
        case .provenOptimal:
            #expect(abs(plan.objective.total - best.objective) <= 0.01, "\(name): \(plan.objective.total) vs \(best.objective)")
        case .heuristic(let bound):
            if let bound { #expect(bound <= best.objective + 0.01, "\(name): bound \(bound) above the optimum \(best.objective)") }
        }
        return plan
    }

    @Test func theGuinguetteSeasonReachesItsOptimum() throws {
        let season = try SeasonFixtures.loader().load(
            folder: Repository.url("tours/guinguette-2027"), displayPath: "tours/guinguette-2027"
        ).season
        let plan = try check(season, name: "guinguette-2027")
        #expect(plan.quality == .provenOptimal)
        #expect(abs(plan.objective.total - 146.32) < 0.005)
    }

    @Test(arguments: 1...24)
    func aGeneratedSeasonIsPlannedAtItsOptimum(seed: Int) throws {
        let season = try GeneratedSeasons.season(seed: UInt64(seed))
        let plan = try check(season, name: "essai-\(seed)")
        #expect(plan.quality == .provenOptimal, "essai-\(seed): \(season.communes.count) communes, \(plan.quality)")
    }
}
