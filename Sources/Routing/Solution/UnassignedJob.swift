/// A constraint that forbids placing a job somewhere.
public enum InsertionObstacle: Int, Sendable, Hashable, Comparable, CaseIterable {
    /// The vehicle lacks a skill the job requires.
    case skills
    /// The route's load would exceed the vehicle's capacity.
    case capacity
    /// No window of the job (or the vehicle's shift end) can be met from that position.
    case timeWindows
    /// Another served job of the group starts too close in time.
    case groupSeparation
    /// The group already has its maximum number of jobs served.
    case groupMaximum
    /// The route would exceed the vehicle's maximum distance.
    case routeDistance
    /// The route would exceed the vehicle's maximum duration.
    case routeDuration
    /// The route would exceed the vehicle's maximum number of jobs.
    case routeJobs
    /// A leg would exceed the vehicle's maximum single-leg distance.
    case legDistance
    /// A leg would exceed the vehicle's maximum single-leg duration.
    case legDuration

    /// Orders obstacles by declaration.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What forbade a job on one vehicle: the distinct obstacles met over every position of its route.
public struct VehicleObstacles: Sendable, Hashable {
    /// Index of the vehicle.
    public var vehicle: Int
    /// Distinct obstacles, sorted, met at the route's positions.
    public var obstacles: [InsertionObstacle]

    /// Creates the obstacles of one vehicle.
    public init(vehicle: Int, obstacles: [InsertionObstacle]) {
        self.vehicle = vehicle
        self.obstacles = obstacles
    }
}

/// Why a job was left out.
public enum UnassignedReason: Sendable, Hashable {
    /// Every place (vehicle × position) is forbidden; the obstacles per vehicle say by what.
    case infeasible([VehicleObstacles])
    /// The job could be inserted, but its cheapest insertion would make the objective worse than
    /// paying its penalty (`insertionCost` is the cost increase of that insertion).
    case penaltyBelowInsertionCost(penalty: Double, insertionCost: Double)
}

/// A job that the solution does not serve, with the reason.
public struct UnassignedJob: Sendable, Hashable {
    /// Index of the job.
    public var job: Int
    /// Why it is left out.
    public var reason: UnassignedReason

    /// Creates an unassigned job.
    public init(job: Int, reason: UnassignedReason) {
        self.job = job
        self.reason = reason
    }
}
