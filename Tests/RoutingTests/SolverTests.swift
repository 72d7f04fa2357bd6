import Foundation
import Testing

@testable import Routing

struct SolverTests {
    @Test func solvesARandomVRPTWFeasiblyAndServesEveryJob() throws {
        let problem = try InstanceGenerator.vrptw(40, vehicles: 10, seed: 3)
        let solution = Solver.solve(problem, options: SolverOptions(seed: 1, iterationLimit: 300))
        let report = SolutionChecker(problem: problem).check(solution)
        #expect(report.violations == [])
        #expect(solution.unassigned.isEmpty)
        #expect(solution.cost.vehicles < 10)
    }

    @Test func sameSeedGivesTheSameSolution() throws {
        let problem = try InstanceGenerator.vrptw(30, vehicles: 8, windows: 3, seed: 11)
        let options = SolverOptions(seed: 42, iterationLimit: 200)
        let first = Solver.solve(problem, options: options)
        let second = Solver.solve(problem, options: options)
        #expect(first == second)
        let twoThreads = SolverOptions(seed: 42, iterationLimit: 200, threads: 2)
        #expect(Solver.solve(problem, options: twoThreads) == Solver.solve(problem, options: twoThreads))
    }

    @Test func findsTheOptimalTourOfPointsOnACircle() throws {
        // Any tour other than the circle order crosses itself, so the optimum is the polygon.
        let count = 24
        let points = (0..<count).map { k -> Point in
            let angle = Double(k) * 2 * .pi / Double(count)
            return Point(x: 1000 * cos(angle), y: 1000 * sin(angle))
        }
        let matrix = Matrix.euclidean(points)
        let problem = try Problem(
            distances: matrix, durations: matrix, jobs: (1..<count).map { Job(location: $0) },
            vehicles: [.roundTrip(depot: 0)], objective: .distance)
        let solution = Solver.solve(problem, options: SolverOptions(seed: 5, iterationLimit: 200))
        let optimum = Double(count) * matrix[0, 1]
        #expect(abs(solution.cost.distance - optimum) < 1e-6)
        #expect(SolutionChecker(problem: problem).check(solution).isFeasible)
    }

    @Test func prefersFewerVehiclesWhenTheyComeFirst() throws {
        // Four jobs around a depot, one vehicle of capacity 4 can take all of them.
        let matrix = Matrix.euclidean([
            Point(x: 0, y: 0), Point(x: 10, y: 0), Point(x: -10, y: 0),
            Point(x: 0, y: 10), Point(x: 0, y: -10),
        ])
        let jobs = (1...4).map { Job(location: $0, demand: [1]) }
        let fleet = (0..<4).map { _ in Vehicle.roundTrip(depot: 0, capacity: [4]) }
        let problem = try Problem(distances: matrix, durations: matrix, jobs: jobs, vehicles: fleet, objective: .hierarchical)
        let solution = Solver.solve(problem, options: SolverOptions(seed: 1, iterationLimit: 100, exactJobLimit: 0))
        #expect(solution.cost.vehicles == 1)
        #expect(SolutionChecker(problem: problem).check(solution).isFeasible)
    }
}
