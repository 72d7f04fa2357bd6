import Testing

@testable import Routing

/// One visit offered two ways, as a re-plan offers an evening already announced: at its
/// current date with a bonus, or at any date without; the two jobs share a set of alternatives,
/// so at most one of them is served.
struct AlternativesTests {
    /// Five evenings (one vehicle each); a far village (location 1) and a near one (location 2).
    /// The far village's visit is job 0 (evening 0 only, worth `pinned`) or job 1 (any evening,
    /// worth 100); job 2 is the near village on evening 0 or 1, worth 100.
    private func problem(pinned: Double, sharing: Bool = true) throws -> Problem {
        let matrix = Matrix.euclidean([Point(x: 0, y: 0), Point(x: 30, y: 0), Point(x: 1, y: 0)])
        func evening(_ day: Int) -> TimeWindow { TimeWindow(start: Double(day) * 1000 + 500, end: Double(day) * 1000 + 500) }
        let jobs = [
            Job(
                location: 1, serviceDuration: 100, timeWindows: [evening(0)], requirement: .optional(penalty: pinned), group: 0,
                alternatives: sharing ? 7 : nil),
            Job(
                location: 1, serviceDuration: 100, timeWindows: (0..<5).map(evening), requirement: .optional(penalty: 100),
                group: 0, alternatives: sharing ? 7 : nil),
            Job(location: 2, serviceDuration: 100, timeWindows: [evening(0), evening(1)], requirement: .optional(penalty: 100)),
        ]
        let vehicles = (0..<5).map { day in
            Vehicle(start: 0, end: 0, shift: TimeWindow(start: Double(day) * 1000, end: Double(day) * 1000 + 900), maxJobs: 1)
        }
        return try Problem(
            distances: matrix, durations: matrix, jobs: jobs, vehicles: vehicles, groups: [JobGroup(maximumServed: 2)])
    }

    private func served(_ solution: Solution) -> Set<Int> { Set(solution.routes.flatMap { $0.stops.map(\.job) }) }

    @Test(arguments: [0.0, 1_000])
    func atMostOneOfASetIsServed(bonus: Double) throws {
        let problem = try problem(pinned: 100 + bonus)
        let solution = Solver.solve(problem, options: SolverOptions(seed: 1, iterationLimit: 200))
        #expect(SolutionChecker(problem: problem).check(solution).violations == [])
        // Without the set, the group's two visits would both go to the far village.
        #expect(served(solution).intersection([0, 1]).count == 1)
        #expect(served(solution).contains(2))
    }

    @Test func theBonusKeepsTheVisitAtItsDateOnlyWhenWorthMoreThanTheDetourItCauses() throws {
        // Evening 0 is wanted by both villages; the near one can take evening 1 instead at no cost.
        let kept = Solver.solve(try problem(pinned: 150), options: SolverOptions(seed: 1, iterationLimit: 200))
        #expect(served(kept) == [0, 2])
        let free = try problem(pinned: 100, sharing: false)
        let solution = Solver.solve(free, options: SolverOptions(seed: 1, iterationLimit: 200))
        #expect(served(solution).intersection([0, 1]).count == 2)
    }

    @Test func theCheckerRefusesTwoAlternativesServed() throws {
        let problem = try problem(pinned: 100, sharing: true)
        let free = try self.problem(pinned: 100, sharing: false)
        let both = Solver.solve(free, options: SolverOptions(seed: 1, iterationLimit: 200))
        try #require(served(both).isSuperset(of: [0, 1]))
        #expect(SolutionChecker(problem: problem).check(both).violations.contains(.alternatives(set: 7)))
    }

    @Test func aServedJobIsReplacedByItsAlternative() throws {
        let fixture = try MoveFixture(
            jobs: [Point(x: 10, y: 0), Point(x: 10, y: 1)], routes: [[0]],
            jobs: { Job(location: $0 + 1, requirement: .optional(penalty: $0 == 0 ? 30 : 60), alternatives: 0) })
        #expect(!fixture.state.hasRoom(for: 1))
        #expect(fixture.state.hasRoom(for: 1, replacing: 0))
        #expect(OptionalJobs().replace(fixture.state, 0, by: 1))
        #expect(fixture.routes == [[1]])
        #expect(fixture.isFeasible)
    }

    @Test func aNegativeSetIsRefused() throws {
        let matrix = Matrix.euclidean([Point(x: 0, y: 0), Point(x: 1, y: 0)])
        #expect(throws: ProblemError.jobAlternatives(job: 0, set: -1)) {
            try Problem(
                distances: matrix, durations: matrix, jobs: [Job(location: 1, alternatives: -1)], vehicles: [Vehicle(start: 0)])
        }
    }
}
