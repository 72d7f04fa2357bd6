import Testing

@testable import Routing

struct ExactSolverTests {
    /// Small random problems with windows (one or two per job), capacities, optional jobs and two
    /// different vehicles.
    private func randomProblem(seed: UInt64, jobs count: Int) throws -> Problem {
        var rng = SplitMix64(seed: seed)
        let points = InstanceGenerator.points(count, seed: seed)
        let matrix = Matrix.euclidean(points)
        let jobs = (1...count).map { location -> Job in
            let open = rng.unit() * 150
            var windows = [TimeWindow(start: open, end: open + 40)]
            if rng.below(2) == 0 { windows.append(TimeWindow(start: open + 100, end: open + 160)) }
            let requirement: JobRequirement = rng.below(3) == 0 ? .optional(penalty: 20 + rng.unit() * 80) : .mandatory
            return Job(
                location: location, serviceDuration: 5, timeWindows: windows, demand: [Double(1 + rng.below(4))],
                requirement: requirement)
        }
        let vehicles = [
            Vehicle(start: 0, end: 0, shift: TimeWindow(start: 0, end: 400), capacity: [8], fixedCost: 30),
            Vehicle(start: 0, end: nil, shift: TimeWindow(start: 0, end: 300), capacity: [6], costPerDistance: 1.5, maxJobs: 3),
        ]
        return try Problem(distances: matrix, durations: matrix, jobs: jobs, vehicles: vehicles)
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func matchesBruteForceOnRandomSmallInstances(seed: UInt64) throws {
        let problem = try randomProblem(seed: seed, jobs: 5 + Int(seed % 2))
        let solution = Solver.solve(problem, options: SolverOptions(seed: 1, iterationLimit: 10))
        #expect(solution.isProvenOptimal)
        let report = SolutionChecker(problem: problem).check(solution)
        #expect(report.violations == [])
        let expected = BruteForce.bestObjective(problem)
        let found = report.cost.unservedPenalty + report.cost.cost
        #expect(
            abs(found - expected) < 1e-6,
            "exact \(found), brute force \(expected) \(solution.routes.map { ($0.vehicle, $0.stops.map(\.job)) }) \(solution.unassigned.map(\.job))"
        )
    }

    @Test func heuristicReachesTheProvenOptimumOnSmallInstances() throws {
        for seed in [11, 12, 13] as [UInt64] {
            let problem = try randomProblem(seed: seed, jobs: 6)
            let exact = Solver.solve(problem, options: SolverOptions(seed: 1, iterationLimit: 10))
            let heuristic = Solver.solve(problem, options: SolverOptions(seed: 1, iterationLimit: 300, exactJobLimit: 0))
            #expect(!heuristic.isProvenOptimal)
            let objective = { (s: Solution) in s.cost.unservedPenalty + s.cost.cost }
            #expect(abs(objective(heuristic) - objective(exact)) < 1e-6)
        }
    }

    @Test func declinesProblemsWithGroupSeparation() throws {
        let matrix = Matrix.euclidean(InstanceGenerator.points(3, seed: 1))
        let problem = try Problem(
            distances: matrix, durations: matrix,
            jobs: [Job(location: 1, group: 0), Job(location: 2, group: 0)],
            vehicles: [.roundTrip(depot: 0)], groups: [JobGroup(minimumSeparation: 5)])
        #expect(ExactSolver(Instance(problem)).solve(maximumJobs: 10) == nil)
    }
}
