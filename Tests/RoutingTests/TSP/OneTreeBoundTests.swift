import Testing

@testable import Routing

struct OneTreeBoundTests {
    @Test(arguments: [31, 32, 33] as [UInt64])
    func boundsTheOptimumFromBelowAndClosely(seed: UInt64) throws {
        let problem = try InstanceGenerator.tsp(10, seed: seed)
        let optimum = Solver.solve(problem, options: SolverOptions(exactJobLimit: 10)).cost.distance
        let bound = TourImprover(Instance(problem)).lowerBound(upper: optimum)
        #expect(bound <= optimum + 1e-6)
        #expect(bound >= 0.9 * optimum)
    }

    @Test func theHeuristicReportsItsBound() throws {
        let problem = try InstanceGenerator.tsp(60, seed: 7)
        let solution = Solver.solve(problem, options: SolverOptions(seed: 1, iterationLimit: 200))
        let bound = try #require(solution.lowerBound)
        #expect(bound <= solution.cost.distance)
        #expect(bound >= 0.95 * solution.cost.distance)
    }
}
