import Testing

@testable import Routing

struct TourImproverTests {
    @Test(arguments: [21, 22, 23, 24] as [UInt64])
    func reachesTheExactOptimumOnSmallTSPs(seed: UInt64) throws {
        let problem = try InstanceGenerator.tsp(11, seed: seed)
        #expect(Instance(problem).isPlainTSP)
        let exact = Solver.solve(problem, options: SolverOptions(exactJobLimit: 11))
        #expect(exact.isProvenOptimal)
        let improved = Solver.solve(problem, options: SolverOptions(seed: seed, iterationLimit: 300, exactJobLimit: 0))
        #expect(!improved.isProvenOptimal)
        #expect(improved.cost.distance == exact.cost.distance)
        #expect(SolutionChecker(problem: problem).check(improved).isFeasible)
    }

    @Test func isDeterministicAndVisitsEveryJobOnce() throws {
        let problem = try InstanceGenerator.tsp(200, seed: 9)
        let options = SolverOptions(seed: 3, iterationLimit: 500)
        let first = Solver.solve(problem, options: options)
        #expect(first == Solver.solve(problem, options: options))
        #expect(first.routes.count == 1)
        #expect(first.routes[0].stops.map(\.job).sorted() == Array(0..<200))
        #expect(SolutionChecker(problem: problem).check(first).isFeasible)
    }

    @Test func leavesAsymmetricOrConstrainedTSPsToTheGeneralSearch() throws {
        let asymmetric = try Matrix(rows: (0..<6).map { a in (0..<6).map { b in a == b ? 0 : Double(a < b ? 1 : 2) } })
        let problem = try Problem(
            distances: asymmetric, durations: asymmetric, jobs: (1..<6).map { Job(location: $0) },
            vehicles: [.roundTrip(depot: 0)])
        #expect(!Instance(problem).isPlainTSP)
        let windowed = try InstanceGenerator.vrptw(6, vehicles: 1, seed: 1)
        #expect(!Instance(windowed).isPlainTSP)
    }
}
