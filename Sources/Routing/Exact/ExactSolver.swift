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
    let instance: Instance

    init(_ instance: Instance) { self.instance = instance }

    /// The optimal solution, or nil when the problem is too large or has group separation.
    func solve(maximumJobs: Int) -> Solution? {
        let n = instance.jobCount
        guard n <= maximumJobs, n <= 16, !instance.hasSeparation else { return nil }
        let full = 1 << n
        let tables = routeTables(full: full)
        let (best, choice) = assignment(tables, full: full)
        let (bestMask, bestScore) = bestServedSet(best, full: full)
        let state = SearchState(instance)
        var mask = bestMask
        for v in stride(from: instance.vehicleCount - 1, through: 0, by: -1) where mask > 0 {
            let sub = choice[v][mask]
            if sub > 0 {
                state.setJobs(v, tables.orders[tables.tableOf[v]][sub])
                mask ^= sub
            }
        }
        return state.solution(isProvenOptimal: true, lowerBound: bestScore.levels.3)
    }

    /// The cheapest route of every job subset, computed once per vehicle class: `costs[t][S]` and
    /// `orders[t][S]` for table `t`, and `tableOf[v]` the table of vehicle `v`.
    private func routeTables(full: Int) -> (costs: [[Double]], orders: [[[Int]]], tableOf: [Int]) {
        var routeCost: [[Double]] = []
        var routeOrder: [[[Int]]] = []
        var classTable: [Int: Int] = [:]
        var tableOf: [Int] = []
        for v in 0..<instance.vehicleCount {
            let vehicleClass = instance.vehicleClass[v]
            if let table = classTable[vehicleClass] {
                tableOf.append(table)
                continue
            }
            let (costs, orders) = routes(vehicle: v, full: full)
            classTable[vehicleClass] = routeCost.count
            tableOf.append(routeCost.count)
            routeCost.append(costs)
            routeOrder.append(orders)
        }
        return (routeCost, routeOrder, tableOf)
    }

    /// The DP over subsets that gives the vehicles their job sets: `best[S]`, the best score
    /// serving exactly S with all the vehicles, and `choice[v][S]`, the subset vehicle `v` takes
    /// when the vehicles up to `v` serve S (0: none).
    private func assignment(
        _ tables: (costs: [[Double]], orders: [[[Int]]], tableOf: [Int]), full: Int
    ) -> (best: [Score], choice: [[Int]]) {
        var best = [Score](repeating: .worst, count: full)
        best[0] = .zero
        var choice = [[Int]]()
        for v in 0..<instance.vehicleCount {
            let costs = tables.costs[tables.tableOf[v]]
            var next = best
            var picked = [Int](repeating: 0, count: full)
            for mask in 1..<full {
                var sub = mask
                while sub > 0 {
                    let rest = mask ^ sub
                    if costs[sub] < .infinity, best[rest].levels.0 < .infinity {
                        let candidate = best[rest] + instance.score(Components(vehicles: 1, cost: costs[sub]))
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
        return (best, choice)
    }

    /// The set of served jobs whose score, with the jobs left out priced in, is the best of the
    /// sets the groups allow (the empty set always is one).
    private func bestServedSet(_ best: [Score], full: Int) -> (mask: Int, score: Score) {
        var bestMask = -1
        var bestScore = Score.worst
        for mask in 0..<full where best[mask].levels.0 < .infinity && groupsAllow(mask) {
            var unserved = Components()
            for j in 0..<instance.jobCount where mask & (1 << j) == 0 { unserved = unserved + unservedDelta(j) }
            let total = best[mask] + instance.score(unserved)
            if total.isBetter(than: bestScore) {
                bestScore = total
                bestMask = mask
            }
        }
        return (bestMask, bestScore)
    }

    private func unservedDelta(_ j: Int) -> Components {
        instance.isMandatory[j] ? Components(mandatory: 1) : Components(penalty: instance.penalty[j])
    }

    private func groupsAllow(_ mask: Int) -> Bool {
        var served = [Int](repeating: 0, count: instance.groupMembers.count)
        var servedInSet = [Int](repeating: 0, count: instance.alternativeSetCount)
        for j in 0..<instance.jobCount where mask & (1 << j) != 0 {
            if instance.group[j] >= 0 {
                served[instance.group[j]] += 1
                if served[instance.group[j]] > instance.groupMaximum[instance.group[j]] { return false }
            }
            if instance.alternatives[j] >= 0 {
                servedInSet[instance.alternatives[j]] += 1
                if servedInSet[instance.alternatives[j]] > 1 { return false }
            }
        }
        return true
    }

    /// Cheapest route cost and order of vehicle `v` for every subset of jobs (`.infinity` when
    /// the subset cannot form a feasible route).
    private func routes(vehicle v: Int, full: Int) -> ([Double], [[Int]]) {
        var search = RouteLabelSearch(instance, vehicle: v, full: full)
        return search.run()
    }
}
