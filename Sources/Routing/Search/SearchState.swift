/// The solution being searched: one `RouteState` per vehicle (empty ones included), where each
/// job is, and the unassigned jobs. Every route is kept feasible; leaving a job out is the only
/// way to violate the problem, and it is priced by the objective.
final class SearchState {
    let inst: Instance
    var routes: [RouteState]
    /// Route of each job, -1 when unassigned.
    var routeOf: [Int]
    /// Position (1-based) of each job in its route.
    var positionOf: [Int]
    /// Unassigned jobs, in no meaningful order (kept deterministic by construction).
    private(set) var unassigned: [Int] = []
    private var unassignedIndex: [Int]
    private(set) var servedInGroup: [Int]
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

    init(_ inst: Instance, versions: VersionCounter = VersionCounter()) {
        self.inst = inst
        self.versions = versions
        routes = (0..<inst.vehicleCount).map { RouteState(vehicle: $0, instance: inst) }
        routeOf = [Int](repeating: -1, count: inst.jobCount)
        positionOf = [Int](repeating: 0, count: inst.jobCount)
        unassignedIndex = [Int](repeating: -1, count: inst.jobCount)
        servedInGroup = [Int](repeating: 0, count: inst.groupMembers.count)
        pendingMark = [Int](repeating: 0, count: inst.jobCount)
        pendingSlot = [Int](repeating: 0, count: inst.jobCount)
        load = .allocate(capacity: max(1, inst.dimensions))
        routeMark = [Int](repeating: 0, count: inst.vehicleCount)
        unassigned = Array(0..<inst.jobCount)
        unassignedIndex = unassigned
        for j in unassigned {
            if inst.isMandatory[j] { unservedMandatory += 1 } else { unservedPenalty += inst.penalty[j] }
        }
    }

    deinit { load.deallocate() }

    /// A copy sharing the instance (routes are value types, so the copy is independent).
    func copy() -> SearchState {
        let other = SearchState(inst, versions: versions)
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
        routeOf = other.routeOf
        positionOf = other.positionOf
        unassigned = other.unassigned
        unassignedIndex = other.unassignedIndex
        servedInGroup = other.servedInGroup
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
    var score: Score { inst.score(components) }

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
        inst.isMandatory[j] ? Components(mandatory: sign) : Components(penalty: sign * inst.penalty[j])
    }

    // MARK: changes

    private func markUnassigned(_ j: Int) {
        routeOf[j] = -1
        unassignedIndex[j] = unassigned.count
        unassigned.append(j)
        if inst.isMandatory[j] { unservedMandatory += 1 } else { unservedPenalty += inst.penalty[j] }
        if inst.group[j] >= 0 { servedInGroup[inst.group[j]] -= 1 }
    }

    private func markServed(_ j: Int) {
        let index = unassignedIndex[j]
        let last = unassigned.removeLast()
        if last != j {
            unassigned[index] = last
            unassignedIndex[last] = index
        }
        unassignedIndex[j] = -1
        if inst.isMandatory[j] { unservedMandatory -= 1 } else { unservedPenalty -= inst.penalty[j] }
        if inst.group[j] >= 0 { servedInGroup[inst.group[j]] += 1 }
    }

    /// Replaces the job sequence of route `r`: new jobs are taken from the unassigned list; a job
    /// that leaves must either be placed in another route by the same move or passed to `remove`.
    /// O(n log windows).
    func setJobs(_ r: Int, _ jobs: [Int]) {
        for j in routes[r].jobs where routeOf[j] == r { routeOf[j] = -2 }
        for j in jobs {
            if routeOf[j] == -1 { markServed(j) }
            routeOf[j] = r
        }
        if (routes[r].count == 0) != jobs.isEmpty { emptyRepresentativesCache = nil }
        routes[r].jobs = jobs
        routes[r].rebuild(inst)
        routes[r].version = versions.next()
        for (index, j) in jobs.enumerated() { positionOf[j] = index + 1 }
    }

    /// The first unused route of each vehicle class, ascending; O(vehicles) after a route
    /// became used or unused, O(1) otherwise.
    var emptyRepresentatives: [Int] {
        if let cached = emptyRepresentativesCache { return cached }
        var seen = [Bool](repeating: false, count: inst.vehicleCount)
        var result: [Int] = []
        for r in routes.indices where routes[r].count == 0 && !seen[inst.vehicleClass[routes[r].vehicle]] {
            seen[inst.vehicleClass[routes[r].vehicle]] = true
            result.append(r)
        }
        emptyRepresentativesCache = result
        return result
    }

    /// Marks job `j`, which a `setJobs` call took out of its route, as unassigned.
    func release(_ j: Int) {
        precondition(routeOf[j] == -2, "job \(j) was not detached")
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
        let r = routeOf[j]
        var jobs = routes[r].jobs
        jobs.remove(at: positionOf[j] - 1)
        setJobs(r, jobs)
        markUnassigned(j)
    }

    /// Removes several jobs, rebuilding each touched route once; O(total route lengths).
    func remove(_ removed: [Int]) {
        var touched: [Int] = []
        for j in removed {
            let r = routeOf[j]
            if !touched.contains(r) { touched.append(r) }
            routeOf[j] = -2
        }
        for r in touched {
            let kept = routes[r].jobs.filter { routeOf[$0] != -2 }
            if kept.isEmpty { emptyRepresentativesCache = nil }
            routes[r].jobs = kept
            routes[r].rebuild(inst)
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
        guard inst.group[j] >= 0 else { return }
        pendingMark[j] = pendingStamp
        pendingSlot[j] = pendingJobs.count
        pendingJobs.append(j)
        pendingStarts.append(start)
    }

    /// Whether the schedules recorded since `beginMove` keep every group's minimum separation,
    /// against each other and against the routes other than `r1` and `r2`; O(recorded × group size).
    func separationHolds(excluding r1: Int, _ r2: Int) -> Bool {
        guard inst.hasSeparation else { return true }
        for k in 0..<pendingJobs.count {
            let u = pendingJobs[k], g = inst.group[u]
            let separation = inst.groupSeparation[g]
            guard separation > 0 else { continue }
            let s = pendingStarts[k]
            for w in inst.groupMembers[g] where w != u {
                let other: Double
                if pendingMark[w] == pendingStamp {
                    other = pendingStarts[pendingSlot[w]]
                } else {
                    let r = routeOf[w]
                    guard r >= 0, r != r1, r != r2 else { continue }
                    other = routes[r].start[positionOf[w]]
                }
                if abs(s - other) < separation && separation - abs(s - other) > 1e-9 * max(1, separation) { return false }
            }
        }
        return true
    }

    /// Evaluates the route made of positions 0...i of route `ra` (whose vehicle it keeps), then
    /// `middle`, then positions j...end of route `rb`. Returns the new cost, or the first obstacle
    /// met. O(|middle| log w) when the tail can be reused (same route, or a vehicle of the same
    /// tail class) and no duration limit or separation applies; otherwise O(tail) as well.
    func evaluate(_ ra: Int, through i: Int, then rb: Int, from j: Int) -> Evaluation {
        let a = routes[ra], b = routes[rb]
        let v = a.vehicle, dims = inst.dimensions
        let record = inst.hasSeparation
        let legDistance = inst.maxLegDistance[v], legDuration = inst.maxLegDuration[v]
        var t = a.start[i]
        var l = a.loc[i]
        var serviceTime = i == 0 ? 0 : inst.service[a.jobs[i - 1]]
        var distance = a.cumDist[i]
        var count = i
        for d in 0..<dims { load[d] = a.cumLoad[i * dims + d] }
        var firstStart = i >= 1 ? a.start[1] : 0
        var firstLocation = i >= 1 ? a.loc[1] : -1
        if record { for p in stride(from: 1, through: i, by: 1) { self.record(a.jobs[p - 1], a.start[p]) } }

        @inline(__always) func visit(_ u: Int) -> InsertionObstacle? {
            let lu = inst.jobLocation[u]
            let legLength = inst.dist(l, lu), legTime = inst.time(l, lu)
            if inst.exceeds(legLength, legDistance) { return .legDistance }
            if inst.exceeds(legTime, legDuration) { return .legDuration }
            let s = inst.earliestStart(u, arrival: t + serviceTime + legTime)
            if s == .infinity { return .timeWindows }
            distance += legLength
            count += 1
            for d in 0..<dims { load[d] += inst.demand[u * dims + d] }
            if count == 1 {
                firstStart = s
                firstLocation = lu
            }
            if record { self.record(u, s) }
            t = s
            l = lu
            serviceTime = inst.service[u]
            return nil
        }

        for k in 0..<middle.count {
            if let obstacle = visit(middle[k]) { return Evaluation(obstacle: obstacle) }
        }
        var endArrival = 0.0
        let nb = b.count
        if rb == ra || inst.tailClass[b.vehicle] == inst.tailClass[v] {
            let next = b.loc[j]
            let legLength = inst.dist(l, next), legTime = inst.time(l, next)
            if inst.exceeds(legLength, legDistance) { return Evaluation(obstacle: .legDistance) }
            if inst.exceeds(legTime, legDuration) { return Evaluation(obstacle: .legDuration) }
            var arrival = t + serviceTime + legTime
            if inst.exceeds(arrival, b.latest[j]) { return Evaluation(obstacle: .timeWindows) }
            distance += legLength + b.cumDist[nb + 1] - b.cumDist[j]
            let headCount = count
            count += nb + 1 - j
            for d in 0..<dims { load[d] += b.cumLoad[(nb + 1) * dims + d] - b.cumLoad[(j - 1) * dims + d] }
            if record || inst.hasDurationLimit[v] {
                var p = j
                while p <= nb {
                    let u = b.jobs[p - 1]
                    let s = inst.earliestStart(u, arrival: arrival)
                    if p == j && headCount == 0 {
                        firstStart = s
                        firstLocation = b.loc[p]
                    }
                    if s == b.start[p] {
                        // Same start as before: the rest of the tail's schedule is unchanged.
                        if record { for q in p...nb { self.record(b.jobs[q - 1], b.start[q]) } }
                        break
                    }
                    if record { self.record(u, s) }
                    arrival = s + inst.service[u] + inst.time(b.loc[p], b.loc[p + 1])
                    p += 1
                }
                endArrival = p <= nb ? b.start[nb + 1] : arrival
            }
        } else {
            for p in stride(from: j, through: nb, by: 1) {
                if let obstacle = visit(b.jobs[p - 1]) { return Evaluation(obstacle: obstacle) }
            }
            let end = inst.endLocation[v]
            let legLength = inst.dist(l, end), legTime = inst.time(l, end)
            if end >= 0 {
                if inst.exceeds(legLength, legDistance) { return Evaluation(obstacle: .legDistance) }
                if inst.exceeds(legTime, legDuration) { return Evaluation(obstacle: .legDuration) }
            }
            endArrival = t + serviceTime + legTime
            if inst.exceeds(endArrival, inst.shiftEnd[v]) { return Evaluation(obstacle: .timeWindows) }
            distance += legLength
        }
        for d in 0..<dims where inst.exceeds(load[d], inst.capacity[v * dims + d]) {
            return Evaluation(obstacle: .capacity)
        }
        if count > inst.maxJobs[v] { return Evaluation(obstacle: .routeJobs) }
        if inst.exceeds(distance, inst.maxDistance[v]) { return Evaluation(obstacle: .routeDistance) }
        if inst.hasDurationLimit[v] && count > 0 {
            let departure = max(inst.shiftStart[v], firstStart - inst.time(a.loc[0], firstLocation))
            if inst.exceeds(endArrival - departure, inst.maxDuration[v]) { return Evaluation(obstacle: .routeDuration) }
        }
        let cost = count == 0 ? 0 : inst.arcFactor[v] * distance + inst.fixedCost[v]
        return Evaluation(obstacle: nil, cost: cost, count: count, distance: distance)
    }
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
