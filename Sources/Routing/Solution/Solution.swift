/// A stop on a route: the job served and when.
public struct Stop: Sendable, Hashable {
    /// Index of the job in `Problem.jobs`.
    public var job: Int
    /// Arrival at the job's location.
    public var arrival: Double
    /// Start of service (at or after arrival, inside one of the job's windows).
    public var serviceStart: Double

    /// Creates a stop.
    public init(job: Int, arrival: Double, serviceStart: Double) {
        self.job = job
        self.arrival = arrival
        self.serviceStart = serviceStart
    }
}

/// The route of one vehicle that serves at least one job.
public struct Route: Sendable, Hashable {
    /// Index of the vehicle in `Problem.vehicles`.
    public var vehicle: Int
    /// Departure from the vehicle's start location.
    public var departure: Double
    /// The stops in visiting order.
    public var stops: [Stop]
    /// Arrival at the end location (for an open route: end of the last service).
    public var arrival: Double
    /// Total distance travelled.
    public var distance: Double

    /// Creates a route.
    public init(vehicle: Int, departure: Double, stops: [Stop], arrival: Double, distance: Double) {
        self.vehicle = vehicle
        self.departure = departure
        self.stops = stops
        self.arrival = arrival
        self.distance = distance
    }

    /// Arrival at the end minus departure.
    public var duration: Double { arrival - departure }
}

/// The components of a solution's objective.
public struct CostBreakdown: Sendable, Hashable {
    /// Number of mandatory jobs left out (0 in a feasible solution).
    public var unservedMandatory: Int
    /// Sum of the penalties of optional jobs left out.
    public var unservedPenalty: Double
    /// Number of vehicles used.
    public var vehicles: Int
    /// Total distance of all routes.
    public var distance: Double
    /// Sum of the fixed costs of the used vehicles.
    public var fixedCost: Double
    /// Sum over routes of cost per distance times distance.
    public var distanceCost: Double

    /// Creates a breakdown.
    public init(
        unservedMandatory: Int, unservedPenalty: Double, vehicles: Int, distance: Double,
        fixedCost: Double, distanceCost: Double
    ) {
        self.unservedMandatory = unservedMandatory
        self.unservedPenalty = unservedPenalty
        self.vehicles = vehicles
        self.distance = distance
        self.fixedCost = fixedCost
        self.distanceCost = distanceCost
    }

    /// Fixed plus distance cost.
    public var cost: Double { fixedCost + distanceCost }
}

/// The answer of the solver.
public struct Solution: Sendable, Hashable {
    /// Routes of the vehicles used, ordered by vehicle index.
    public var routes: [Route]
    /// Jobs not served, ordered by job index, each with its reason.
    public var unassigned: [UnassignedJob]
    /// Objective components.
    public var cost: CostBreakdown
    /// Whether an exact method proved that no better solution exists.
    public var isProvenOptimal: Bool
    /// A lower bound on the objective's last criterion, when one is known: the optimum itself
    /// after an exact solve; the Held–Karp 1-tree bound on the distance for a plain TSP solved
    /// with `Objective.distance`.
    public var lowerBound: Double?

    /// Creates a solution.
    public init(
        routes: [Route], unassigned: [UnassignedJob], cost: CostBreakdown,
        isProvenOptimal: Bool = false, lowerBound: Double? = nil
    ) {
        self.routes = routes
        self.unassigned = unassigned
        self.cost = cost
        self.isProvenOptimal = isProvenOptimal
        self.lowerBound = lowerBound
    }
}
