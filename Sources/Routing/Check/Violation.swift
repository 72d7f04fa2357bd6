/// A broken rule found by `SolutionChecker`, with the indices needed to find it.
public enum Violation: Sendable, Hashable {
    /// A route names a vehicle that does not exist or that another route already uses.
    case invalidVehicle(route: Int, vehicle: Int)
    /// A route has no stop (unused vehicles must not be listed).
    case emptyRoute(vehicle: Int)
    /// A stop names a job that does not exist.
    case unknownJob(vehicle: Int, job: Int)
    /// A job is served more than once, or is both served and listed as unassigned.
    case duplicateJob(job: Int)
    /// A job is neither served nor listed as unassigned.
    case missingJob(job: Int)
    /// A mandatory job is left out.
    case mandatoryUnserved(job: Int)
    /// The vehicle lacks a skill the job requires.
    case skills(vehicle: Int, job: Int)
    /// Departure before the start of the shift.
    case departureBeforeShift(vehicle: Int)
    /// A reported arrival differs from the previous departure plus travel time.
    case inconsistentArrival(vehicle: Int, job: Int?)
    /// Service starts before arrival or outside every window of the job.
    case timeWindow(vehicle: Int, job: Int)
    /// Arrival at the end after the end of the shift.
    case shiftEnd(vehicle: Int)
    /// Load above capacity in dimension `dimension`.
    case capacity(vehicle: Int, dimension: Int)
    /// More jobs than the vehicle's maximum.
    case routeJobs(vehicle: Int)
    /// Route distance above the vehicle's maximum.
    case routeDistance(vehicle: Int)
    /// Route duration above the vehicle's maximum.
    case routeDuration(vehicle: Int)
    /// A leg longer (in distance) than the vehicle's maximum, ending at `toJob` (nil: the end).
    case legDistance(vehicle: Int, toJob: Int?)
    /// A leg longer (in duration) than the vehicle's maximum, ending at `toJob` (nil: the end).
    case legDuration(vehicle: Int, toJob: Int?)
    /// Two jobs of a group start closer than the group's minimum separation.
    case groupSeparation(group: Int, first: Int, second: Int)
    /// More jobs of a group served than its maximum.
    case groupMaximum(group: Int)
    /// More than one job of a set of alternatives served.
    case alternatives(set: Int)
    /// The reported route distance differs from the recomputed one.
    case routeDistanceMismatch(vehicle: Int)
    /// The reported cost breakdown differs from the recomputed one.
    case costMismatch
}
