/// A benchmark instance as read from a TSPLIB, VRPLIB or Solomon file, independent of the solver's own model.
///
/// Nodes are numbered `0..<nodeCount` in file order: TSPLIB/VRPLIB node id − 1, Solomon customer number.
/// Per-node arrays (`demands`, `serviceTimes`, `timeWindows`) are either empty (the format has no such data)
/// or hold exactly `nodeCount` values, the depot's included.
public struct BenchmarkInstance: Equatable, Sendable {
    /// The problem class a file describes.
    public enum Kind: String, Sendable {
        /// Symmetric travelling salesman problem (TSPLIB `TYPE: TSP`).
        case tsp
        /// Capacitated vehicle routing problem (VRPLIB `TYPE: CVRP`).
        case cvrp
        /// Vehicle routing problem with time windows (Solomon, Gehring–Homberger, VRPLIB `TYPE: VRPTW`).
        case vrptw
    }

    /// A point in the plane, or (for `.geo`) latitude and longitude written `DDD.MM`.
    public struct Point: Equatable, Sendable {
        /// First coordinate as written in the file (latitude for `.geo`).
        public var x: Double
        /// Second coordinate as written in the file (longitude for `.geo`).
        public var y: Double
        /// Makes a point from the two coordinates of a file.
        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// The single interval in which service must start at a node (these formats give one per node).
    public struct TimeWindow: Equatable, Sendable {
        /// Earliest start of service (Solomon `READY TIME`).
        public var earliest: Double
        /// Latest start of service (Solomon `DUE DATE`); for the depot, the latest return.
        public var latest: Double
        /// Makes a window `[earliest, latest]`.
        public init(earliest: Double, latest: Double) {
            self.earliest = earliest
            self.latest = latest
        }
    }

    /// The instance's name (the file's `NAME`, or the Solomon title line).
    public var name: String
    /// TSP, CVRP or VRPTW.
    public var kind: Kind
    /// How distances are computed, and how costs are rounded when reported.
    public var convention: DistanceConvention
    /// One point per node; empty when the file gives only an explicit matrix.
    public var coordinates: [Point]
    /// Row-major `nodeCount × nodeCount` distances when the file lists them (`.explicit`), else nil.
    public var explicitDistances: [Double]?
    /// Index of the depot (TSP: the first city, where the identity tour starts).
    public var depotIndex: Int
    /// Demand per node (depot 0); empty for a TSP.
    public var demands: [Int]
    /// Vehicle capacity; nil for a TSP.
    public var capacity: Int?
    /// Maximum number of vehicles when the file states one (Solomon `NUMBER`, VRPLIB `VEHICLES`); nil otherwise.
    public var vehicleLimit: Int?
    /// Service duration per node (depot 0); empty without time windows.
    public var serviceTimes: [Double]
    /// Time window per node, the depot's being the planning horizon; empty without time windows.
    public var timeWindows: [TimeWindow]
    /// Number of nodes, depot included.
    public var nodeCount: Int

    /// Makes an instance; readers check the invariants (array sizes, depot in range) before calling this.
    public init(
        name: String, kind: Kind, convention: DistanceConvention, coordinates: [Point],
        explicitDistances: [Double]?, depotIndex: Int, demands: [Int], capacity: Int?, vehicleLimit: Int?,
        serviceTimes: [Double], timeWindows: [TimeWindow], nodeCount: Int
    ) {
        self.name = name
        self.kind = kind
        self.convention = convention
        self.coordinates = coordinates
        self.explicitDistances = explicitDistances
        self.depotIndex = depotIndex
        self.demands = demands
        self.capacity = capacity
        self.vehicleLimit = vehicleLimit
        self.serviceTimes = serviceTimes
        self.timeWindows = timeWindows
        self.nodeCount = nodeCount
    }

    /// The distance from node `from` to node `to` under the instance's convention (0 from a node to itself).
    public func distance(from: Int, to: Int) -> Double {
        if let explicitDistances {
            return explicitDistances[from * nodeCount + to]
        }
        if from == to {
            return 0
        }
        return convention.distance(from: coordinates[from], to: coordinates[to])
    }

    /// The full row-major `nodeCount × nodeCount` matrix; O(n²) time and memory (8 MB for 1 000 nodes).
    public func distanceMatrix() -> [Double] {
        if let explicitDistances {
            return explicitDistances
        }
        var matrix = [Double](repeating: 0, count: nodeCount * nodeCount)
        for from in 0..<nodeCount {
            for to in 0..<nodeCount where to != from {
                matrix[from * nodeCount + to] = convention.distance(from: coordinates[from], to: coordinates[to])
            }
        }
        return matrix
    }

    /// Total distance of routes given as node indices without the depot, each run depot → nodes → depot; O(total length).
    ///
    /// Empty routes cost nothing; a TSP tour is one route holding every node but the depot.
    public func distance(ofRoutes routes: [[Int]]) -> Double {
        var total = 0.0
        for route in routes where !route.isEmpty {
            var previous = depotIndex
            for node in route {
                total += distance(from: previous, to: node)
                previous = node
            }
            total += distance(from: previous, to: depotIndex)
        }
        return total
    }

    /// The number a route file uses for a node: the depot is 0 and the others keep their order (anchors README).
    ///
    /// Identical to the node index when the depot is node 0, as in every shipped file.
    public func routeFileNumber(ofNode node: Int) -> Int {
        if node == depotIndex {
            return 0
        }
        return node < depotIndex ? node + 1 : node
    }

    /// The node index for a number read from a route file (inverse of `routeFileNumber(ofNode:)`), nil when out of range.
    public func node(forRouteFileNumber number: Int) -> Int? {
        guard number >= 0, number < nodeCount else {
            return nil
        }
        if number == 0 {
            return depotIndex
        }
        return number <= depotIndex ? number - 1 : number
    }
}
