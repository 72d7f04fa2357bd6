/// Recomputes a solution's cost and every constraint from scratch, sharing no code with the
/// search, so that tests and `check` mode can trust neither the solver nor a file.
public struct SolutionChecker: Sendable {
    /// The problem solutions are checked against.
    public let problem: Problem
    /// Relative tolerance on time and distance comparisons.
    public let tolerance: Double

    /// Creates a checker for `problem`.
    public init(problem: Problem, tolerance: Double = 1e-6) {
        self.problem = problem
        self.tolerance = tolerance
    }

    /// What the checker found.
    public struct Report: Sendable, Hashable {
        /// Every broken rule, in the order found.
        public var violations: [Violation]
        /// The cost recomputed from the routes.
        public var cost: CostBreakdown
        /// Whether no rule is broken.
        public var isFeasible: Bool { violations.isEmpty }
    }

    /// Checks `solution`; O(total stops + group sizes² + jobs).
    public func check(_ solution: Solution) -> Report {
        var violations: [Violation] = []
        var seen = [Bool](repeating: false, count: problem.jobs.count)
        var vehicleUsed = [Bool](repeating: false, count: problem.vehicles.count)
        var starts: [(job: Int, start: Double)] = []
        var cost = CostBreakdown(
            unservedMandatory: 0, unservedPenalty: 0, vehicles: 0, distance: 0,
            fixedCost: 0, distanceCost: 0)
        for (index, route) in solution.routes.enumerated() {
            guard (0..<problem.vehicles.count).contains(route.vehicle), !vehicleUsed[route.vehicle] else {
                violations.append(.invalidVehicle(route: index, vehicle: route.vehicle))
                continue
            }
            vehicleUsed[route.vehicle] = true
            guard !route.stops.isEmpty else {
                violations.append(.emptyRoute(vehicle: route.vehicle))
                continue
            }
            let distance = checkRoute(route, seen: &seen, starts: &starts, violations: &violations)
            let vehicle = problem.vehicles[route.vehicle]
            cost.vehicles += 1
            cost.distance += distance
            cost.fixedCost += vehicle.fixedCost
            cost.distanceCost += vehicle.costPerDistance * distance
        }
        var listed = [Bool](repeating: false, count: problem.jobs.count)
        for entry in solution.unassigned {
            guard (0..<problem.jobs.count).contains(entry.job) else {
                violations.append(.unknownJob(vehicle: -1, job: entry.job))
                continue
            }
            if seen[entry.job] || listed[entry.job] { violations.append(.duplicateJob(job: entry.job)) }
            listed[entry.job] = true
        }
        for (index, job) in problem.jobs.enumerated() where !seen[index] {
            if !listed[index] { violations.append(.missingJob(job: index)) }
            if job.isMandatory {
                violations.append(.mandatoryUnserved(job: index))
                cost.unservedMandatory += 1
            } else {
                cost.unservedPenalty += job.penalty
            }
        }
        checkGroups(starts, violations: &violations)
        if !matches(cost, solution.cost) { violations.append(.costMismatch) }
        return Report(violations: violations, cost: cost)
    }

    /// Equal within tolerance; an infinite or NaN time never passes for a finite one.
    private func close(_ a: Double, _ b: Double) -> Bool {
        a == b || (a.isFinite && b.isFinite && abs(a - b) <= tolerance * max(1, abs(a), abs(b)))
    }

    private func atMost(_ a: Double, _ b: Double) -> Bool { a <= b || close(a, b) }

    private func matches(_ a: CostBreakdown, _ b: CostBreakdown) -> Bool {
        a.unservedMandatory == b.unservedMandatory && a.vehicles == b.vehicles
            && close(a.unservedPenalty, b.unservedPenalty) && close(a.distance, b.distance)
            && close(a.fixedCost, b.fixedCost) && close(a.distanceCost, b.distanceCost)
    }

    /// Checks one non-empty route and returns its recomputed distance.
    private func checkRoute(
        _ route: Route, seen: inout [Bool], starts: inout [(job: Int, start: Double)],
        violations: inout [Violation]
    ) -> Double {
        let v = route.vehicle
        let vehicle = problem.vehicles[v]
        var load = [Double](repeating: 0, count: problem.capacityDimensions)
        var location = vehicle.start
        var leave = route.departure
        var distance = 0.0
        if !atMost(vehicle.shift.start, route.departure) { violations.append(.departureBeforeShift(vehicle: v)) }
        func leg(to next: Int, job: Int?) {
            let legDistance = problem.distances[location, next]
            let legDuration = problem.durations[location, next]
            if let limit = vehicle.maxLegDistance, !atMost(legDistance, limit) {
                violations.append(.legDistance(vehicle: v, toJob: job))
            }
            if let limit = vehicle.maxLegDuration, !atMost(legDuration, limit) {
                violations.append(.legDuration(vehicle: v, toJob: job))
            }
            distance += legDistance
        }
        for stop in route.stops {
            guard (0..<problem.jobs.count).contains(stop.job) else {
                violations.append(.unknownJob(vehicle: v, job: stop.job))
                continue
            }
            let job = problem.jobs[stop.job]
            if seen[stop.job] { violations.append(.duplicateJob(job: stop.job)) }
            seen[stop.job] = true
            if !Set(job.skills).isSubset(of: Set(vehicle.skills)) { violations.append(.skills(vehicle: v, job: stop.job)) }
            leg(to: job.location, job: stop.job)
            checkTimes(
                stop, of: job, vehicle: v, expectedArrival: leave + problem.durations[location, job.location], violations: &violations)
            for (d, amount) in job.demand.enumerated() { load[d] += amount }
            starts.append((stop.job, stop.serviceStart))
            location = job.location
            leave = stop.serviceStart + job.serviceDuration
        }
        var arrival = leave
        if let end = vehicle.end {
            leg(to: end, job: nil)
            arrival = leave + problem.durations[location, end]
        }
        if !close(arrival, route.arrival) { violations.append(.inconsistentArrival(vehicle: v, job: nil)) }
        checkLimits(route, load: load, distance: distance, violations: &violations)
        return distance
    }

    /// A stop's times: its arrival the one the previous departure and the travel give, its
    /// service starting after the arrival within one of the job's windows.
    private func checkTimes(_ stop: Stop, of job: Job, vehicle v: Int, expectedArrival: Double, violations: inout [Violation]) {
        if !close(stop.arrival, expectedArrival) {
            violations.append(.inconsistentArrival(vehicle: v, job: stop.job))
        }
        let inWindow =
            job.timeWindows.isEmpty
            || job.timeWindows.contains {
                atMost($0.start, stop.serviceStart) && atMost(stop.serviceStart, $0.end)
            }
        if !atMost(stop.arrival, stop.serviceStart) || !inWindow {
            violations.append(.timeWindow(vehicle: v, job: stop.job))
        }
    }

    /// A whole route against its vehicle's limits (shift end, capacity, jobs, distance, duration)
    /// and its recomputed `distance` against the one it reports.
    private func checkLimits(_ route: Route, load: [Double], distance: Double, violations: inout [Violation]) {
        let v = route.vehicle
        let vehicle = problem.vehicles[v]
        if !atMost(route.arrival, vehicle.shift.end) { violations.append(.shiftEnd(vehicle: v)) }
        for (d, capacity) in vehicle.capacity.enumerated() where !atMost(load[d], capacity) {
            violations.append(.capacity(vehicle: v, dimension: d))
        }
        if let limit = vehicle.maxJobs, route.stops.count > limit { violations.append(.routeJobs(vehicle: v)) }
        if let limit = vehicle.maxDistance, !atMost(distance, limit) { violations.append(.routeDistance(vehicle: v)) }
        if let limit = vehicle.maxDuration, !atMost(route.arrival - route.departure, limit) {
            violations.append(.routeDuration(vehicle: v))
        }
        if !close(distance, route.distance) { violations.append(.routeDistanceMismatch(vehicle: v)) }
    }

    private func checkGroups(_ starts: [(job: Int, start: Double)], violations: inout [Violation]) {
        var members = [[(job: Int, start: Double)]](repeating: [], count: problem.groups.count)
        var servedInSet: [Int: Int] = [:]
        for entry in starts {
            if let group = problem.jobs[entry.job].group { members[group].append(entry) }
            if let set = problem.jobs[entry.job].alternatives { servedInSet[set, default: 0] += 1 }
        }
        for (set, served) in servedInSet.sorted(by: { $0.key < $1.key }) where served > 1 {
            violations.append(.alternatives(set: set))
        }
        for (g, group) in problem.groups.enumerated() {
            let served = members[g].sorted { ($0.start, $0.job) < ($1.start, $1.job) }
            if let limit = group.maximumServed, served.count > limit { violations.append(.groupMaximum(group: g)) }
            guard group.minimumSeparation > 0 else { continue }
            for (a, first) in served.enumerated() {
                for second in served[(a + 1)...] where !atMost(group.minimumSeparation, second.start - first.start) {
                    violations.append(.groupSeparation(group: g, first: first.job, second: second.job))
                }
            }
        }
    }
}
