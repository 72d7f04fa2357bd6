/// The solution being searched: one `RouteState` per vehicle (empty ones included), where each
/// job is, and the unassigned jobs. Every route is kept feasible; leaving a job out is the only
/// way to violate the problem, and it is priced by the objective.
final class SearchState {
    let instance: Instance
    var routes: [RouteState]
    /// Where each job is: its route, unassigned, or detached during a move.
    var placeOf: [JobPlace]
    /// Position (1-based) of each job in its route.
    var positionOf: [Int]
    /// Unassigned jobs, in no meaningful order (kept deterministic by construction).
    private(set) var unassigned: [Int] = []
    private var unassignedIndex: [Int]
    private(set) var servedInGroup: [Int]
    private(set) var servedInAlternatives: [Int]
    private(set) var unservedMandatory = 0
    private(set) var unservedPenalty = 0.0

    /// Jobs placed between a route prefix and suffix by `evaluate`.
    var middle: [Int] = []
    /// (job, start) of the routes evaluated since `beginMove`, for the group separation check.
    private var pendingJobs: [Int] = []
    private var pendingStarts: [Double] = []
    private var pendingMark: [Int]
    private var pendingSlot: [Int]
    private var pendingStamp = 0
    /// Running load per dimension inside `evaluate` (a raw buffer: no exclusivity checks).
    private let load: UnsafeMutablePointer<Double>
    /// The first unused route of each vehicle class, ascending; nil when it must be recomputed.
    private var emptyRepresentativesCache: [Int]?
    /// Whether `bestInsertion` may start an unused vehicle (false while eliminating routes).
    var opensRoutes = true
    /// A lower bound on the objective's last level, when a method computed one.
    var lowerBound: Double?
    /// Scratch list of (distance estimate, route, position) for insertion.
    var positionBuffer: [(Double, Int, Int)] = []
    /// Scratch marks over routes for candidate lists.
    var routeMark: [Int]
    var routeStamp = 0

    /// Numbers route contents; shared by copies so that `assign` copies only the routes that
    /// differ, and read by the local search to skip pairs of routes unchanged since last tried.
    let versions: VersionCounter

    init(_ instance: Instance, versions: VersionCounter = VersionCounter()) {
        self.instance = instance
        self.versions = versions
        routes = (0..<instance.vehicleCount).map { RouteState(vehicle: $0, instance: instance) }
        placeOf = [JobPlace](repeating: .unassigned, count: instance.jobCount)
        positionOf = [Int](repeating: 0, count: instance.jobCount)
        unassignedIndex = [Int](repeating: -1, count: instance.jobCount)
        servedInGroup = [Int](repeating: 0, count: instance.groupMembers.count)
        servedInAlternatives = [Int](repeating: 0, count: instance.alternativeSetCount)
        pendingMark = [Int](repeating: 0, count: instance.jobCount)
        pendingSlot = [Int](repeating: 0, count: instance.jobCount)
        load = .allocate(capacity: max(1, instance.dimensions))
        routeMark = [Int](repeating: 0, count: instance.vehicleCount)
        unassigned = Array(0..<instance.jobCount)
        unassignedIndex = unassigned
        for j in unassigned {
            if instance.isMandatory[j] { unservedMandatory += 1 } else { unservedPenalty += instance.penalty[j] }
        }
    }

    deinit { load.deallocate() }

    /// A copy sharing the instance (routes are value types, so the copy is independent).
    func copy() -> SearchState {
        let other = SearchState(instance, versions: versions)
        other.assign(from: self)
        return other
    }

    /// Makes `self` equal to `other`; O(jobs + routes that differ) when they share a
    /// `VersionCounter` (copies do), O(jobs + routes) otherwise.
    func assign(from other: SearchState) {
        if versions === other.versions {
            for r in routes.indices where routes[r].version != other.routes[r].version { routes[r] = other.routes[r] }
        } else {
            // Numbers from another counter could collide with ours: renumber.
            routes = other.routes
            for r in routes.indices { routes[r].version = versions.next() }
        }
        placeOf = other.placeOf
        positionOf = other.positionOf
        unassigned = other.unassigned
        unassignedIndex = other.unassignedIndex
        servedInGroup = other.servedInGroup
        servedInAlternatives = other.servedInAlternatives
        unservedMandatory = other.unservedMandatory
        unservedPenalty = other.unservedPenalty
        emptyRepresentativesCache = other.emptyRepresentativesCache
    }

    // MARK: objective

    /// Current objective components; O(vehicles).
    var components: Components {
        var c = Components(mandatory: Double(unservedMandatory), penalty: unservedPenalty)
        for route in routes where route.count > 0 {
            c.vehicles += 1
            c.cost += route.cost
        }
        return c
    }

    /// Current score; O(vehicles).
    var score: Score { instance.score(components) }

    /// Number of routes serving at least one job; O(vehicles).
    var usedRouteCount: Int { routes.reduce(0) { $0 + ($1.count > 0 ? 1 : 0) } }

    /// Total distance of all routes; O(vehicles).
    var totalDistance: Double { routes.reduce(0) { $0 + $1.distance } }

    /// Components of changing routes from their old costs to new ones (a route with no job costs
    /// nothing and uses no vehicle).
    @inline(__always)
    func routeDelta(old: RouteState, newCost: Double, newCount: Int) -> Components {
        Components(vehicles: Double((newCount > 0 ? 1 : 0) - (old.count > 0 ? 1 : 0)), cost: newCost - old.cost)
    }

    /// The components of serving (`sign` = -1) or leaving out (+1) job `j`.
    @inline(__always)
    func unservedDelta(_ j: Int, sign: Double) -> Components {
        instance.isMandatory[j] ? Components(mandatory: sign) : Components(penalty: sign * instance.penalty[j])
    }

    // MARK: changes

    private func markUnassigned(_ j: Int) {
        placeOf[j] = .unassigned
        unassignedIndex[j] = unassigned.count
        unassigned.append(j)
        if instance.isMandatory[j] { unservedMandatory += 1 } else { unservedPenalty += instance.penalty[j] }
        if instance.group[j] >= 0 { servedInGroup[instance.group[j]] -= 1 }
        if instance.alternatives[j] >= 0 { servedInAlternatives[instance.alternatives[j]] -= 1 }
    }

    private func markServed(_ j: Int) {
        let index = unassignedIndex[j]
        let last = unassigned.removeLast()
        if last != j {
            unassigned[index] = last
            unassignedIndex[last] = index
        }
        unassignedIndex[j] = -1
        if instance.isMandatory[j] { unservedMandatory -= 1 } else { unservedPenalty -= instance.penalty[j] }
        if instance.group[j] >= 0 { servedInGroup[instance.group[j]] += 1 }
        if instance.alternatives[j] >= 0 { servedInAlternatives[instance.alternatives[j]] += 1 }
    }

    /// Replaces the job sequence of route `r`: new jobs are taken from the unassigned list; a job
    /// that leaves must either be placed in another route by the same move or passed to `remove`.
    /// O(n log windows).
    func setJobs(_ r: Int, _ jobs: [Int]) {
        for j in routes[r].jobs where placeOf[j] == .route(r) { placeOf[j] = .detached }
        for j in jobs {
            if placeOf[j] == .unassigned { markServed(j) }
            placeOf[j] = .route(r)
        }
        if (routes[r].count == 0) != jobs.isEmpty { emptyRepresentativesCache = nil }
        routes[r].jobs = jobs
        routes[r].rebuild(instance)
        routes[r].version = versions.next()
        for (index, j) in jobs.enumerated() { positionOf[j] = index + 1 }
    }

    /// The first unused route of each vehicle class, ascending; O(vehicles) after a route
    /// became used or unused, O(1) otherwise.
    var emptyRepresentatives: [Int] {
        if let cached = emptyRepresentativesCache { return cached }
        var seen = [Bool](repeating: false, count: instance.vehicleCount)
        var result: [Int] = []
        for r in routes.indices where routes[r].count == 0 && !seen[instance.vehicleClass[routes[r].vehicle]] {
            seen[instance.vehicleClass[routes[r].vehicle]] = true
            result.append(r)
        }
        emptyRepresentativesCache = result
        return result
    }

    /// Marks job `j`, which a `setJobs` call took out of its route, as unassigned.
    func release(_ j: Int) {
        precondition(placeOf[j] == .detached, "job \(j) was not detached")
        markUnassigned(j)
    }

    /// Inserts unassigned job `j` after position `p` of route `r`; O(n).
    func insert(_ j: Int, route r: Int, after p: Int) {
        var jobs = routes[r].jobs
        jobs.insert(j, at: p)
        setJobs(r, jobs)
    }

    /// Removes job `j` from its route and marks it unassigned; O(n).
    func remove(_ j: Int) {
        guard let r = placeOf[j].route else { preconditionFailure("job \(j) is in no route") }
        var jobs = routes[r].jobs
        jobs.remove(at: positionOf[j] - 1)
        setJobs(r, jobs)
        markUnassigned(j)
    }

    /// Removes several jobs, rebuilding each touched route once; O(total route lengths).
    func remove(_ removed: [Int]) {
        var touched: [Int] = []
        for j in removed {
            guard let r = placeOf[j].route else { preconditionFailure("job \(j) is in no route") }
            if !touched.contains(r) { touched.append(r) }
            placeOf[j] = .detached
        }
        for r in touched {
            let kept = routes[r].jobs.filter { placeOf[$0] != .detached }
            if kept.isEmpty { emptyRepresentativesCache = nil }
            routes[r].jobs = kept
            routes[r].rebuild(instance)
            routes[r].version = versions.next()
            for (index, j) in kept.enumerated() { positionOf[j] = index + 1 }
        }
        for j in removed { markUnassigned(j) }
    }

    // MARK: evaluation

    /// Starts the evaluation of a move: forgets the schedules recorded for group separation.
    @inline(__always) func beginMove() {
        pendingJobs.removeAll(keepingCapacity: true)
        pendingStarts.removeAll(keepingCapacity: true)
        pendingStamp &+= 1
    }

    @inline(__always) private func record(_ j: Int, _ start: Double) {
        guard instance.group[j] >= 0 else { return }
        pendingMark[j] = pendingStamp
        pendingSlot[j] = pendingJobs.count
        pendingJobs.append(j)
        pendingStarts.append(start)
    }

    /// Whether the schedules recorded since `beginMove` keep every group's minimum separation,
    /// against each other and against the routes other than `r1` and `r2`; O(recorded × group size).
    func separationHolds(excluding r1: Int, _ r2: Int) -> Bool {
        guard instance.hasSeparation else { return true }
        for k in 0..<pendingJobs.count {
            let u = pendingJobs[k]
            let g = instance.group[u]
            let separation = instance.groupSeparation[g]
            guard separation > 0 else { continue }
            let s = pendingStarts[k]
            for w in instance.groupMembers[g] where w != u {
                let other: Double
                if pendingMark[w] == pendingStamp {
                    other = pendingStarts[pendingSlot[w]]
                } else {
                    guard let r = placeOf[w].route, r != r1, r != r2 else { continue }
                    other = routes[r].start[positionOf[w]]
                }
                if abs(s - other) < separation && separation - abs(s - other) > 1e-9 * max(1, separation) { return false }
            }
        }
        return true
    }

    /// Evaluates the route made of positions 0...i of route `firstRoute` (whose vehicle it
    /// keeps), then `middle`, then positions j...end of route `secondRoute`. Returns the new cost,
    /// or the first obstacle met. O(|middle| log w) when the tail can be reused (same route, or a
    /// vehicle of the same tail class) and no duration limit or separation applies; otherwise
    /// O(tail) as well.
    func evaluate(_ firstRoute: Int, through i: Int, then secondRoute: Int, from j: Int) -> Evaluation {
        var walk = startWalk(along: firstRoute, through: i)
        for k in 0..<middle.count {
            if let obstacle = visit(middle[k], &walk) { return Evaluation(obstacle: obstacle) }
        }
        // A vehicle of the same tail class times and limits the tail as its own route did, so its
        // summaries still hold.
        let reusesTail = secondRoute == firstRoute || instance.tailClass[routes[secondRoute].vehicle] == instance.tailClass[walk.vehicle]
        if let obstacle = reusesTail ? joinTail(of: secondRoute, from: j, &walk) : walkTail(of: secondRoute, from: j, &walk) {
            return Evaluation(obstacle: obstacle)
        }
        if let obstacle = routeLimitObstacle(walk) { return Evaluation(obstacle: obstacle) }
        let cost = walk.count == 0 ? 0 : instance.arcFactor[walk.vehicle] * walk.distance + instance.fixedCost[walk.vehicle]
        return Evaluation(obstacle: nil, cost: cost, count: walk.count, distance: walk.distance)
    }

    /// The walk standing at position `i` of route `r`, its load in `load`, the prefix's starts recorded.
    @inline(__always) private func startWalk(along r: Int, through i: Int) -> RouteWalk {
        let route = routes[r]
        let vehicle = route.vehicle
        let dimensions = instance.dimensions
        let walk = RouteWalk(
            vehicle: vehicle, startLocation: route.loc[0],
            maxLegDistance: instance.maxLegDistance[vehicle], maxLegDuration: instance.maxLegDuration[vehicle],
            recordsStarts: instance.hasSeparation,
            time: route.start[i], location: route.loc[i], serviceTime: i == 0 ? 0 : instance.service[route.jobs[i - 1]],
            distance: route.cumDist[i], count: i,
            firstStart: i >= 1 ? route.start[1] : 0, firstLocation: i >= 1 ? route.loc[1] : -1)
        for d in 0..<dimensions { load[d] = route.cumLoad[i * dimensions + d] }
        if walk.recordsStarts { for p in stride(from: 1, through: i, by: 1) { record(route.jobs[p - 1], route.start[p]) } }
        return walk
    }

    /// Extends the walk to job `u`, or returns the leg limit or window it breaks.
    @inline(__always) private func visit(_ u: Int, _ walk: inout RouteWalk) -> InsertionObstacle? {
        let jobLocation = instance.jobLocation[u]
        let dimensions = instance.dimensions
        let legLength = instance.dist(walk.location, jobLocation)
        let legTime = instance.time(walk.location, jobLocation)
        if instance.exceeds(legLength, walk.maxLegDistance) { return .legDistance }
        if instance.exceeds(legTime, walk.maxLegDuration) { return .legDuration }
        let start = instance.earliestStart(u, arrival: walk.time + walk.serviceTime + legTime)
        if start == .infinity { return .timeWindows }
        walk.distance += legLength
        walk.count += 1
        for d in 0..<dimensions { load[d] += instance.demand[u * dimensions + d] }
        if walk.count == 1 {
            walk.firstStart = start
            walk.firstLocation = jobLocation
        }
        if walk.recordsStarts { record(u, start) }
        walk.time = start
        walk.location = jobLocation
        walk.serviceTime = instance.service[u]
        return nil
    }

    /// Joins positions j...end of route `r` from its summaries: the leg to it, its latest start,
    /// distance, count and load; O(1) unless `rescheduleTail` must re-walk it.
    @inline(__always) private func joinTail(of r: Int, from j: Int, _ walk: inout RouteWalk) -> InsertionObstacle? {
        let tail = routes[r]
        let tailCount = tail.count
        let dimensions = instance.dimensions
        let next = tail.loc[j]
        let legLength = instance.dist(walk.location, next)
        let legTime = instance.time(walk.location, next)
        if instance.exceeds(legLength, walk.maxLegDistance) { return .legDistance }
        if instance.exceeds(legTime, walk.maxLegDuration) { return .legDuration }
        let arrival = walk.time + walk.serviceTime + legTime
        if instance.exceeds(arrival, tail.latest[j]) { return .timeWindows }
        walk.distance += legLength + tail.cumDist[tailCount + 1] - tail.cumDist[j]
        let headCount = walk.count
        walk.count += tailCount + 1 - j
        for d in 0..<dimensions {
            load[d] += tail.cumLoad[(tailCount + 1) * dimensions + d] - tail.cumLoad[(j - 1) * dimensions + d]
        }
        if walk.recordsStarts || instance.hasDurationLimit[walk.vehicle] {
            rescheduleTail(tail, from: j, arrival: arrival, headCount: headCount, &walk)
        }
        return nil
    }

    /// Re-walks the schedule of `tail` from position j, arriving at `arrival`, until it meets its
    /// old one: the separation check needs its starts, the duration limit its end and, when the
    /// head is empty, its first start.
    @inline(__always) private func rescheduleTail(
        _ tail: RouteState, from j: Int, arrival: Double, headCount: Int,
        _ walk: inout RouteWalk
    ) {
        let tailCount = tail.count
        var arrival = arrival
        var p = j
        while p <= tailCount {
            let u = tail.jobs[p - 1]
            let start = instance.earliestStart(u, arrival: arrival)
            if p == j && headCount == 0 {
                walk.firstStart = start
                walk.firstLocation = tail.loc[p]
            }
            if start == tail.start[p] {
                // Same start as before: the rest of the tail's schedule is unchanged.
                if walk.recordsStarts { for q in p...tailCount { record(tail.jobs[q - 1], tail.start[q]) } }
                break
            }
            if walk.recordsStarts { record(u, start) }
            arrival = start + instance.service[u] + instance.time(tail.loc[p], tail.loc[p + 1])
            p += 1
        }
        walk.endArrival = p <= tailCount ? tail.start[tailCount + 1] : arrival
    }

    /// Visits positions j...end of route `r` one by one, then goes to the walk's own end.
    @inline(__always) private func walkTail(of r: Int, from j: Int, _ walk: inout RouteWalk) -> InsertionObstacle? {
        let tail = routes[r]
        for p in stride(from: j, through: tail.count, by: 1) {
            if let obstacle = visit(tail.jobs[p - 1], &walk) { return obstacle }
        }
        let end = instance.endLocation[walk.vehicle]
        let legLength = instance.dist(walk.location, end)
        let legTime = instance.time(walk.location, end)
        if end >= 0 {
            if instance.exceeds(legLength, walk.maxLegDistance) { return .legDistance }
            if instance.exceeds(legTime, walk.maxLegDuration) { return .legDuration }
        }
        walk.endArrival = walk.time + walk.serviceTime + legTime
        if instance.exceeds(walk.endArrival, instance.shiftEnd[walk.vehicle]) { return .timeWindows }
        walk.distance += legLength
        return nil
    }

    /// The whole-route limit the finished walk breaks, if any: capacity, job count, distance, duration.
    @inline(__always) private func routeLimitObstacle(_ walk: RouteWalk) -> InsertionObstacle? {
        let vehicle = walk.vehicle
        let dimensions = instance.dimensions
        for d in 0..<dimensions where instance.exceeds(load[d], instance.capacity[vehicle * dimensions + d]) { return .capacity }
        if walk.count > instance.maxJobs[vehicle] { return .routeJobs }
        if instance.exceeds(walk.distance, instance.maxDistance[vehicle]) { return .routeDistance }
        if instance.hasDurationLimit[vehicle] && walk.count > 0 {
            let departure = max(instance.shiftStart[vehicle], walk.firstStart - instance.time(walk.startLocation, walk.firstLocation))
            if instance.exceeds(walk.endArrival - departure, instance.maxDuration[vehicle]) { return .routeDuration }
        }
        return nil
    }
}

/// The running state of `SearchState.evaluate` as it walks a new route stop by stop (the load
/// is kept in the state's raw buffer).
private struct RouteWalk {
    let vehicle: Int
    let startLocation: Int
    let maxLegDistance: Double
    let maxLegDuration: Double
    /// Whether service starts are recorded for the group separation check.
    let recordsStarts: Bool
    /// Service start, location and service time of the last stop reached.
    var time: Double
    var location: Int
    var serviceTime: Double
    var distance: Double
    var count: Int
    /// Service start and location of the first job: the departure under a duration limit.
    var firstStart: Double
    var firstLocation: Int
    /// Arrival at the end; only computed when the duration limit needs it.
    var endArrival = 0.0
}

/// The outcome of `SearchState.evaluate`.
struct Evaluation {
    var obstacle: InsertionObstacle?
    var cost: Double = .infinity
    var count: Int = 0
    var distance: Double = 0

    var isFeasible: Bool { obstacle == nil }
}

/// Hands out route version numbers, unique among the states that share it.
final class VersionCounter {
    private var last = 0

    /// The number handed out last: every route changed since a moment `m` has a version above it.
    var current: Int { last }

    func next() -> Int {
        last += 1
        return last
    }
}
