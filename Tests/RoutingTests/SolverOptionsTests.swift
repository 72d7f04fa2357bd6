import Synchronization
import Testing

@testable import Routing

struct SolverOptionsTests {
    @Test func aTimeLimitStopsTheSearchByTheInjectedClock() throws {
        // A manual clock that advances one second per reading: the search reads it a bounded
        // number of times before the 50-second limit, whatever the machine's speed.
        let readings = Mutex(0)
        let clock: @Sendable () -> Double = {
            readings.withLock {
                $0 += 1
                return Double($0)
            }
        }
        let problem = try InstanceGenerator.vrptw(25, vehicles: 6, seed: 5)
        let solution = Solver.solve(problem, options: SolverOptions(seed: 1, timeLimit: 50, elapsedSeconds: clock))
        #expect(SolutionChecker(problem: problem).check(solution).isFeasible)
        #expect(readings.withLock { $0 } < 200)
    }

    @Test func anIterationLimitOverridesTheTimeLimit() throws {
        let problem = try InstanceGenerator.vrptw(25, vehicles: 6, seed: 6)
        let fast: @Sendable () -> Double = { 0 }
        let slow = Mutex(0.0)
        let slowClock: @Sendable () -> Double = {
            slow.withLock {
                $0 += 0.5
                return $0
            }
        }
        let a = Solver.solve(problem, options: SolverOptions(seed: 2, timeLimit: 1, iterationLimit: 150, elapsedSeconds: fast))
        let b = Solver.solve(problem, options: SolverOptions(seed: 2, timeLimit: 1, iterationLimit: 150, elapsedSeconds: slowClock))
        #expect(a == b)
    }
}
