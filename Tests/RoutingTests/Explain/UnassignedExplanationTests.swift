import Testing

@testable import Routing

/// Each case is built so that exactly one constraint keeps job 1 (at x = 10, or 20 for the leg
/// cases) out of the only vehicle's route; job 0 is an easy job at x = 1.
struct UnassignedExplanationTests {
    private static let matrix = Matrix.euclidean([0, 1, 10, 20].map { Point(x: $0, y: 0) })

    private static func problem(
        _ second: Job, vehicle: Vehicle = .roundTrip(depot: 0),
        groups: [JobGroup] = [], first: Job = Job(location: 1)
    ) throws -> Problem {
        try Problem(distances: matrix, durations: matrix, jobs: [first, second], vehicles: [vehicle], groups: groups)
    }

    private func reason(_ problem: Problem, heuristic: Bool = false) -> UnassignedReason? {
        let options = SolverOptions(seed: 1, iterationLimit: 20, exactJobLimit: heuristic ? 0 : 10)
        let solution = Solver.solve(problem, options: options)
        #expect(SolutionChecker(problem: problem).check(solution).violations.allSatisfy { $0 == .mandatoryUnserved(job: 1) })
        return solution.unassigned.first { $0.job == 1 }?.reason
    }

    private func only(_ obstacle: InsertionObstacle) -> UnassignedReason {
        .infeasible([VehicleObstacles(vehicle: 0, obstacles: [obstacle])])
    }

    @Test func skills() throws {
        #expect(reason(try Self.problem(Job(location: 2, skills: [4]))) == only(.skills))
    }

    @Test func capacity() throws {
        let vehicle = Vehicle.roundTrip(depot: 0, capacity: [5])
        let problem = try Self.problem(Job(location: 2, demand: [4]), vehicle: vehicle, first: Job(location: 1, demand: [3]))
        #expect(reason(problem) == only(.capacity))
    }

    @Test func timeWindows() throws {
        #expect(reason(try Self.problem(Job(location: 2, timeWindows: [TimeWindow(start: 0, end: 5)]))) == only(.timeWindows))
    }

    @Test func groupSeparation() throws {
        let window = [TimeWindow(start: 10, end: 20)]
        let problem = try Self.problem(
            Job(location: 2, timeWindows: window, requirement: .optional(penalty: 50), group: 0),
            groups: [JobGroup(minimumSeparation: 100)],
            first: Job(location: 2, timeWindows: window, requirement: .optional(penalty: 60), group: 0))
        #expect(reason(problem, heuristic: true) == only(.groupSeparation))
    }

    @Test func groupMaximum() throws {
        let problem = try Self.problem(
            Job(location: 2, requirement: .optional(penalty: 50), group: 0),
            groups: [JobGroup(maximumServed: 1)],
            first: Job(location: 2, requirement: .optional(penalty: 60), group: 0))
        #expect(reason(problem) == only(.groupMaximum))
        #expect(reason(problem, heuristic: true) == only(.groupMaximum))
    }

    @Test func routeLimits() throws {
        let distance = Vehicle(start: 0, end: 0, maxDistance: 15)
        #expect(reason(try Self.problem(Job(location: 2), vehicle: distance)) == only(.routeDistance))
        let duration = Vehicle(start: 0, end: 0, maxDuration: 15)
        #expect(reason(try Self.problem(Job(location: 2), vehicle: duration)) == only(.routeDuration))
        let jobs = Vehicle(start: 0, end: 0, maxJobs: 1)
        #expect(reason(try Self.problem(Job(location: 2), vehicle: jobs)) == only(.routeJobs))
    }

    @Test func legLimits() throws {
        // Reaching x = 20 needs a leg of at least 10 from x = 10 or 19 from x = 1.
        let legDistance = Vehicle(start: 0, end: nil, maxLegDistance: 9)
        let problem = try Self.problem(Job(location: 3), vehicle: legDistance, first: Job(location: 2))
        let solution = Solver.solve(problem, options: SolverOptions(seed: 1, iterationLimit: 20))
        #expect(solution.unassigned.map(\.job) == [0, 1])
        #expect(solution.unassigned[1].reason == only(.legDistance))
        let legDuration = Vehicle(start: 0, end: nil, maxLegDuration: 9)
        #expect(reason(try Self.problem(Job(location: 3), vehicle: legDuration)) == only(.legDuration))
    }

    @Test func penaltyBelowInsertionCost() throws {
        let problem = try Self.problem(Job(location: 2, requirement: .optional(penalty: 5)))
        #expect(reason(problem) == .penaltyBelowInsertionCost(penalty: 5, insertionCost: 18))
        #expect(reason(problem, heuristic: true) == .penaltyBelowInsertionCost(penalty: 5, insertionCost: 18))
    }
}
