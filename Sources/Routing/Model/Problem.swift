/// A vehicle-routing problem: matrices, jobs, vehicles, groups and the objective. Validated once
/// at creation so the solver never meets inconsistent data.
public struct Problem: Sendable, Hashable {
    /// Travel distances between locations.
    public let distances: Matrix
    /// Travel durations between locations, in the unit of windows and service durations.
    public let durations: Matrix
    /// The jobs; a job is referred to by its index here.
    public let jobs: [Job]
    /// The vehicles; a vehicle is referred to by its index here.
    public let vehicles: [Vehicle]
    /// The groups that `Job.group` refers to.
    public let groups: [JobGroup]
    /// How solutions are ranked.
    public let objective: Objective

    /// Number of locations.
    public var locationCount: Int { distances.count }

    /// Number of capacity dimensions (the longest demand; jobs without demand count as zero).
    public let capacityDimensions: Int

    /// Creates and validates a problem; O(n² + jobs × windows).
    public init(
        distances: Matrix,
        durations: Matrix,
        jobs: [Job],
        vehicles: [Vehicle],
        groups: [JobGroup] = [],
        objective: Objective = .weighted()
    ) throws(ProblemError) {
        guard distances.count == durations.count else {
            throw .matrixMismatch(distances: distances.count, durations: durations.count)
        }
        guard !vehicles.isEmpty else { throw .noVehicle }
        let n = distances.count
        let dimensions = jobs.map(\.demand.count).max() ?? 0
        for (index, job) in jobs.enumerated() {
            guard (0..<n).contains(job.location) else { throw .jobLocation(job: index, location: job.location) }
            guard job.demand.isEmpty || job.demand.count == dimensions else {
                throw .demandDimensions(job: index, expected: dimensions, found: job.demand.count)
            }
            guard job.serviceDuration >= 0, job.penalty >= 0, job.demand.allSatisfy({ $0 >= 0 }) else {
                throw .negativeValue(job: index)
            }
            var previousEnd = -Double.infinity
            for (position, window) in job.timeWindows.enumerated() {
                guard window.start <= window.end, position == 0 || window.start > previousEnd else {
                    throw .jobWindows(job: index)
                }
                previousEnd = window.end
            }
            if let group = job.group, !(0..<groups.count).contains(group) {
                throw .jobGroup(job: index, group: group)
            }
            if let set = job.alternatives, set < 0 { throw .jobAlternatives(job: index, set: set) }
        }
        for (index, vehicle) in vehicles.enumerated() {
            guard (0..<n).contains(vehicle.start) else { throw .vehicleLocation(vehicle: index, location: vehicle.start) }
            if let end = vehicle.end, !(0..<n).contains(end) { throw .vehicleLocation(vehicle: index, location: end) }
            guard vehicle.shift.start.isFinite, vehicle.shift.start <= vehicle.shift.end else { throw .vehicleShift(vehicle: index) }
            guard vehicle.capacity.isEmpty || vehicle.capacity.count == dimensions else {
                throw .capacityDimensions(vehicle: index, expected: dimensions, found: vehicle.capacity.count)
            }
        }
        self.distances = distances
        self.durations = durations
        self.jobs = jobs
        self.vehicles = vehicles
        self.groups = groups
        self.objective = objective
        self.capacityDimensions = dimensions
    }
}
