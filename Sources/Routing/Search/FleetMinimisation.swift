/// Route elimination for objectives that count vehicles before cost, after the fleet
/// minimisation of SISR (Christiaens & Vanden Berghe 2020, §5): take one route out of a complete
/// solution, then ruin and recreate without opening vehicles around a job left out, accepting a
/// candidate that leaves fewer jobs out, or as many that were left out less often so far (their
/// "absences"). Jobs that are hard to place accumulate absences, so the search trades them for
/// easier ones until every job is back; the solution then has one vehicle fewer and the next route
/// is taken out. (SISR also accepts more jobs out with fewer absences; on Solomon's RC101 that
/// drifts to a dozen jobs out and eliminated fewer routes in our runs, so the count may not rise.)
struct FleetMinimisation {
    /// Share of the budget given to this phase before the cost phase starts.
    static let budgetShare = 0.4
    /// Share of the phase an elimination may go without leaving fewer jobs out.
    static let patience = 0.05
    /// Failed eliminations in a row that end the phase.
    static let attempts = 5

    /// Whether the phase applies: every job mandatory and the objective lexicographic with
    /// vehicles ranked before cost.
    static func applies(to instance: Instance) -> Bool {
        guard case .lexicographic(let criteria) = instance.problem.objective,
            let vehicles = criteria.firstIndex(of: .vehicles)
        else { return false }
        let cost = criteria.firstIndex(of: .cost) ?? criteria.count
        return vehicles < cost && instance.isMandatory.allSatisfy { $0 } && instance.jobCount > 1
    }

    /// Fewest vehicles any solution can use: per capacity dimension, the largest capacities
    /// needed to hold the total demand.
    static func vehicleLowerBound(_ instance: Instance) -> Int {
        var bound = 1
        for d in 0..<instance.dimensions {
            let total = (0..<instance.jobCount).reduce(0) { $0 + instance.demand[$1 * instance.dimensions + d] }
            let capacities = (0..<instance.vehicleCount).map { instance.capacity[$0 * instance.dimensions + d] }.sorted(by: >)
            var held = 0.0
            var count = 0
            while count < capacities.count && instance.exceeds(total, held) {
                held += capacities[count]
                count += 1
            }
            bound = max(bound, count)
        }
        return bound
    }

    /// Removes routes from the complete solution `state` within `budget`; returns the complete
    /// solution with the fewest vehicles found and the iterations used.
    func search(_ state: SearchState, budget: Budget, rng: inout SplitMix64) -> (SearchState, Int) {
        let instance = state.instance
        let recreate = RuinAndRecreate()
        let best = state.copy()
        let floor = Self.vehicleLowerBound(instance)
        let current = state.copy()
        let candidate = state.copy()
        current.opensRoutes = false
        candidate.opensRoutes = false
        var absences = [Int](repeating: 0, count: instance.jobCount)
        var iteration = 0
        precondition(state.unassigned.isEmpty, "route elimination starts from a complete solution")
        guard best.usedRouteCount > floor else { return (best, iteration) }
        // An elimination that finds no new low of jobs left out for `patience` of the phase gives
        // way to the next smallest route (one holding a job that needs its own vehicle can never
        // go); after `attempts` such failures in a row the cost phase gets the rest.
        var attempt = 0
        var fewestLeftOut = 0
        var lastLow = 0.0
        func startElimination() {
            eliminateRoute(current, rank: attempt)
            fewestLeftOut = current.unassigned.count
            lastLow = budget.progress(iteration)
        }
        startElimination()
        while !budget.isExhausted(iteration) {
            if budget.progress(iteration) - lastLow > Self.patience {
                attempt += 1
                guard attempt < min(Self.attempts, best.usedRouteCount) else { break }
                current.assign(from: best)
                startElimination()
            }
            iteration += 1
            candidate.assign(from: current)
            guard !candidate.unassigned.isEmpty else { break }
            guard accepts(candidate, over: current, recreate: recreate, absences: &absences, rng: &rng) else { continue }
            current.assign(from: candidate)
            if current.unassigned.count < fewestLeftOut {
                fewestLeftOut = current.unassigned.count
                lastLow = budget.progress(iteration)
            }
            if current.unassigned.isEmpty {
                best.assign(from: current)
                if best.usedRouteCount <= floor { break }
                attempt = 0
                startElimination()
            }
        }
        return (best, iteration)
    }

    /// Ruins `candidate` (a copy of `current` with jobs left out) around one of those jobs and
    /// recreates it without opening routes, counting an absence for each job it then leaves out;
    /// whether it replaces `current`: fewer jobs out, or as many that were out less often so far.
    private func accepts(
        _ candidate: SearchState, over current: SearchState, recreate: RuinAndRecreate, absences: inout [Int],
        rng: inout SplitMix64
    ) -> Bool {
        let instance = current.instance
        let center = candidate.unassigned[rng.below(candidate.unassigned.count)]
        let removed = recreate.ruin(candidate, around: center, rng: &rng)
        let touched = Array(Set(removed.compactMap { current.placeOf[$0].route })).sorted()
        guard recreate.routesAreFeasible(candidate, touched) else { return false }
        // Only the ruined routes gained room: a job left out far from them most likely fails
        // again, and retrying every one each time would cost more than it finds.
        let retrying = candidate.unassigned.filter { j in
            !removed.contains(j)
                && instance.neighbours[j].contains { neighbour in current.placeOf[neighbour].route.map(touched.contains) ?? false }
        }
        // A route the ruin empties stays closed: when its jobs fit elsewhere, two routes go at
        // once. Letting it be refilled left 3 more vehicles over the 56 Solomon files and one
        // more on c2_10_1 and rc1_10_1 in our runs; when they do not fit, the stall in `search`
        // starts again from the best solution.
        recreate.recreate(candidate, removed, retrying: retrying, rng: &rng)
        let candidateAbsences = candidate.unassigned.reduce(0) { $0 + absences[$1] }
        let currentAbsences = current.unassigned.reduce(0) { $0 + absences[$1] }
        for j in candidate.unassigned { absences[j] += 1 }
        let fewer = candidate.unassigned.count < current.unassigned.count
        return fewer || candidate.unassigned.count == current.unassigned.count && candidateAbsences < currentAbsences
    }

    /// Takes out of `s` the route of rank `rank` (0 first) by number of jobs, then distance.
    private func eliminateRoute(_ s: SearchState, rank: Int) {
        let used = s.routes.indices.filter { s.routes[$0].count > 0 }
            .sorted { (s.routes[$0].count, s.routes[$0].distance, $0) < (s.routes[$1].count, s.routes[$1].distance, $1) }
        guard !used.isEmpty else { return }
        s.remove(s.routes[used[min(rank, used.count - 1)]].jobs)
    }
}
