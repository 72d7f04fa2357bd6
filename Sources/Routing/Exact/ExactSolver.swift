/// Exact solution of small problems by dynamic programming (Held & Karp 1962 generalised to time
/// windows as label setting with dominance, Dumas, Desrosiers, Gélinas & Solomon 1995), then an
/// optimal assignment of job subsets to vehicles by a DP over subsets.
///
/// Per vehicle, a label (set, last job, start time, distance, departure) is extended job by job;
/// a label is dropped when another with the same set and last job starts no later, has travelled
/// no farther and (if the vehicle has a duration limit) departed no earlier. Cost: O(2ⁿ n² L) per
/// vehicle class for L labels per state, plus O(vehicles × 3ⁿ) for the assignment.
/// Schedules start each job as early as possible, as the rest of the solver does.
struct ExactSolver {
    let inst: Instance

    init(_ inst: Instance) { self.inst = inst }

    private struct Label {
        var time: Double
        var distance: Double
        var departure: Double
        var last: Int
        var parent: Int
    }

    /// The optimal solution, or nil when the problem is too large or has group separation.
    func solve(maximumJobs: Int) -> Solution? {
        let n = inst.jobCount
        guard n <= maximumJobs, n <= 16, !inst.hasSeparation else { return nil }
        let full = 1 << n
        var routeCost: [[Double]] = []
        var routeOrder: [[[Int]]] = []
        var classTable: [Int: Int] = [:]
        var tableOf: [Int] = []
        for v in 0..<inst.vehicleCount {
            let cls = inst.vehicleClass[v]
            if let table = classTable[cls] {
                tableOf.append(table)
                continue
            }
            let (costs, orders) = routes(vehicle: v, full: full)
            classTable[cls] = routeCost.count
            tableOf.append(routeCost.count)
            routeCost.append(costs)
            routeOrder.append(orders)
        }
        // best[S]: best score serving exactly S with the vehicles seen so far.
        var best = [Score](repeating: .worst, count: full)
        best[0] = .zero
        var choice = [[Int]]()
        for v in 0..<inst.vehicleCount {
            let costs = routeCost[tableOf[v]]
            var next = best
            var picked = [Int](repeating: 0, count: full)
            for mask in 1..<full {
                var sub = mask
                while sub > 0 {
                    let rest = mask ^ sub
                    if costs[sub] < .infinity, best[rest].levels.0 < .infinity {
                        let candidate = best[rest] + inst.score(Components(vehicles: 1, cost: costs[sub]))
                        if candidate.isBetter(than: next[mask]) {
                            next[mask] = candidate
                            picked[mask] = sub
                        }
                    }
                    sub = (sub - 1) & mask
                }
            }
            best = next
            choice.append(picked)
        }
        var bestMask = -1
        var bestScore = Score.worst
        for mask in 0..<full where best[mask].levels.0 < .infinity && groupsAllow(mask) {
            var unserved = Components()
            for j in 0..<n where mask & (1 << j) == 0 { unserved = unserved + unservedDelta(j) }
            let total = best[mask] + inst.score(unserved)
            if total.isBetter(than: bestScore) {
                bestScore = total
                bestMask = mask
            }
        }
        let state = SearchState(inst)
        var mask = bestMask
        for v in stride(from: inst.vehicleCount - 1, through: 0, by: -1) where mask > 0 {
            let sub = choice[v][mask]
            if sub > 0 {
                state.setJobs(v, routeOrder[tableOf[v]][sub])
                mask ^= sub
            }
        }
        return state.solution(isProvenOptimal: true, lowerBound: bestScore.levels.3)
    }

    private func unservedDelta(_ j: Int) -> Components {
        inst.isMandatory[j] ? Components(mandatory: 1) : Components(penalty: inst.penalty[j])
    }

    private func groupsAllow(_ mask: Int) -> Bool {
        var served = [Int](repeating: 0, count: inst.groupMembers.count)
        for j in 0..<inst.jobCount where mask & (1 << j) != 0 && inst.group[j] >= 0 {
            served[inst.group[j]] += 1
            if served[inst.group[j]] > inst.groupMaximum[inst.group[j]] { return false }
        }
        return true
    }

    /// Cheapest route cost and order of vehicle `v` for every subset of jobs (`.infinity` when
    /// the subset cannot form a feasible route).
    private func routes(vehicle v: Int, full: Int) -> ([Double], [[Int]]) {
        let n = inst.jobCount, dims = inst.dimensions
        let startLocation = inst.problem.vehicles[v].start, end = inst.endLocation[v]
        let limitDuration = inst.hasDurationLimit[v]
        var labels: [Label] = []
        var bucket = [[Int]](repeating: [], count: full * max(n, 1))
        var load = [Double](repeating: 0, count: full * max(dims, 1))
        for mask in 1..<full {
            let j = mask.trailingZeroBitCount, rest = mask & (mask - 1)
            for d in 0..<dims { load[mask * dims + d] = load[rest * dims + d] + inst.demand[j * dims + d] }
        }
        func fits(_ mask: Int) -> Bool {
            (0..<dims).allSatisfy { !inst.exceeds(load[mask * dims + $0], inst.capacity[v * dims + $0]) }
                && mask.nonzeroBitCount <= inst.maxJobs[v]
        }
        func add(_ label: Label, mask: Int) {
            let key = mask * n + label.last
            for index in bucket[key] {
                let other = labels[index]
                if other.time <= label.time && other.distance <= label.distance
                    && (!limitDuration || other.departure >= label.departure) { return }
            }
            bucket[key].removeAll { index in
                let other = labels[index]
                return label.time <= other.time && label.distance <= other.distance
                    && (!limitDuration || label.departure >= other.departure)
            }
            bucket[key].append(labels.count)
            labels.append(label)
        }
        func leg(_ from: Int, _ to: Int) -> Bool {
            !inst.exceeds(inst.dist(from, to), inst.maxLegDistance[v]) && !inst.exceeds(inst.time(from, to), inst.maxLegDuration[v])
        }
        for j in 0..<n where inst.compatible[v * n + j] && fits(1 << j) {
            let lj = inst.jobLocation[j]
            guard leg(startLocation, lj) else { continue }
            let s = inst.earliestStart(j, arrival: inst.shiftStart[v] + inst.time(startLocation, lj))
            guard s < .infinity, !inst.exceeds(inst.dist(startLocation, lj), inst.maxDistance[v]) else { continue }
            let departure = max(inst.shiftStart[v], s - inst.time(startLocation, lj))
            add(Label(time: s, distance: inst.dist(startLocation, lj), departure: departure, last: j, parent: -1), mask: 1 << j)
        }
        var costs = [Double](repeating: .infinity, count: full)
        var ends = [Int](repeating: -1, count: full)
        costs[0] = 0
        for mask in 1..<full {
            for last in 0..<n where mask & (1 << last) != 0 {
                for index in bucket[mask * n + last] {
                    let label = labels[index]
                    let ll = inst.jobLocation[last], leave = label.time + inst.service[last]
                    // Close the route.
                    let arrival = leave + inst.time(ll, end), distance = label.distance + inst.dist(ll, end)
                    if (end < 0 || leg(ll, end)) && !inst.exceeds(arrival, inst.shiftEnd[v])
                        && !inst.exceeds(distance, inst.maxDistance[v])
                        && !(limitDuration && inst.exceeds(arrival - label.departure, inst.maxDuration[v])) {
                        let cost = inst.arcFactor[v] * distance + inst.fixedCost[v]
                        if cost < costs[mask] {
                            costs[mask] = cost
                            ends[mask] = index
                        }
                    }
                    // Extend it.
                    for j in 0..<n where mask & (1 << j) == 0 && inst.compatible[v * n + j] {
                        let next = mask | (1 << j), lj = inst.jobLocation[j]
                        guard fits(next), leg(ll, lj) else { continue }
                        let s = inst.earliestStart(j, arrival: leave + inst.time(ll, lj))
                        let d = label.distance + inst.dist(ll, lj)
                        guard s < .infinity, !inst.exceeds(d, inst.maxDistance[v]) else { continue }
                        add(Label(time: s, distance: d, departure: label.departure, last: j, parent: index), mask: next)
                    }
                }
            }
        }
        var orders = [[Int]](repeating: [], count: full)
        for mask in 1..<full where ends[mask] >= 0 {
            var order: [Int] = []
            var index = ends[mask]
            while index >= 0 {
                order.append(labels[index].last)
                index = labels[index].parent
            }
            orders[mask] = order.reversed()
        }
        return (costs, orders)
    }
}
