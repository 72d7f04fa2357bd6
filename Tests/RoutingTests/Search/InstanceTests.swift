import Testing

@testable import Routing

/// Window arithmetic agrees with the feasibility tests' tolerance: sums of decimal travel times
/// drift by a rounding error (0.1 + 0.2 > 0.3 in binary), and a schedule that is exact in
/// decimal arithmetic must stay feasible, with finite times, everywhere in the search.
struct InstanceTests {
    /// Depot 0 and three jobs that must start exactly at 0.1, 0.3 and 1.0.
    private func problem() throws -> Problem {
        let times = try Matrix(rows: [
            [0, 0.1, 0.3, 1.0],
            [0.1, 0, 0.2, 0.9],
            [0.3, 0.2, 0, 0.7],
            [1.0, 0.9, 0.7, 0],
        ])
        let jobs = [(1, 0.1), (2, 0.3), (3, 1.0)].map { location, at in
            Job(location: location, timeWindows: [TimeWindow(start: at, end: at)])
        }
        return try Problem(
            distances: times, durations: times, jobs: jobs,
            vehicles: [.roundTrip(depot: 0, shift: TimeWindow(start: 0, end: 2))])
    }

    @Test func windowsToleratesRoundingErrors() throws {
        let instance = Instance(try problem(), neighbourCount: 3)
        // 0.1 + 0.2 lands just after 0.3: still inside the window that ends at 0.3.
        #expect(instance.earliestStart(1, arrival: 0.1 + 0.2) == 0.1 + 0.2)
        // 0.3 − 0.2 lands just before 0.1: a start at the window's opening still fits.
        #expect(instance.latestStart(0, notAfter: 0.3 - 0.2) == 0.1)
        #expect(instance.latestStart(0, notAfter: 0.05) == -.infinity)
        #expect(instance.earliestStart(0, arrival: 0.2) == .infinity)
    }

    @Test func aScheduleExactOnlyInDecimalsIsSolvedAndChecked() throws {
        let problem = try problem()
        let solution = Solver.solve(problem, options: SolverOptions(seed: 1, iterationLimit: 20, exactJobLimit: 0))
        #expect(solution.unassigned.isEmpty)
        #expect(solution.routes.flatMap(\.stops).allSatisfy { $0.serviceStart.isFinite && $0.arrival.isFinite })
        #expect(SolutionChecker(problem: problem).check(solution).isFeasible)
    }
}
