import Testing

@testable import Routing

/// A depot at x = 0 and three jobs at x = 10, 20, 30 on a line; travel time equals distance.
struct SolutionCheckerTests {
    private func problem(jobs: [Job]? = nil, vehicle: Vehicle? = nil, groups: [JobGroup] = []) throws -> Problem {
        let matrix = Matrix.euclidean([0, 10, 20, 30].map { Point(x: $0, y: 0) })
        let defaultJobs = [
            Job(location: 1, serviceDuration: 5, timeWindows: [TimeWindow(start: 0, end: 5), TimeWindow(start: 50, end: 60)], demand: [2]),
            Job(location: 2, serviceDuration: 5, demand: [2]),
            Job(location: 3, serviceDuration: 5, demand: [2], requirement: .optional(penalty: 100)),
        ]
        return try Problem(
            distances: matrix, durations: matrix, jobs: jobs ?? defaultJobs,
            vehicles: [vehicle ?? Vehicle(start: 0, end: 0, shift: TimeWindow(start: 0, end: 100), capacity: [6])],
            groups: groups)
    }

    /// Depot → job 1 → job 2 → job 0 (second window) → depot: distance 20 + 10 + 20 + 10 + 10 = 80... see stops.
    private func validSolution() -> Solution {
        return Solution(
            routes: [
                Route(
                    vehicle: 0, departure: 0,
                    stops: [
                        Stop(job: 1, arrival: 20, serviceStart: 20),
                        Stop(job: 2, arrival: 35, serviceStart: 35),
                        Stop(job: 0, arrival: 60, serviceStart: 60),
                    ], arrival: 75, distance: 60)
            ],
            unassigned: [],
            cost: CostBreakdown(unservedMandatory: 0, unservedPenalty: 0, vehicles: 1, distance: 60, fixedCost: 0, distanceCost: 60))
    }

    @Test func acceptsAValidSolutionAndRecomputesItsCost() throws {
        let report = SolutionChecker(problem: try problem()).check(validSolution())
        #expect(report.violations == [])
        #expect(report.cost.distance == 60)
        #expect(report.cost.vehicles == 1)
    }

    @Test func findsAServiceOutsideEveryWindow() throws {
        var solution = validSolution()
        solution.routes[0].stops = [
            Stop(job: 0, arrival: 10, serviceStart: 30), Stop(job: 1, arrival: 45, serviceStart: 45),
            Stop(job: 2, arrival: 60, serviceStart: 60),
        ]
        solution.routes[0].arrival = 95
        solution.routes[0].distance = 60
        solution.cost.distance = 60
        solution.cost.distanceCost = 60
        let report = SolutionChecker(problem: try problem()).check(solution)
        #expect(report.violations == [.timeWindow(vehicle: 0, job: 0)])
    }

    @Test func findsInconsistentTimesAndShiftEnd() throws {
        var solution = validSolution()
        solution.routes[0].stops[0].arrival = 15
        solution.routes[0].arrival = 120
        let checker = SolutionChecker(problem: try problem())
        #expect(
            checker.check(solution).violations == [
                .inconsistentArrival(vehicle: 0, job: 1), .inconsistentArrival(vehicle: 0, job: nil), .shiftEnd(vehicle: 0),
            ])
    }

    @Test func findsCapacityJobsDistanceDurationAndLegLimits() throws {
        let vehicle = Vehicle(
            start: 0, end: 0, shift: TimeWindow(start: 0, end: 100), capacity: [5],
            maxDistance: 50, maxDuration: 70, maxJobs: 2, maxLegDistance: 15, maxLegDuration: 15)
        let report = SolutionChecker(problem: try problem(vehicle: vehicle)).check(validSolution())
        #expect(
            report.violations == [
                .legDistance(vehicle: 0, toJob: 1), .legDuration(vehicle: 0, toJob: 1),
                .legDistance(vehicle: 0, toJob: 0), .legDuration(vehicle: 0, toJob: 0),
                .capacity(vehicle: 0, dimension: 0), .routeJobs(vehicle: 0), .routeDistance(vehicle: 0), .routeDuration(vehicle: 0),
            ])
    }

    @Test func findsMissingDuplicateAndMandatoryJobs() throws {
        var solution = validSolution()
        solution.routes[0].stops.removeLast()
        solution.unassigned = [UnassignedJob(job: 1, reason: .infeasible([]))]
        let report = SolutionChecker(problem: try problem()).check(solution)
        #expect(report.violations.contains(.duplicateJob(job: 1)))
        #expect(report.violations.contains(.missingJob(job: 0)))
        #expect(report.violations.contains(.mandatoryUnserved(job: 0)))
        #expect(report.cost.unservedMandatory == 1)
    }

    @Test func countsOptionalPenaltiesAndComparesTheReportedCost() throws {
        let solution = Solution(
            routes: [
                Route(
                    vehicle: 0, departure: 0,
                    stops: [
                        Stop(job: 1, arrival: 20, serviceStart: 20),
                        Stop(job: 0, arrival: 35, serviceStart: 50),
                    ],
                    arrival: 65, distance: 40)
            ],
            unassigned: [UnassignedJob(job: 2, reason: .infeasible([]))],
            cost: CostBreakdown(unservedMandatory: 0, unservedPenalty: 100, vehicles: 1, distance: 40, fixedCost: 0, distanceCost: 40))
        let checker = SolutionChecker(problem: try problem())
        #expect(checker.check(solution).violations == [])
        var wrong = solution
        wrong.cost.unservedPenalty = 0
        #expect(checker.check(wrong).violations == [.costMismatch])
    }

    @Test func findsGroupSeparationAndMaximum() throws {
        let jobs = [Job(location: 1, group: 0), Job(location: 2, group: 0), Job(location: 3, group: 0)]
        let vehicle = Vehicle(start: 0, end: 0)
        let solution = Solution(
            routes: [
                Route(
                    vehicle: 0, departure: 0,
                    stops: [
                        Stop(job: 0, arrival: 10, serviceStart: 10),
                        Stop(job: 1, arrival: 20, serviceStart: 20),
                        Stop(job: 2, arrival: 30, serviceStart: 40),
                    ],
                    arrival: 70, distance: 60)
            ],
            unassigned: [],
            cost: CostBreakdown(unservedMandatory: 0, unservedPenalty: 0, vehicles: 1, distance: 60, fixedCost: 0, distanceCost: 60))
        let report = SolutionChecker(
            problem: try problem(
                jobs: jobs, vehicle: vehicle,
                groups: [JobGroup(minimumSeparation: 15, maximumServed: 2)])
        ).check(solution)
        #expect(report.violations == [.groupMaximum(group: 0), .groupSeparation(group: 0, first: 0, second: 1)])
    }

    @Test func findsMissingSkills() throws {
        let jobs = [Job(location: 1, skills: [7])]
        let solution = Solution(
            routes: [Route(vehicle: 0, departure: 0, stops: [Stop(job: 0, arrival: 10, serviceStart: 10)], arrival: 20, distance: 20)],
            unassigned: [],
            cost: CostBreakdown(unservedMandatory: 0, unservedPenalty: 0, vehicles: 1, distance: 20, fixedCost: 0, distanceCost: 20))
        let report = SolutionChecker(problem: try problem(jobs: jobs, vehicle: Vehicle(start: 0, end: 0, skills: [3]))).check(solution)
        #expect(report.violations == [.skills(vehicle: 0, job: 0)])
    }
}

extension SolutionCheckerTests {
    @Test func rejectsAnInfiniteServiceStart() throws {
        var solution = validSolution()
        solution.routes[0].stops[2].serviceStart = .infinity
        let report = SolutionChecker(problem: try problem()).check(solution)
        #expect(report.violations.contains(.timeWindow(vehicle: 0, job: 0)))
    }
}
