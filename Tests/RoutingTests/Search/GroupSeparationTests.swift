import Testing

@testable import Routing

/// A season in miniature: one vehicle per evening (one job each), places wanting two visits at
/// least 5 evenings apart, each allowed on about half the evenings (several windows per job).
struct GroupSeparationTests {
    private func season(places: Int, evenings: Int, seed: UInt64) throws -> Problem {
        var rng = SplitMix64(seed: seed)
        let points = InstanceGenerator.points(places, seed: seed)
        let matrix = Matrix.euclidean(points)
        var jobs: [Job] = []
        for place in 1...places {
            let windows = (0..<evenings).filter { _ in rng.below(2) == 0 }.map { day in
                TimeWindow(start: Double(day) * 1000 + 500, end: Double(day) * 1000 + 520)
            }
            for _ in 0..<2 {
                jobs.append(
                    Job(
                        location: place, serviceDuration: 100, timeWindows: windows,
                        requirement: .optional(penalty: 200 + rng.unit() * 100), group: place - 1))
            }
        }
        let vehicles = (0..<evenings).map { day in
            Vehicle(start: 0, end: 0, shift: TimeWindow(start: Double(day) * 1000 + 300, end: Double(day) * 1000 + 800), maxJobs: 1)
        }
        let groups = (0..<places).map { _ in JobGroup(minimumSeparation: 5000, maximumServed: 2) }
        return try Problem(distances: matrix, durations: matrix, jobs: jobs, vehicles: vehicles, groups: groups)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func everyEveningIsFilledWithoutBreakingSeparation(seed: UInt64) throws {
        let problem = try season(places: 12, evenings: 16, seed: seed)
        let solution = Solver.solve(problem, options: SolverOptions(seed: seed, iterationLimit: 400))
        let report = SolutionChecker(problem: problem).check(solution)
        #expect(report.violations == [])
        #expect(solution.routes.count == 16)
        for entry in solution.unassigned {
            switch entry.reason {
            case .infeasible(let perVehicle):
                #expect(perVehicle.allSatisfy { !$0.obstacles.isEmpty })
            case .penaltyBelowInsertionCost:
                Issue.record("job \(entry.job) could be inserted at a profit")
            }
        }
    }
}
