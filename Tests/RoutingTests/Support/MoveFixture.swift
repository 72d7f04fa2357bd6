@testable import Routing

/// A search state over hand-placed points (location 0 is the depot at the first point), with
/// identical round-trip vehicles and the given initial routes.
struct MoveFixture {
    let problem: Problem
    let state: SearchState

    init(
        depot: Point = Point(x: 0, y: 0), jobs points: [Point], routes: [[Int]], jobs customise: ((Int) -> Job)? = nil,
        vehicle: Vehicle = .roundTrip(depot: 0)
    ) throws {
        let matrix = Matrix.euclidean([depot] + points)
        let jobs = points.indices.map { customise?($0) ?? Job(location: $0 + 1) }
        problem = try Problem(
            distances: matrix, durations: matrix, jobs: jobs,
            vehicles: Array(repeating: vehicle, count: max(routes.count, 1)))
        state = SearchState(Instance(problem))
        for (r, route) in routes.enumerated() { state.setJobs(r, route) }
    }

    /// The job sequences of the routes.
    var routes: [[Int]] { state.routes.map(\.jobs) }

    /// Whether the state, as a public solution, passes the independent checker.
    var isFeasible: Bool { SolutionChecker(problem: problem).check(state.solution()).isFeasible }
}
