import Foundation
import Testing

@testable import Routing

/// Route elimination, on fleets built one job per route so that every route but a few can go.
struct FleetMinimisationTests {
    /// Twelve customers on a circle of radius 10 around the depot, one route each.
    private func singletons(capacity: Double, window: TimeWindow? = nil) throws -> MoveFixture {
        let points = (0..<12).map { k in
            Point(x: 10 * cos(Double(k) * .pi / 6), y: 10 * sin(Double(k) * .pi / 6))
        }
        return try MoveFixture(
            jobs: points, routes: (0..<12).map { [$0] },
            jobs: { Job(location: $0 + 1, timeWindows: window.map { [$0] } ?? [], demand: [1]) },
            vehicle: .roundTrip(depot: 0, capacity: [capacity]))
    }

    private func iterations(_ limit: Int) -> Budget { Budget(SolverOptions(iterationLimit: limit)) }

    @Test func removesRoutesDownToTheCapacityBound() throws {
        let fixture = try singletons(capacity: 4)
        var rng = SplitMix64(seed: 3)
        let (best, used) = FleetMinimisation().search(fixture.state, budget: iterations(5_000), rng: &rng)
        #expect(best.routes.filter { $0.count > 0 }.count == 3)
        #expect(best.unassigned.isEmpty)
        #expect(used < 5_000, "the phase stops once the bound of 3 vehicles is reached")
        #expect(SolutionChecker(problem: fixture.problem).check(best.solution()).isFeasible)
    }

    @Test func keepsEveryRouteWhenNoneCanGoAndStopsWhenStalled() throws {
        // Every customer must be served at time 10, 10 away from the depot and over 5 from any
        // other: each needs its own vehicle.
        let fixture = try singletons(capacity: 12, window: TimeWindow(start: 10, end: 10))
        var rng = SplitMix64(seed: 3)
        let (best, used) = FleetMinimisation().search(fixture.state, budget: iterations(2_000), rng: &rng)
        #expect(best.routes.filter { $0.count > 0 }.count == 12)
        #expect(best.unassigned.isEmpty)
        #expect(used <= 1_000, "five eliminations in a row without fewer jobs left out end the phase")
    }

    @Test func triesTheNextRouteWhenTheSmallestCannotGo() throws {
        // The smallest route holds a job that fills a vehicle: it can never go, the next one can.
        // Two neighbours per job keep the ruins around the others away from it.
        let points = [Point(x: 1, y: 0), Point(x: 5, y: 0), Point(x: 5, y: 1), Point(x: 6, y: 0), Point(x: 6, y: 1), Point(x: 6, y: 2)]
        let fixture = try MoveFixture(
            jobs: points, routes: [],
            jobs: { Job(location: $0 + 1, demand: [$0 == 0 ? 6 : 1]) },
            vehicle: .roundTrip(depot: 0, capacity: [6]))
        let problem = try Problem(
            distances: fixture.problem.distances, durations: fixture.problem.durations,
            jobs: fixture.problem.jobs, vehicles: Array(repeating: fixture.problem.vehicles[0], count: 3))
        let state = SearchState(Instance(problem, neighbourCount: 2))
        for (r, jobs) in [[0], [1, 2], [3, 4, 5]].enumerated() { state.setJobs(r, jobs) }
        var rng = SplitMix64(seed: 5)
        let (best, _) = FleetMinimisation().search(state, budget: iterations(2_000), rng: &rng)
        let routes = best.routes.map(\.jobs).filter { !$0.isEmpty }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
        #expect(routes == [[0], [1, 2, 3, 4, 5]])
    }

    @Test func lowerBoundTakesTheLargestCapacitiesFirst() throws {
        let matrix = Matrix.euclidean([Point(x: 0, y: 0), Point(x: 1, y: 0)])
        let jobs = [Job](repeating: Job(location: 1, demand: [3, 1]), count: 4)
        let equal = try Problem(
            distances: matrix, durations: matrix, jobs: jobs,
            vehicles: Array(repeating: .roundTrip(depot: 0, capacity: [5, 10]), count: 4))
        #expect(FleetMinimisation.vehicleLowerBound(Instance(equal)) == 3)
        let mixed = try Problem(
            distances: matrix, durations: matrix, jobs: jobs,
            vehicles: [
                .roundTrip(depot: 0, capacity: [2, 2]), .roundTrip(depot: 0, capacity: [10, 2]),
                .roundTrip(depot: 0, capacity: [2, 2]),
            ])
        #expect(FleetMinimisation.vehicleLowerBound(Instance(mixed)) == 2)
    }

    @Test func appliesOnlyWhenVehiclesComeBeforeCostAndEveryJobIsMandatory() throws {
        let matrix = Matrix.euclidean([Point(x: 0, y: 0), Point(x: 1, y: 0), Point(x: 2, y: 0)])
        func instance(_ objective: Objective, optional: Bool = false) throws -> Instance {
            let jobs = [Job(location: 1), Job(location: 2, requirement: optional ? .optional(penalty: 5) : .mandatory)]
            return Instance(
                try Problem(
                    distances: matrix, durations: matrix, jobs: jobs,
                    vehicles: [.roundTrip(depot: 0), .roundTrip(depot: 0)], objective: objective))
        }
        #expect(FleetMinimisation.applies(to: try instance(.hierarchical)))
        #expect(!FleetMinimisation.applies(to: try instance(.hierarchical, optional: true)))
        #expect(!FleetMinimisation.applies(to: try instance(.distance)))
        #expect(!FleetMinimisation.applies(to: try instance(.lexicographic([.cost, .vehicles]))))
    }

    @Test func budgetSplitsIterationsBetweenPhases() {
        let budget = iterations(1_000)
        #expect(budget.leading(0.4).iterationLimit == 400)
        #expect(budget.remainder(afterIterations: 150).iterationLimit == 850)
        #expect(budget.remainder(afterIterations: 1_500).isExhausted(0))
    }

    @Test func budgetSplitsTimeBetweenPhases() {
        let clock = FakeClock()
        let budget = Budget(SolverOptions(timeLimit: 10, elapsedSeconds: { clock.now }))
        clock.now = 1
        let fleet = budget.leading(0.4)
        #expect(fleet.timeLimit == 3, "4 s in all, 1 already used")
        clock.now = 2.5
        #expect(fleet.progress(0) == 0.5)
        clock.now = 4
        #expect(fleet.isExhausted(0))
        let rest = budget.remainder(afterIterations: 0)
        #expect(rest.timeLimit == 6 && rest.progress(0) == 0)
        clock.now = 10
        #expect(rest.isExhausted(0) && rest.overtime?() == false)
        clock.now = 10.4
        #expect(rest.overtime?() == true, "5 % of the 6 s phase")
    }

    @Test func assignBetweenStatesWithTheirOwnCountersRenumbersRoutes() throws {
        // Two states numbered by different counters: versions copied across must not collide.
        let fixture = try singletons(capacity: 12)
        let other = SearchState(fixture.state.instance)
        for r in 0..<12 { other.setJobs(r, [r]) }
        other.remove([1])
        other.insert(1, route: 0, after: 1)
        let copy = fixture.state.copy()
        fixture.state.assign(from: other)
        copy.remove([2])
        copy.insert(2, route: 0, after: 1)
        fixture.state.assign(from: copy)
        #expect(fixture.state.routes.map(\.jobs) == copy.routes.map(\.jobs))
    }

    @Test func assignCopiesBackOnlyWhatChangedAndEndsEqual() throws {
        let fixture = try singletons(capacity: 12)
        let copy = fixture.state.copy()
        copy.remove([0, 5])
        copy.insert(0, route: 1, after: 1)
        fixture.state.assign(from: copy)
        #expect(fixture.state.routes.map(\.jobs) == copy.routes.map(\.jobs))
        #expect(fixture.state.unassigned == [5])
        #expect(fixture.state.placeOf == copy.placeOf && fixture.state.positionOf == copy.positionOf)
        fixture.state.insert(5, route: 0, after: 0)
        copy.assign(from: fixture.state)
        #expect(copy.routes.map(\.jobs) == fixture.state.routes.map(\.jobs))
        #expect(copy.routes.map(\.distance) == fixture.state.routes.map(\.distance))
        #expect(copy.unassigned.isEmpty)
    }
}

/// A clock the test moves by hand.
private final class FakeClock: @unchecked Sendable {
    var now = 0.0
}
