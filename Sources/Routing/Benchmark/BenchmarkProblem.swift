/// A benchmark instance turned into the solver's model, with the table to map routes back to nodes.
///
/// Every node but the depot becomes one mandatory job at its own location (job `j` serves
/// `jobNodes[j]`); the matrix is the instance's own, under its distance convention, and doubles as
/// the travel-time matrix (Solomon, Gehring–Homberger and DIMACS: travel time = distance).
/// - TSP: one vehicle on a round trip from the first city.
/// - CVRP: identical vehicles of the file's capacity from the depot, as many as the file allows,
///   or one per customer when it states no fleet (so the fleet never binds).
/// - VRPTW: the same, each vehicle's shift being the depot's window (leave at its opening, back by
///   its due date), each customer with its service time and its one window for the start of service.
public struct BenchmarkProblem: Sendable {
    /// The instance as read.
    public let instance: BenchmarkInstance
    /// The solver's problem.
    public let problem: Problem
    /// The node each job serves, by job index (every node but the depot, in node order).
    public let jobNodes: [Int]
    /// The objective the solver is given: the one asked for a VRPTW, distance for a TSP or CVRP.
    public let objective: BenchmarkObjective

    /// Maps `instance` with `objective` (TSP and CVRP always minimise distance); O(n²) for the matrix.
    public init(instance: BenchmarkInstance, objective: BenchmarkObjective) throws(ProblemError) {
        self.instance = instance
        let depot = instance.depotIndex
        let nodes = (0..<instance.nodeCount).filter { $0 != depot }
        let matrix = try Matrix(count: instance.nodeCount, values: ContiguousArray(instance.distanceMatrix()))
        let hasWindows = instance.kind == .vrptw && !instance.timeWindows.isEmpty
        let jobs = nodes.map { node in
            Job(
                location: node,
                serviceDuration: instance.serviceTimes.isEmpty ? 0 : instance.serviceTimes[node],
                timeWindows: hasWindows ? [Self.window(instance.timeWindows[node])] : [],
                demand: instance.capacity == nil ? [] : [Double(instance.demands[node])])
        }
        let shift = hasWindows ? Self.window(instance.timeWindows[depot]) : TimeWindow(start: 0, end: .infinity)
        let capacity = instance.capacity.map { [Double($0)] } ?? []
        let fleet = instance.kind == .tsp ? 1 : max(1, instance.vehicleLimit ?? nodes.count)
        let vehicles = Array(repeating: Vehicle.roundTrip(depot: depot, shift: shift, capacity: capacity), count: fleet)
        self.objective = instance.kind == .vrptw ? objective : .distance
        problem = try Problem(
            distances: matrix, durations: matrix, jobs: jobs, vehicles: vehicles,
            objective: self.objective == .hierarchical ? .hierarchical : .distance)
        jobNodes = nodes
    }

    /// The objective the literature ranks this instance by: vehicles first for Solomon and
    /// Gehring–Homberger text files, distance for TSPs, CVRPs and the DIMACS VRPLIB files.
    public static func literatureObjective(of instance: BenchmarkInstance) -> BenchmarkObjective {
        instance.kind == .vrptw && instance.convention == .realEuclidean ? .hierarchical : .distance
    }

    /// The solution's routes as node indices without the depot, in route order; O(stops).
    public func nodeRoutes(of solution: Solution) -> [[Int]] {
        solution.routes.map { route in route.stops.map { jobNodes[$0.job] } }
    }

    private static func window(_ window: BenchmarkInstance.TimeWindow) -> TimeWindow {
        TimeWindow(start: window.earliest, end: window.latest)
    }
}
